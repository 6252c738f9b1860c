// Finds dictionary phrases in a token sequence: at each token the longest phrase wins, and
// a matched span is skipped (maximum coverage, left to right).
import type { Token } from '../doc.js';
import { computeTextKeys } from './endings.js';
import { abbreviationBase } from '../segment/patterns.js';
import { keyIdsOf, phrasesAt, type Phrase, type PhraseTable, type WordPattern } from './compile.js';

export interface PhraseMatch<T> {
  first: number;
  last: number;
  phrase: Phrase<T>;
}

/** Keys of one token, computed once per word form and shared by every table: inflection keys
 * (`text`, the token's computeTextKeys when the caller has them: they are extended in place), the
 * exact text, and «l:» lemmas of lowercase words so verb cues match in any form («обменялись» →
 * «обменяться»). */
export function keysOfToken(t: Token, lemmasOf: (t: Token) => string[], functionWord: (t: Token) => boolean = () => false, text: string[] | null = null): string[] {
  if (t.kind !== 'word' && t.kind !== 'number') return ['x:' + t.text];
  // a preposition or conjunction is never an inflected name: «после» is not a form of «посол» here
  if (t.kind === 'word' && functionWord(t)) return ['w:' + t.norm, 'x:' + t.text, 'l:' + t.norm];
  const keys = t.kind === 'word' ? text ?? computeTextKeys(t.norm) : [];
  keys.push('x:' + t.text);
  const base = abbreviationBase(t.text);
  if (base) keys.push('x:' + base);
  // az lemmatizes «казахстанско-палестинский» as «палестинский»: no lemma keys for compounds
  if (t.kind === 'word' && !t.upper && !t.text.includes('-')) for (const l of lemmasOf(t)) keys.push('l:' + l);
  return keys;
}

function wordFits(w: WordPattern, t: Token, keys: string[]): boolean {
  if (w.exact !== null) return t.text === w.exact || abbreviationBase(t.text) === w.exact;
  if (w.cap && !t.cap) return false;
  if (t.kind !== 'word') return false;
  // a dictionary word has 2–4 keys and a text word up to ~20: nested loops beat building sets; a token's own
  // keys (its form's) are compared by id
  const f = t.form;
  if (f !== undefined && f.keys === keys) {
    const ids = f.keyIds;
    const wids = (w.ids ??= keyIdsOf(w.keys!));
    for (let i = 0; i < ids.length; i++) for (let j = 0; j < wids.length; j++) if (wids[j] === ids[i]) return true;
    return false;
  }
  const wk = w.keys!;
  for (let i = 0; i < keys.length; i++) for (let j = 0; j < wk.length; j++) if (wk[j] === keys[i]) return true;
  return false;
}

function startsSentence(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (tokens[j].sentence !== tokens[i].sentence) return true;
    if (tokens[j].kind !== 'punct') return false;
  }
  return true;
}

/** Per token of a document, the bits of the tables that file a phrase under any of its keys: the segmenter
 * knows them per word form, and a token whose bit is not set needs no lookup at all (most tokens, for most
 * of the ~8 tables a document is matched against). Keyed by the document's keys; other key lists have none. */
const TABLE_MASKS = new WeakMap<readonly string[][], Uint8Array>();

export function setTableMasks(keys: readonly string[][], masks: Uint8Array): void {
  TABLE_MASKS.set(keys, masks);
}

export const tableMasks = (keys: readonly string[][]): Uint8Array | undefined => TABLE_MASKS.get(keys);

/** The phrases of a table (by its bit) whose first word fits token t, in the order matchesAt meets them,
 * kept on t's word form. A document's keys are its tokens' word forms' keys, and the first word's fit
 * depends on the form alone (its keys, text and letter case): the lookups under each of its ~10 keys and
 * the first word's test run once per form, not at every token. */
function firstFits<T>(table: PhraseTable<T>, bit: number, t: Token, tk: string[]): Phrase<T>[] {
  const form = t.form;
  const byBit = form !== undefined ? (form.firstFits ??= []) : [];
  let fits = byBit[bit] as Phrase<T>[] | undefined;
  if (!fits) {
    fits = [];
    // a form's keys are its tokens' keys: those under which this table files nothing are not looked up
    const tables = form !== undefined && form.keys === tk ? form.keyTables : null;
    for (let ki = 0; ki < tk.length; ki++) {
      if (tables !== null && (tables[ki] & (1 << bit)) === 0) continue;
      const list = phrasesAt(table, tk[ki]);
      if (list) for (const p of list) if (!fits.includes(p) && wordFits(p.words[0], t, tk)) fits.push(p);
    }
    // kept with the form, at its length (an array grown by push has room for 17)
    byBit[bit] = fits = fits.length === 0 ? (NO_FITS as Phrase<T>[]) : fits.slice();
  }
  return fits;
}

