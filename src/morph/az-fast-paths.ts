// Shortcuts into az (0.2.3) that give the same answers as az itself. 1 and 2 were checked parse by
// parse on 21,500 corpus words, and halved az's time on them; with 3 and 4 the parses of all 37,651
// word forms of the corpora stay identical (word, tag, score, order), the tests compare 3 and 4 with
// az's own code, and a new word (az and our conversion) takes ~28 µs instead of ~43 (an unknown one
// ~35 instead of ~65). Written against az 0.2.3: check the equivalence again before upgrading az.
//
// 1. Tags. az keeps every grammeme of a tag as a property of an object with dozens of
//    properties (V8 stores such objects as dictionaries), and its parsers ask each candidate
//    tag isProductive() (13 absent properties looked up), isCapitalized() (5) and toString()
//    (two joins, for the probability lookup of every dictionary parse). Tags are shared and
//    never change, so each answer is remembered per tag; a dictionary parse's answers are read by
//    its tag's index (capitalizedTag, tagString), without touching the tag.
// 2. DAWG.findAll. Its search keeps a stack of partial paths, one array and one string per
//    letter, to allow for typos, stutter («нееет») and letter replacements (е → ё). When none of
//    these can apply to the word, the stack only ever holds the one exact path, so the lookup is
//    a plain walk: az's probability table is always read this way (~2 lookups per word), and
//    so are dictionary words without «е» and without doubled letters. When replacements or stutter
//    can apply (a word with «е», about half of all, or with a doubled letter), it is a recursive walk
//    that branches at those letters in the order az's stack takes them (~10% off such a word); only
//    a search with typos, which az never makes with its defaults, is left to az. A test compares both.
// 3. Normalisation. az normalizes a dictionary parse by building the parse of the first form of its
//    paradigm (a new object, a substring and a concatenation); normalLemma computes that form's word
//    from the same tables, as DictionaryParse.prototype.inflect does.
// 4. Parsers.SuffixKnown, az's guess from the ending of a word it does not know (most names), is
//    az's own code with two changes: the candidates it has already taken are kept by paradigm and form
//    (`taken`) instead of as «word:paradigm:form» keys of a plain object, which cost two thirds of its
//    time; and each ending's candidates are read from its table, and their tags tested, once
//    (`guessesFor`), which halved what was left. Same candidates, order and scores.
// 5. DAWG.followString, every walk through a dictionary, reads each letter's byte from an array. az tests
//    `code in CP1251` and then reads CP1251[code], an object with integer keys up to 8482 that V8 keeps
//    as a dictionary: two hash lookups per letter, ~5% of the time on new text. A test compares the two
//    walks on every UTF-16 code unit and on words.
// 6. Morph itself (`morph` below) is az's loop over its parsers with four changes: a parser's name is not
//    cut out of its list entry and looked up by `in` for each word, the parses are pushed instead of
//    concatenated, a dictionary parse's probability is read by walking the word, «:» and the tag
//    through the table instead of building that string and searching for it (the word once for all
//    its parses, and each tag from where it parts from the tag before: `probability`), and the parses are
//    sorted by insertion (`byScore`). Morph's own code was a quarter of az's time. A test compares `morph`
//    with Az.Morph on all sample words.
// 7. Parsers.Dictionary and SuffixKnown test and fold letter case with toLowerCase/toUpperCase, not az's
//    locale-aware calls (see `capitalized`). Tests compare both parsers with az's own.
// 8. az's three hyphen parsers (a particle «-то», «по-» adverbs, «интернет-магазин») find nothing in a word
//    without a hyphen, yet each lowercases it, and HyphenWords compares it with each of az's ~130 known
//    prefixes first: 3–5 µs per unknown word. They are skipped for such words; a test compares them with
//    az's own.
import type { AzParse } from 'az';
import { Az } from './az.js';

