// Russian inflection endings, as the inflection-tolerant word keys need them. Grammar, not
// knowledge: the same for every dictionary.
//
// A dictionary word in the nominative is stored under its stem and its declension class (the
// nominative ending tells the class); a text word is looked up under every stem its ending
// allows for each class. «Виктория» (class -ия) and «Виктором» (-ом, not an -ия ending) do not
// meet; «Франция» and «Франции» do; «Франц» (no ending) never meets the stem «франц».

import { remembered } from '../detached.js';

/** Declension classes by nominative ending, with the endings their forms take in text. */
const CLASSES: Record<string, string[]> = {
  // Россия, Франция: -ии, -ию, -ией
  ia: ['ия', 'ии', 'ию', 'ией', 'иею', 'ий', 'иям', 'иях', 'иями'],
  // Палестина, Астана, судья: -ы, -е, -у, -ой
  a: ['а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею', 'ам', 'ям', 'ах', 'ях', 'ами', 'ями'],
  // Казахстан, Токаев, Китай, посол: -а, -у, -ом, -е
  c: ['а', 'я', 'у', 'ю', 'ом', 'ем', 'ём', 'е', 'ы', 'и', 'ов', 'ев', 'ей', 'ам', 'ям', 'ах', 'ях', 'ами', 'ями', 'ым', 'ой'],
  // исламский, Объединённые, Нижний: adjective endings, and -о of compounds («казахстанско-»)
  adj: ['о', 'ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ие', 'ые', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем', 'ую', 'юю', 'ых', 'их', 'ыми', 'ими', 'ою', 'ею'],
  // Сочи, Перу, Нидерланды: plural nouns
  pl: ['ы', 'и', 'ов', 'ев', 'ей', 'ам', 'ям', 'ах', 'ях', 'ами', 'ями'],
  // агентство, Косово, совещание: neuter
  o: ['о', 'е', 'а', 'я', 'у', 'ю', 'ом', 'ем', 'и', 'ам', 'ям', 'ах', 'ях', 'ами', 'ями', 'ий'],
};

/** Nominative endings in the order they are tried (longest first), with their class. */
const NOMINATIVE: Array<[string, string]> = [
  ['ия', 'ia'], ['ий', 'adj'], ['ый', 'adj'], ['ой', 'adj'], ['ая', 'adj'], ['яя', 'adj'], ['ое', 'adj'], ['ее', 'adj'],
  ['ие', 'adj'], ['ые', 'adj'], ['а', 'a'], ['я', 'a'], ['о', 'o'], ['е', 'o'], ['ы', 'pl'], ['и', 'pl'], ['й', 'c'], ['ь', 'c'],
];

const ENDING_CLASSES = new Map<string, string[]>();
for (const [cls, endings] of Object.entries(CLASSES)) for (const e of endings) ENDING_CLASSES.set(e, [...(ENDING_CLASSES.get(e) ?? []), cls]);
const ENDINGS = [...ENDING_CLASSES.keys()].sort((a, b) => b.length - a.length);
/** ENDINGS by their last letter, in the same order: a word is tried only against the endings it can have. */
const ENDINGS_BY_LAST = new Map<string, string[]>();
for (const e of ENDINGS) ENDINGS_BY_LAST.set(e[e.length - 1], [...(ENDINGS_BY_LAST.get(e[e.length - 1]) ?? []), e]);
const NO_ENDINGS: string[] = [];

const VOWELS = 'аеёиоуыэюя';
export const MIN_STEM = 3;

/** textKeys, remembered for the words the later stages compare again and again (names, titles). The
 * segmenter keeps the keys of every token form itself and computes them with computeTextKeys: cached
 * here too, they took 16 MB for the bench corpus's 39,000 forms. */
const keyCache = new Map<string, string[]>();
const KEY_CACHE_LIMIT = 10_000;

export function textKeys(norm: string): string[] {
  return remembered(keyCache, KEY_CACHE_LIMIT, norm, computeTextKeys);
}

/** Keys under which a text word is looked up: «w:» the word as written, «s:stem|class» for
 * every ending it may carry. */
export function computeTextKeys(norm: string): string[] {
  const out = ['w:' + norm, 's:' + norm + '|c'];
  for (const e of ENDINGS_BY_LAST.get(norm[norm.length - 1]) ?? NO_ENDINGS) {
    if (norm.length - e.length < MIN_STEM || !norm.endsWith(e)) continue;
    const stem = norm.slice(0, -e.length);
    for (const cls of ENDING_CLASSES.get(e)!) out.push(`s:${stem}|${cls}`);
  }
  return out;
}

/** Keys a dictionary word (nominative) is stored under: the word itself, its stem with its class,
 * and the stem without a fleeting vowel («египет» → «египт», «казахстанец» → «казахстанц»). */
export function entryKeys(norm: string): string[] {
  const out = new Set(['w:' + norm]);
  const nom = NOMINATIVE.find(([e]) => norm.length - e.length >= MIN_STEM && norm.endsWith(e));
  if (nom) out.add(`s:${norm.slice(0, -nom[0].length)}|${nom[1]}`);
  // -ие is an adjective («Объединённые» has -ые) or, more often, a neuter noun («Совещание»)
  if (nom?.[0] === 'ие') out.add(`s:${norm.slice(0, -1)}|o`);
  else {
    out.add(`s:${norm}|c`);
    const n = norm.length;
    if (n >= 5 && (norm[n - 2] === 'е' || norm[n - 2] === 'о') && !VOWELS.includes(norm[n - 1]) && !VOWELS.includes(norm[n - 3])) {
      out.add(`s:${norm.slice(0, n - 2)}${norm[n - 1]}|c`);
    }
  }
  return [...out];
}
