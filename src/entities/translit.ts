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

function computeSlug(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) out += MAP[ch] ?? ch;
  return out.normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