const MISSING = -1; // az's DAWG: "no such transition"
const ROOT = 0; // az's DAWG: the root's index
const NONE = Symbol('undefined');

type Method = (this: object, ...args: never[]) => unknown;

function memoizeTagMethod(proto: Record<string, unknown>, name: string): void {
  const original = proto[name] as Method;
  // isCapitalized() answers undefined for most tags: kept as a marker so a hit is one lookup
  const known = new Map<object, unknown>();
  proto[name] = function (this: object) {
    const v = known.get(this);
    if (v !== undefined) return v === NONE ? undefined : v;
    const fresh = original.call(this);
    known.set(this, fresh === undefined ? NONE : fresh);
    return fresh;
  };
}

interface Dawg {
  format: 'words' | 'probs' | 'int';
  followString(str: string, index?: number): number;
  followByte(c: number, index: number): number;
  hasValue(index: number): boolean;
  value(index: number): number;
  iterateAll(index: number): unknown[];
}
type FindAll = (this: Dawg, str: string, replaces?: Record<string, string>, stutter?: number, typos?: number) => unknown[];

/** True when az's search could take a stutter path: (with stutter allowed) a doubled letter «нн» or a
 * letter repeated across a hyphen «д-да». */
function mayStutter(str: string, stutter: number): boolean {
  if (stutter > 0) {
    for (let i = 0; i + 1 < str.length; i++) if (str.charCodeAt(i) === str.charCodeAt(i + 1)) return true;
    if (str.includes('-')) for (let i = 0; i + 2 < str.length; i++) if (str[i + 1] === '-' && str[i] === str[i + 2]) return true;
  }
  return false;
}

function mayReplace(str: string, replaces: Record<string, string> | undefined): boolean {
  if (replaces) for (const letter in replaces) if (str.includes(letter)) return true;
  return false;
}

/** What az's search puts in its results when it has read all of str and stands at index. */
function found(d: Dawg, word: string, index: number, stutter: number, out: unknown[]): void {
  if (d.format === 'int') {
    if (d.hasValue(index)) out.push([word, d.value(index)]);
    return;
  }
  const payloads = d.followByte(1, index); // the separator before the payloads
  if (payloads !== MISSING) out.push([word, d.iterateAll(payloads), stutter, 0]);
}

/** az's search without typos, as a recursive walk. At a letter its stack of partial paths holds, in the
 * order they were pushed: the replacement (е → ё), the letter read once, then the stutter readings («нн»
 * or «д-д» read as one letter; each further one merges one more letter). It pops them in the reverse
 * order, and a popped path's own paths are all taken before the next, so the walk takes them in that
 * order and finds the same results in the same order. */
function walk(d: Dawg, str: string, replaces: Record<string, string> | undefined, maxStutter: number, at: number, index: number, word: string | null, stutter: number, out: unknown[]): void {
  // `word` is the path's letters, null while they are str's own (most paths): no string is built for those
  if (at === str.length) {
    found(d, word ?? str, index, stutter, out);
    return;
  }
  const ch = str[at];
  const code = str.charCodeAt(at);
  const byte = code < CP1251_BYTE.length ? CP1251_BYTE[code] : -1;
  const next = byte < 0 ? MISSING : d.followByte(byte, index);
  if (next !== MISSING) {
    // a letter that may be read with the next ones as one: «нн», or «д-д» across a hyphen
    if (stutter < maxStutter && at < str.length - 1 && (str[at + 1] === ch || (str[at + 1] === '-' && str[at + 2] === ch))) {
      let readings = 0;
      const ends: number[] = [];
      for (let l = at; stutter + readings < maxStutter && l < str.length - 1; readings++) {
        if (str[l] === str[l + 1]) { ends.push(l + 2); l++; }
        else if (l < str.length - 2 && str[l + 1] === '-' && str[l] === str[l + 2]) { ends.push(l + 3); l += 2; }
        else break;
      }
      const own = (word ?? str.slice(0, at)) + ch;
      for (let k = ends.length - 1; k >= 0; k--) walk(d, str, replaces, maxStutter, ends[k], next, own, stutter + k + 1, out);
    }
    walk(d, str, replaces, maxStutter, at + 1, next, word === null ? null : word + ch, stutter, out);
  }
  const alt = replaces !== undefined && Object.hasOwn(replaces, ch) ? replaces[ch] : undefined;
  if (alt !== undefined) {
    const other = d.followString(alt, index);
    if (other !== MISSING) walk(d, str, replaces, maxStutter, at + 1, other, (word ?? str.slice(0, at)) + alt, stutter, out);
  }
}

