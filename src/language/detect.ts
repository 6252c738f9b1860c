// Language identification with franc, restricted to the languages our readers meet.
import { franc } from 'franc';

const ONLY = ['rus', 'ukr', 'bel', 'kaz', 'eng'];
const ISO1: Record<string, string> = { rus: 'ru', ukr: 'uk', bel: 'be', kaz: 'kk', eng: 'en', und: 'und' };
/** franc is unreliable on very short text: below this many letters we assume Russian if Cyrillic dominates. */
export const MIN_LETTERS = 40;
const SAMPLE_CHARS = 600;
const RUSSIAN_ONLY = /[ыэъЫЭЪ]/;
const OTHER_CYRILLIC = /[іїєґўәғқңөұүһІЇЄҐЎӘҒҚҢӨҰҮҺ]/;

export function detectLanguage(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyr = text.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  if (letters < MIN_LETTERS) return cyr * 2 >= letters && cyr > 0 ? 'ru' : letters ? 'und' : 'und';
  // Cyrillic with ы/э/ъ and none of the letters only Ukrainian, Belarusian or Kazakh have is Russian:
  // no need to ask franc (its cost is most of a short article's processing time)
  const sample = text.slice(0, SAMPLE_CHARS);
  if (RUSSIAN_ONLY.test(sample) && !OTHER_CYRILLIC.test(sample) && cyr * 2 >= letters) return 'ru';
  // franc's cost grows with the text; a few hundred letters decide between these five languages
  const code = franc(text.slice(0, SAMPLE_CHARS), { only: ONLY, minLength: 10 });
  return ISO1[code] ?? 'und';
}
