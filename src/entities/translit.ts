// Cyrillic → ASCII for stable entity ids (close to the common English news spelling).
import { remembered } from '../detached.js';

const MAP: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', қ: 'k', ғ: 'g', ұ: 'u', ү: 'u', ө: 'o', ә: 'a', ң: 'n', һ: 'h', і: 'i',
};

/** Slugs of the names seen lately: the same names come back from document to document. */
const seen = new Map<string, string>();
const SEEN_LIMIT = 10_000;

/** ASCII slug: lowercase, letters and digits, hyphen-separated. */
export function slug(s: string): string {
  return remembered(seen, SEEN_LIMIT, s, computeSlug);
}

/** MAP by character code (its keys are single UTF-16 units): a character read as an object key was looked up
 * in V8's string table first. */
const BY_CODE: Array<string | undefined> = [];
for (const [ch, latin] of Object.entries(MAP)) BY_CODE[ch.charCodeAt(0)] = latin;

function computeSlug(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const latin = c < BY_CODE.length ? BY_CODE[c] : undefined;
    if (latin !== undefined) out += latin;
    else {
      out += lower[i];
      if (c >= 0x80) ascii = false;
    }
  }
  // NFKD splits accented letters («é» → «e» and a mark, dropped: «Müller» is «muller», not «mu-ller»); ASCII has
  // nothing to split
  return (ascii ? out : out.normalize('NFKD').replace(/\p{M}+/gu, '')).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