function exactFindAll(original: FindAll): FindAll {
  return function (this: Dawg, str, replaces, stutter, typos) {
    if (typos) return original.call(this, str, replaces, stutter, typos);
    const out: unknown[] = [];
    const maxStutter = stutter || 0;
    if (mayStutter(str, maxStutter) || (replaces && mayReplace(str, replaces))) {
      walk(this, str, replaces, maxStutter, 0, ROOT, null, 0, out);
      return out;
    }
    // only the exact path exists
    const index = this.followString(str);
    if (index !== MISSING) found(this, str, index, 0, out);
    return out;
  };
}

/** az's CP1251 table as an array: Windows-1251 bytes 128–255 (az leaves out 0x98, which is no character)
 * by the code of their character; bytes 0–127 are ASCII. -1 marks a character az cannot encode. */
export const CP1251_BYTE = (() => {
  const high = '\u0402\u0403\u201a\u0453\u201e\u2026\u2020\u2021\u20ac\u2030\u0409\u2039\u040a\u040c\u040b\u040f\u0452\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u0098\u2122\u0459\u203a\u045a\u045c\u045b\u045f\u00a0\u040e\u045e\u0408\u00a4\u0490\u00a6\u00a7\u0401\u00a9\u0404\u00ab\u00ac\u00ad\u00ae\u0407\u00b0\u00b1\u0406\u0456\u0491\u00b5\u00b6\u00b7\u0451\u2116\u0454\u00bb\u0458\u0405\u0455\u0457АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';
  const table = new Int16Array(0x2123).fill(-1); // up to «™», U+2122
  for (let b = 0; b < 128; b++) table[b] = b;
  for (let b = 128; b < 256; b++) if (b !== 0x98) table[high.charCodeAt(b - 128)] = b;
  return table;
})();

type FollowString = (this: Dawg, str: string, index?: number) => number;

/** DAWG.prototype.followString of az 0.2.3 with the byte of each letter read from CP1251_BYTE. */
function followString(this: Dawg, str: string, index?: number): number {
  let at = index || ROOT;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    const byte = code < CP1251_BYTE.length ? CP1251_BYTE[code] : -1;
    if (byte < 0) return MISSING;
    at = this.followByte(byte, at);
    if (at === MISSING) return MISSING;
  }
  return at;
}

/** az's own walk, kept so that the tests can compare the shortcut with it. */
export let azFollowString: FollowString | null = null;

/** az's own DAWG search, kept so that the tests can compare the shortcut with it. */
export let azFindAll: FindAll | null = null;

type DawgLoad = (url: string, format: string, callback: (err: unknown, dawg?: Dawg) => void) => void;
let words: Dawg | null = null;
/** az's table of P(tag | word), keyed «word:tag». */
let probabilities: Dawg | null = null;
/** az's tables of endings for guessing, one per paradigm prefix (prediction-suffixes-0…2.dawg). */
const predictionSuffixes: Dawg[] = [];

