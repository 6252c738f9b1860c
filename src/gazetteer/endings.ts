// Russian inflection endings, as the inflection-tolerant word keys need them. Grammar, not
// knowledge: the same for every dictionary.

/** Case endings a nominal word may carry in text (nouns, adjectives, surnames, participles). */
export const CASE_ENDINGS = [
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'иям', 'иях', 'ией',
  'ом', 'ем', 'ём', 'ой', 'ей', 'ою', 'ею', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ым', 'им', 'ых', 'их',
  'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ий', 'ый', 'ью', 'ия', 'ии', 'ию',
  'а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'ь', 'й',
];

/** Endings of the nominative singular (and plural) forms that dictionaries are written in. */
export const NOMINATIVE_ENDINGS = ['ая', 'яя', 'ое', 'ее', 'ий', 'ый', 'ой', 'ие', 'ые', 'ия', 'а', 'я', 'о', 'е', 'и', 'ы', 'й', 'ь'];

const VOWELS = 'аеёиоуыэюя';

/** Keys under which a text word is looked up: «w:» the word as written, «s:» the word minus
 * each case ending. A stem key matches only a dictionary stem, so «Франц» (no ending) never
 * matches «Франция» (stem «франц»), while «Франции» does. */
export function textKeys(norm: string): string[] {
  const out = ['w:' + norm];
  for (const e of CASE_ENDINGS) {
    if (norm.length - e.length >= 3 && norm.endsWith(e)) out.push('s:' + norm.slice(0, -e.length));
  }
  return out;
}

/** Keys a dictionary word (nominative) is stored under: the word, its stem, and the stem
 * without a fleeting vowel («египет» → «египт», «казахстанец» → «казахстанц»). */
export function entryKeys(norm: string): string[] {
  const out = new Set(['w:' + norm]);
  let stem = norm;
  for (const e of NOMINATIVE_ENDINGS) {
    if (norm.length - e.length >= 3 && norm.endsWith(e)) { stem = norm.slice(0, -e.length); break; }
  }
  out.add('s:' + stem);
  const n = norm.length;
  if (n >= 5 && (norm[n - 2] === 'е' || norm[n - 2] === 'о') && !VOWELS.includes(norm[n - 1]) && !VOWELS.includes(norm[n - 3]) && norm[n - 1] !== 'й') {
    out.add('s:' + norm.slice(0, n - 2) + norm[n - 1]);
  }
  return [...out];
}
