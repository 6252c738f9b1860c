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

/** Which words and stems a key universe files «w:» and «s:» keys under, as bits set by a hash of each one's
 * length and first and last letters. A new word form has ~15 inflection keys and mostly none of them is in
 * the universe: building and looking up each took most of the time of its keys. Here a stem's key is built
 * and looked up only when its bit is set (by it, or by another stem: the universe decides). The built-in
 * dictionaries' 18,341 «w:» and «s:» keys set 3.2% of the bits. The hash reads five letters, not all: the
 * set is built early, before the compiler has optimized much. */
const FILTER_BITS = 1 << 19;
const WORD_SALT = 0x5bd1e995;
const FNV_PRIME = 0x01000193;
const [W, S, COLON] = ['w', 's', ':'].map((c) => c.charCodeAt(0));
const KEY_FILTERS = new WeakMap<ReadonlyMap<string, unknown>, KeyFilter>();

/** The bit of s.slice(from, from + len) (a letter past its end reads as 0). */
function bitOf(s: string, from: number, len: number, salt: number): number {
  const end = from + len;
  let h = Math.imul(len ^ salt, FNV_PRIME);
  h = Math.imul(h ^ (len > 0 ? s.charCodeAt(from) : 0), FNV_PRIME);
  h = Math.imul(h ^ (len > 1 ? s.charCodeAt(from + 1) : 0), FNV_PRIME);
  h = Math.imul(h ^ (len > 2 ? s.charCodeAt(end - 3) : 0), FNV_PRIME);
  h = Math.imul(h ^ (len > 3 ? s.charCodeAt(end - 2) : 0), FNV_PRIME);
  h = Math.imul(h ^ (len > 4 ? s.charCodeAt(end - 1) : 0), FNV_PRIME);
  return (h ^ (h >>> 15)) & (FILTER_BITS - 1);
}

const isSet = (bits: Uint32Array, b: number) => (bits[b >>> 5] & (1 << (b & 31))) !== 0;

/** Forms looked up before the set is built: building it (~23,000 keys) costs a one-article run more than it saves. */
const FILTER_AFTER = 4096;
interface KeyFilter { bits: Uint32Array | null; lookups: number }

function keyFilter(universe: ReadonlyMap<string, unknown>): Uint32Array | null {
  let f = KEY_FILTERS.get(universe);
  if (!f) KEY_FILTERS.set(universe, (f = { bits: null, lookups: 0 }));
  if (f.bits === null && ++f.lookups > FILTER_AFTER) {
    const bits = new Uint32Array(FILTER_BITS >>> 5);
    for (const key of universe.keys()) {
      if (key.charCodeAt(1) !== COLON) continue;
      const kind = key.charCodeAt(0);
      const b = kind === W ? bitOf(key, 2, key.length - 2, WORD_SALT) : kind === S ? bitOf(key, 2, key.lastIndexOf('|') - 2, 0) : -1;
      if (b >= 0) bits[b >>> 5] |= 1 << (b & 31);
    }
    f.bits = bits;
  }
  return f.bits;
}

/** ENDINGS_BY_LAST by the last letter's code. */
const ENDINGS_BY_LAST_CODE = new Map<number, string[]>([...ENDINGS_BY_LAST].map(([last, endings]) => [last.charCodeAt(0), endings]));

/** computeTextKeys(norm) without the keys the universe lacks, in the same order. */
export function textKeysIn(universe: ReadonlyMap<string, unknown>, norm: string): string[] {
  const bits = keyFilter(universe);
  if (bits === null) return computeTextKeys(norm).filter((key) => universe.has(key));
  const n = norm.length;
  const out: string[] = [];
  const add = (key: string) => { if (universe.has(key)) out.push(key); };
  if (isSet(bits, bitOf(norm, 0, n, WORD_SALT))) add('w:' + norm);
  if (isSet(bits, bitOf(norm, 0, n, 0))) add('s:' + norm + '|c');
  for (const e of ENDINGS_BY_LAST_CODE.get(norm.charCodeAt(n - 1)) ?? NO_ENDINGS) {
    if (n - e.length < MIN_STEM || !isSet(bits, bitOf(norm, 0, n - e.length, 0)) || !norm.endsWith(e)) continue;
    const stem = norm.slice(0, -e.length);
    for (const cls of ENDING_CLASSES.get(e)!) add(`s:${stem}|${cls}`);
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