/** Call before Az.Morph.init: keeps az's dictionary of word forms (for dictionaryWord()) and its tables of endings. */
export function keepWordsDawg(): void {
  const DAWG = (Az as unknown as { DAWG: { load: DawgLoad } }).DAWG;
  const load = DAWG.load;
  DAWG.load = (url, format, callback) => load(url, format, (err, dawg) => {
    if (format === 'words' && dawg) words = dawg;
    if (format === 'int' && dawg) probabilities = dawg;
    const suffixTable = /prediction-suffixes-(\d)\.dawg$/.exec(url);
    if (suffixTable && dawg) predictionSuffixes[Number(suffixTable[1])] = dawg;
    callback(err, dawg);
  });
}

interface GuessParse { score: number; tag: { isProductive(): boolean; isCapitalized(): boolean }; toString(): string }
type DictionaryParseClass = new (word: string, paradigmIdx: number, formIdx: number) => GuessParse;
type DictionaryParseClass5 = new (word: string, paradigmIdx: number, formIdx: number, stutter: number, typos: number) => GuessParse;
interface AzConfig { ignoreCase?: boolean; replacements?: Record<string, string> }
const PARADIGM_PREFIXES = ['', 'по', 'наи']; // az's `prefixes`
/** az's form endings (suffixes.json), which the paradigms index. */
let suffixes: string[] = [];
let DictionaryParse: DictionaryParseClass | null = null;
interface Paradigm { paradigm: number[]; formCnt: number; formIdx: number }

/** What is asked of a dictionary parse's tag, by the tag's index in az's table (paradigm[formCnt + formIdx], as
 * az finds the tag): whether it is capitalized (0: not asked yet, 1: no, 2: yes) and its string. An az tag keeps
 * a property per grammeme, in dictionary mode, and reading it or keying a Map by it was a memory access at a
 * random place per parse. */
const TAG_INDICES = 1 << 16; // az's paradigms are Uint16Arrays
const tagCapitalized = new Uint8Array(TAG_INDICES);
const tagStrings: Array<string | undefined> = new Array(TAG_INDICES);
const tagIndex = (p: Paradigm) => p.paradigm[p.formCnt + p.formIdx];

/** The index of a parse's tag in az's table when it is a dictionary parse (as all of the Dictionary and SuffixKnown
 * parsers' are), or -1: what is derived from a tag can be kept by it. */
export function dictionaryTagIndex(p: AzParse): number {
  return DictionaryParse && p instanceof DictionaryParse ? tagIndex(p as unknown as Paradigm) : -1;
}

function capitalizedTag(p: Paradigm & { tag: { isCapitalized(): boolean } }): boolean {
  const i = tagIndex(p);
  let c = tagCapitalized[i];
  if (c === 0) tagCapitalized[i] = c = p.tag.isCapitalized() ? 2 : 1;
  return c === 2;
}

function tagString(p: Paradigm & { tag: object }): string {
  const i = tagIndex(p);
  return (tagStrings[i] ??= p.tag.toString());
}

/** Call from az's loader with the contents of suffixes.json. */
export function keepSuffixes(table: string[]): void {
  suffixes = table;
}

/** The word of a parse's normal form, as `parse.normalize().word` gives it, in lowercase. A dictionary parse's
 * word is already lowercase (az's dictionary and its tables of endings hold lowercase words, and the parsers
 * lowercase the word they look up), so only the others are lowercased, a call that cost ~0.1 µs per parse. */
export function normalLemma(p: AzParse): string {
  if (DictionaryParse && p instanceof DictionaryParse) {
    const { paradigm, formCnt: n, formIdx: f } = p as unknown as Paradigm;
    const w = p.word;
    const base = w.substring(PARADIGM_PREFIXES[paradigm[(n << 1) + f]].length, w.length - suffixes[paradigm[f]].length);
    return PARADIGM_PREFIXES[paradigm[n << 1]] + base + suffixes[paradigm[0]];
  }
  // az cannot normalize some predicted forms; the word itself is then its lemma
  return (p.normalize()?.word ?? p.word ?? '').toLowerCase();
}
const COEFFS = [0, 0.2, 0.3, 0.4, 0.5, 0.6];

