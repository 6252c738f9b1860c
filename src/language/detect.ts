// Language identification with franc, restricted to the languages our readers meet.
import { createRequire } from 'node:module';

// franc takes ~70 ms to import and Russian text rarely needs it: loaded on first use (Node ≥ 20.19 requires ESM synchronously).
type Franc = (text: string, options: { only: string[]; minLength: number }) => string;
let franc: Franc | null = null;
const loadFranc = (): Franc => (franc ??= (createRequire(import.meta.url)('franc') as { franc: Franc }).franc);

// the languages we read, their Cyrillic neighbours, and the Latin-script languages most often mistaken
// for English when English is the only Latin one on the list
const ONLY = ['rus', 'ukr', 'bel', 'kaz', 'eng', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'pol', 'tur'];
const ISO1: Record<string, string> = {
  rus: 'ru', ukr: 'uk', bel: 'be', kaz: 'kk', eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', tur: 'tr', und: 'und',
};
/** franc is unreliable on very short text: below this many letters we assume Russian if Cyrillic dominates. */
export const MIN_LETTERS = 40;
/** A few hundred letters decide between these five languages; franc's cost grows with the text. */
const SAMPLE_CHARS = 600;
const RUSSIAN_ONLY = /[ыэъЫЭЪ]/;
const OTHER_CYRILLIC = /[іїєґўәғқңөұүһІЇЄҐЎӘҒҚҢӨҰҮҺ]/;
const LETTER = /\p{L}/u;

/** Letters, and letters of the Cyrillic block (U+0400–U+04FF), in a sample. The block and ASCII are told
 * apart by code (a regular expression per character took ~100 µs of a 600-character sample, as long as
 * the rest of the check); other characters are asked of /\p{L}/u. */
export function countLetters(sample: string): { letters: number; cyr: number } {
  let letters = 0;
  let cyr = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
    } else if (c >= 0x400 && c <= 0x4ff) {
      // all of the block is letters but ҂ (U+0482) and the combining marks U+0483–U+0489
      if (c < 0x482 || c > 0x489) { letters++; cyr++; }
    } else {
      const cp = sample.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (LETTER.test(String.fromCodePoint(cp))) letters++;
    }
  }
  return { letters, cyr };
}

export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const { letters, cyr } = countLetters(sample);
  if (letters < MIN_LETTERS) return cyr > 0 && cyr * 2 >= letters ? 'ru' : 'und';
  // Cyrillic with ы/э/ъ and none of the letters only Ukrainian, Belarusian or Kazakh have is Russian:
  // no need to ask franc (its cost is most of a short article's processing time)
  if (RUSSIAN_ONLY.test(sample) && !OTHER_CYRILLIC.test(sample) && cyr * 2 >= letters) return 'ru';
  return ISO1[loadFranc()(sample, { only: ONLY, minLength: 10 })] ?? 'und';
}
