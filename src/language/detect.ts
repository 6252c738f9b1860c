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
const CYRILLIC = /[\u0400-\u04FF]/;

export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  let letters = 0;
  let cyr = 0;
  for (const ch of sample) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (CYRILLIC.test(ch)) cyr++;
  }
  if (letters < MIN_LETTERS) return cyr > 0 && cyr * 2 >= letters ? 'ru' : 'und';
  // Cyrillic with ы/э/ъ and none of the letters only Ukrainian, Belarusian or Kazakh have is Russian:
  // no need to ask franc (its cost is most of a short article's processing time)
  if (RUSSIAN_ONLY.test(sample) && !OTHER_CYRILLIC.test(sample) && cyr * 2 >= letters) return 'ru';
  return ISO1[loadFranc()(sample, { only: ONLY, minLength: 10 })] ?? 'und';
}