/** az's test of a capitalized word («Иван», not «ИВАН»), with toLowerCase where az has toLocaleLowerCase:
 * the same for every locale but Turkish, Azeri and Lithuanian, where az's answers would depend on the
 * machine's locale; and the locale-aware calls were ~5% of az's time. */
const capitalized = (word: string, config: AzConfig) =>
  !config.ignoreCase && word.length > 0 && word[0].toLowerCase() !== word[0] && word.substr(1).toUpperCase() !== word.substr(1);

type Entry = [string, Array<[number, number]>, number, number];

/** Morph.Parsers.Dictionary of az 0.2.3 (with the case tests above). */
function dictionaryParser(DictionaryParse: DictionaryParseClass5): (word: string, config: AzConfig & { stutter: number; typos: number }) => GuessParse[] {
  return (word, config) => {
    const entries = (words as Dawg & { findAll: FindAll }).findAll(word.toLowerCase(), config.replacements, config.stutter, config.typos) as Entry[];
    const vars: GuessParse[] = [];
    // most lookups (az's prefix parsers try every split of a word) find nothing: the case test waits for a find
    let isCapitalized: boolean | null = null;
    for (const [found, forms, stutter, typos] of entries) {
      for (const [paradigm, form] of forms) {
        const w = new DictionaryParse(found, paradigm, form, stutter, typos);
        if (config.ignoreCase || !capitalizedTag(w as unknown as Paradigm & GuessParse) || (isCapitalized ??= capitalized(word, config))) vars.push(w);
      }
    }
    return vars;
  };
}

/** An ending's guesses as az's SuffixKnown reads them from a table of endings: the productive ones, in the
 * table's order, with what az asks of their tag. */
interface Guess { suffix: string; count: number; paradigm: number; form: number; capitalizedTag: boolean; id: number }
/** Per replacements object and table, the guesses of each ending (null: the table has no entry). Endings are
 * few (~5 letters at most) and shared by many words, so each is looked up and its tags tested once. */
const guessCache = new WeakMap<object, Array<Map<string, Guess[] | null>>>();
const NO_REPLACEMENTS = {};
const GUESS_CACHE_LIMIT = 50_000;

function guessesFor(DictionaryParse: DictionaryParseClass, i: number, right: string, replacements: Record<string, string> | undefined): Guess[] | null {
  let tables = guessCache.get(replacements ?? NO_REPLACEMENTS);
  if (!tables) guessCache.set(replacements ?? NO_REPLACEMENTS, (tables = PARADIGM_PREFIXES.map(() => new Map())));
  const cache = tables[i];
  let guesses = cache.get(right);
  if (guesses === undefined) {
    const table = predictionSuffixes[i] as Dawg & { findAll: FindAll };
    const entries = table.findAll(right, replacements, 0, 0) as Array<[string, Array<[number, number, number]>]> | undefined;
    guesses = entries ? [] : null;
    if (entries) {
      for (const [suffix, stats] of entries) {
        for (const [count, paradigm, form] of stats) {
          const tag = new DictionaryParse(suffix, paradigm, form).tag;
          if (tag.isProductive()) guesses!.push({ suffix, count, paradigm, form, capitalizedTag: Boolean(tag.isCapitalized()), id: (paradigm << 16) | form });
        }
      }
    }
    if (cache.size > GUESS_CACHE_LIMIT) cache.clear();
    cache.set(right, guesses);
  }
  return guesses;
}

/** The words of the guesses already taken, by their paradigm and form ((paradigm << 16) | form: az's
 * paradigm and form indices are 16-bit). Two guesses meet here only as the same word of the same form. */
function taken(used: Map<number, string | string[]>, id: number, word: string): boolean {
  const seen = used.get(id);
  if (seen === undefined) {
    used.set(id, word);
    return false;
  }
  if (typeof seen === 'string') {
    if (seen === word) return true;
    used.set(id, [seen, word]);
    return false;
  }
  if (seen.includes(word)) return true;
  seen.push(word);
  return false;
}