const NO_FITS: never[] = [];

/** Whether phrase p, its words before `from` already fitted, matches at token i (not past token `to`). */
function fitsAt<T>(p: Phrase<T>, tokens: readonly Token[], keys: string[][], i: number, to: number, from: number): boolean {
  const n = p.words.length;
  if (i + n - 1 > to) return false;
  for (let j = from; j < n; j++) {
    const t = tokens[i + j];
    if (t.sentence !== tokens[i].sentence) return false;
    if (j > 0 && !t.spaceBefore && p.words[j].keys && p.words[j - 1].keys) return false;
    if (!wordFits(p.words[j], t, keys[i + j])) return false;
  }
  return !(p.ambiguous && startsSentence(tokens, i));
}

/** Phrases matching at token i (not past token `to`), longest first. */
export function matchesAt<T>(table: PhraseTable<T>, tokens: readonly Token[], keys: string[][], i: number, to = tokens.length - 1, masks = tableMasks(keys)): PhraseMatch<T>[] {
  let out: PhraseMatch<T>[] | null = null;
  if (masks !== undefined && table.bit !== undefined) {
    if ((masks[i] & (1 << table.bit)) === 0) return NONE as PhraseMatch<T>[];
    for (const p of firstFits(table, table.bit, tokens[i], keys[i])) {
      if (fitsAt(p, tokens, keys, i, to, 1)) (out ??= []).push({ first: i, last: i + p.words.length - 1, phrase: p });
    }
  } else {
    const tk = keys[i];
    for (let ki = 0; ki < tk.length; ki++) {
      const list = phrasesAt(table, tk[ki]);
      if (!list) continue;
      for (const p of list) {
        if (out && listed(out, p)) continue;
        if (fitsAt(p, tokens, keys, i, to, 0)) (out ??= []).push({ first: i, last: i + p.words.length - 1, phrase: p });
      }
    }
  }
  if (!out) return NONE as PhraseMatch<T>[];
  if (out.length > 1) out.sort((a, b) => b.last - a.last || a.phrase.priority - b.phrase.priority);
  return out;
}

const NONE: never[] = [];

function listed<T>(out: readonly PhraseMatch<T>[], p: Phrase<T>): boolean {
  for (let i = 0; i < out.length; i++) if (out[i].phrase === p) return true;
  return false;
}

/** Results per token sequence, table and range: stages ask for the same sentence once per candidate,
 * which made one long unpunctuated sentence quadratic. A token sequence always comes with the same
 * keys (the Doc's), so the keys are not part of the memo key. */
const memo = new WeakMap<readonly Token[], WeakMap<object, Map<number, readonly PhraseMatch<unknown>[]>>>();

/** Non-overlapping longest matches over tokens[from..to] (the whole sequence by default). */
export function matchAll<T>(table: PhraseTable<T>, tokens: readonly Token[], keys: string[][], from = 0, to = tokens.length - 1): readonly PhraseMatch<T>[] {
  let byTable = memo.get(tokens);
  if (!byTable) memo.set(tokens, (byTable = new WeakMap()));
  let byRange = byTable.get(table);
  if (!byRange) byTable.set(table, (byRange = new Map()));
  const range = from * 4_294_967_296 + to;
  const known = byRange.get(range);
  if (known) return known as readonly PhraseMatch<T>[];
  const out = matchRange(table, tokens, keys, from, to);
  byRange.set(range, out);
  return out;
}

function matchRange<T>(table: PhraseTable<T>, tokens: readonly Token[], keys: string[][], from: number, to: number): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  const masks = tableMasks(keys);
  for (let i = from; i <= to; i++) {
    const m = matchesAt(table, tokens, keys, i, to, masks);
    if (!m.length) continue;
    const best = m[0];
    for (const x of m) if (x.last === best.last && x.phrase.priority === best.phrase.priority) out.push(x);
    i = best.last;
  }
  return out;
}