/** Morph.Parsers.SuffixKnown of az 0.2.3, line for line, with az's `used` («word:paradigm:form» keys of an
 * object) kept by `taken`, an ending's guesses read once (guessesFor) and the case tests above. */
function suffixKnown(DictionaryParse: DictionaryParseClass): (word: string, config: AzConfig) => GuessParse[] {
  return (word, config) => {
    if (word.length < 4) return [];
    const isCapitalized = capitalized(word, config);
    word = word.toLowerCase();
    let parses: GuessParse[] = [];
    let minlen = 1;
    const used = new Map<number, string | string[]>();
    for (let i = 0; i < PARADIGM_PREFIXES.length; i++) {
      const prefix = PARADIGM_PREFIXES[i];
      if (prefix.length && word.substr(0, prefix.length) !== prefix) continue;
      const base = word.substr(prefix.length);
      for (let len = 5; len >= minlen; len--) {
        if (len >= base.length) continue;
        const left = base.substr(0, base.length - len);
        const right = base.substr(base.length - len);
        const guesses = guessesFor(DictionaryParse, i, right, config.replacements);
        if (guesses === null) continue;
        const p: GuessParse[] = [];
        let max = 1;
        for (const g of guesses) {
          if (!config.ignoreCase && g.capitalizedTag && !isCapitalized) continue;
          const w = prefix + left + g.suffix;
          if (taken(used, g.id, w)) continue;
          const parse = new DictionaryParse(w, g.paradigm, g.form);
          max = Math.max(max, g.count);
          parse.score = g.count * COEFFS[len];
          p.push(parse);
        }
        if (p.length > 0) {
          for (const x of p) x.score /= max;
          parses = parses.concat(p);
          minlen = Math.max(len - 1, 1); // az checks the ending one letter shorter too
        }
      }
    }
    return parses;
  };
}

const E_AS_YO = { е: 'ё' }; // az's default replacements

/** Whether az's dictionary holds the word as written (lowercase), reading «е» as «е» or «ё» as az does, and az
 * reads it only so: then its analyses are all dictionary forms, with no guesses from prefixes or endings and no
 * stutter readings («ввиду» as «виду»). */
export function dictionaryWord(lower: string): boolean {
  if (!words) throw new Error('morphology is not initialised');
  return !mayStutter(lower, 1) && spelled(words, lower, E_AS_YO, 0, ROOT);
}

/** Whether az's search without typos or stutter finds str (walk's paths, stopping at the first that ends in a
 * word): the payloads are neither read nor listed, as only their existence is asked. */
function spelled(d: Dawg, str: string, replaces: Record<string, string>, at: number, index: number): boolean {
  if (at === str.length) return d.followByte(1, index) !== MISSING; // the separator before a word's payloads
  const ch = str[at];
  const code = str.charCodeAt(at);
  const byte = code < CP1251_BYTE.length ? CP1251_BYTE[code] : -1;
  const next = byte < 0 ? MISSING : d.followByte(byte, index);
  if (next !== MISSING && spelled(d, str, replaces, at + 1, next)) return true;
  const alt = Object.hasOwn(replaces, ch) ? replaces[ch] : undefined;
  if (alt === undefined) return false;
  const other = d.followString(alt, index);
  return other !== MISSING && spelled(d, str, replaces, at + 1, other);
}

interface MorphParse { parser?: string; stutterCnt: number; typosCnt: number; score: number; tag: object }
type Parser = (word: string, config: object) => MorphParse[];

/** az 0.2.3's default options, given to az as its defaults, so that az and `morph` read the same object. */
const DEFAULTS = {
  ignoreCase: false,
  replacements: { е: 'ё' },
  stutter: Infinity,
  typos: 0,
  parsers: [
    'Dictionary?', 'AbbrName?', 'AbbrPatronymic',
    'IntNumber', 'RealNumber', 'Punctuation', 'RomanNumber?', 'Latin',
    'HyphenParticle', 'HyphenAdverb', 'HyphenWords',
    'PrefixKnown', 'PrefixUnknown?', 'SuffixKnown?', 'Abbr',
  ],
  forceParse: false,
  normalizeScore: true,
};
/** The parsers in their order; `name` is the parsers' own key string, so reading the parser is a plain lookup. */
let steps: Array<{ name: string; terminal: boolean }> = [];
let parsers: Record<string, Parser> = {};

/** az's getDictionaryScore. */
const dictionaryScore = (stutter: number, typos: number) => Math.pow(0.3, Math.min(stutter, 1) + typos);

/** Where the table's keys «word:…» go on (MISSING when it has none: az keeps P(tag | word) for ambiguous words only). */
function afterWord(table: Dawg, word: string): number {
  const at = table.followString(word);
  return at === MISSING ? MISSING : table.followString(':', at);
}

/** The nodes of the last tag walked below a word's node (`tagRoot`): tagPath[i] is the node after its first i
 * letters, for i up to `tagReached`. A word's parses mostly list tags that share their first grammemes
 * («NOUN,inan,masc sing,nomn», «NOUN,inan,masc sing,accs»), so the next tag's walk resumes after the letters it
 * shares with this one: each letter is a read at a random place in the table, half of a known word's time. */
const tagPath = new Int32Array(256);
let tagRoot = MISSING;
let lastTag = '';
let tagReached = 0;

/** The score az reads for a dictionary parse, from the table's value for «word:tag» (`at`: afterWord), or null.
 * (Two words may share the node: the table is a DAWG, whose words share their endings; the walks below it are
 * then the same too.) */
function probability(table: Dawg, at: number, tag: string): number | null {
  if (at === MISSING) return null;
  let i = 0;
  if (at === tagRoot) {
    const n = Math.min(tagReached, tag.length);
    while (i < n && tag.charCodeAt(i) === lastTag.charCodeAt(i)) i++;
  } else {
    tagRoot = at;
    tagPath[0] = at;
  }
  if (tag.length >= tagPath.length) {
    tagReached = 0;
    at = table.followString(tag, at);
  } else {
    lastTag = tag;
    at = tagPath[i];
    for (; i < tag.length; i++) {
      const code = tag.charCodeAt(i);
      const byte = code < CP1251_BYTE.length ? CP1251_BYTE[code] : -1;
      at = byte < 0 ? MISSING : table.followByte(byte, at);
      if (at === MISSING) break;
      tagPath[i + 1] = at;
    }
    tagReached = i;
  }
  return at !== MISSING && table.hasValue(at) ? table.value(at) : null;
}

/** Az.Morph(word) with az's defaults: the same parses, in the same order, with the same scores. */
export function morph(word: string): AzParse[] {
  const parses: MorphParse[] = [];
  let matched = false;
  for (const { name, terminal } of steps) {
    const vars = parsers[name](word, DEFAULTS);
    for (let j = 0; j < vars.length; j++) {
      vars[j].parser = name;
      if (!vars[j].stutterCnt && !vars[j].typosCnt) matched = true;
      parses.push(vars[j]);
    }
    if (matched && terminal) break;
  }
  let total = 0;
  // a word's parses mostly share its spelling: the table's walk through it is taken once
  let walked: string | null = null;
  let at = MISSING;
  for (const p of parses) {
    if (p.parser !== 'Dictionary') continue;
    // (toString(), as String() would call it, without String()'s generic conversion)
    const spelling = p.toString();
    if (spelling !== walked) at = afterWord(probabilities!, (walked = spelling));
    const value = probability(probabilities!, at, tagString(p as unknown as Paradigm & MorphParse));
    if (value !== null) {
      p.score = (value / 1000000) * dictionaryScore(p.stutterCnt, p.typosCnt);
      total += p.score;
    }
  }
  // az normalizes the dictionary scores and the other scores separately
  if (total > 0) for (const p of parses) if (p.parser === 'Dictionary') p.score /= total;
  total = 0;
  for (const p of parses) if (p.parser !== 'Dictionary') total += p.score;
  if (total > 0) for (const p of parses) if (p.parser !== 'Dictionary') p.score /= total;
  byScore(parses);
  return parses as unknown as AzParse[];
}

/** az's `sort((a, b) => b.score - a.score)`, stable as V8's sort is, by insertion: most words have one to three
 * parses, and Array.prototype.sort's set-up cost more than their sorting (~0.5 µs a word). */
function byScore(parses: MorphParse[]): void {
  for (const p of parses) if (p.score !== p.score) return void parses.sort((a, b) => b.score - a.score); // NaN: the comparator's own rules
  for (let i = 1; i < parses.length; i++) {
    const p = parses[i];
    let j = i;
    for (; j > 0 && parses[j - 1].score < p.score; j--) parses[j] = parses[j - 1];
    parses[j] = p;
  }
}

/** Call once, after Az.Morph.init. */
export function installFastPaths(): void {
  const azMorph = Az.Morph as unknown as { Parsers: Record<string, Parser>; setDefaults(config: object): void };
  azMorph.setDefaults(DEFAULTS);
  parsers = azMorph.Parsers;
  const keys = Object.keys(parsers);
  steps = DEFAULTS.parsers.map((entry) => {
    const terminal = !entry.endsWith('?');
    const name = keys.find((k) => k === (terminal ? entry : entry.slice(0, -1)));
    if (name === undefined) throw new Error(`az has no parser ${entry}`);
    return { name, terminal };
  });
  if (!probabilities) throw new Error('az\'s table of tag probabilities was not loaded');
  const sample = Az.Morph('слово')[0];
  if (!sample) throw new Error('morphology is not initialised');
  const tag = Object.getPrototypeOf(sample.tag) as Record<string, unknown>;
  for (const name of ['isProductive', 'isCapitalized', 'toString']) memoizeTagMethod(tag, name);
  const dawg = (Az as unknown as { DAWG: { prototype: { findAll: FindAll } } }).DAWG.prototype;
  azFindAll = dawg.findAll;
  dawg.findAll = exactFindAll(dawg.findAll);
  const walks = dawg as unknown as { followString: FollowString };
  azFollowString = walks.followString;
  walks.followString = followString;
  if (predictionSuffixes.length !== PARADIGM_PREFIXES.length) throw new Error('az\'s tables of endings were not loaded');
  azSuffixKnown = parsers.SuffixKnown as unknown as typeof azSuffixKnown;
  DictionaryParse = sample.constructor as unknown as DictionaryParseClass;
  parsers.SuffixKnown = suffixKnown(DictionaryParse) as unknown as Parser;
  azDictionary = parsers.Dictionary;
  parsers.Dictionary = dictionaryParser(DictionaryParse as unknown as DictionaryParseClass5) as unknown as Parser;
  for (const name of HYPHEN_PARSERS) {
    const parse = (azHyphenParsers[name] = parsers[name]);
    parsers[name] = (word, config) => (word.includes('-') ? parse(word, config) : []);
  }
}

/** The parsers that read a hyphen in the word (8). */
const HYPHEN_PARSERS = ['HyphenParticle', 'HyphenAdverb', 'HyphenWords'];

/** az's own hyphen parsers, kept so that the tests can compare the shortcut with them. */
export const azHyphenParsers: Record<string, Parser> = {};

/** az's own Dictionary parser, kept so that the tests can compare the replacement with it. */
export let azDictionary: Parser | null = null;

/** az's own SuffixKnown, kept so that the tests can compare the replacement with it. */
export let azSuffixKnown: ((word: string, config: AzConfig) => GuessParse[]) | null = null;
