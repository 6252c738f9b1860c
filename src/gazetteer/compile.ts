// Dictionary phrases → a lookup table keyed by the first word's keys. Each phrase is
// tokenized by the same tokenizer as the text, so punctuation and hyphens line up.
import { mapped, type MentionKind } from '../doc.js';
import { tokenize } from '../segment/tokenize.js';
import { entryKeys } from './endings.js';
import { detached } from '../detached.js';

export interface WordPattern {
  /** Keys of an inflectable word, or null for a word matched exactly as written. */
  keys: string[] | null;
  /** The folded dictionary word the keys come from (null for exact words). */
  norm: string | null;
  /** The exact text for abbreviations and punctuation. */
  exact: string | null;
  /** The word starts with a capital in the dictionary, so it must in the text too. */
  cap: boolean;
  /** The ids of `keys` (see sharedKeyEntry), once matching has asked for them. */
  ids: number[] | null;
}

export interface Phrase<T> {
  words: WordPattern[];
  value: T;
  kind: MentionKind;
  ambiguous: boolean;
  /** Lower wins among equally long matches (a full name beats a bare surname). */
  priority: number;
}

export interface PhraseTable<T> {
  /** Phrases by the keys of their first word; null marks a key a lazy table found nothing under. */
  byKey: Map<string, Phrase<T>[] | null>;
  size: number;
  /** A prebuilt table builds a key's phrases on its first lookup (see dictionary/artifact.ts). */
  load?: (key: string) => Phrase<T>[] | null;
  /** The table's bit in the masks the segmenter records per token (see tableMasks in match.ts). */
  bit?: number;
}

/** The phrases filed under a key, or null. */
export function phrasesAt<T>(table: PhraseTable<T>, key: string): Phrase<T>[] | null {
  let list = table.byKey.get(key);
  if (list === undefined) {
    if (!table.load) return null;
    list = table.load(key);
    table.byKey.set(key, list);
  }
  return list;
}

export function emptyTable<T>(): PhraseTable<T> {
  return { byKey: new Map(), size: 0 };
}

function exactKey(text: string): string {
  return 'x:' + text;
}

/** Keys of an inflectable dictionary word; a lowercase one may also be met as a lemma («обсудить»). */
export function wordKeys(norm: string, cap: boolean): string[] {
  return (cap ? entryKeys(norm) : [...entryKeys(norm), 'l:' + norm]).map(sharedKey);
}

/** One string and one id per distinct key, for phrase words and tokens alike (the segmenter keeps only keys
 * some phrase has): two keys are then equal only as the same string, and unequal ones have different hashes,
 * so matching compares no letters (comparing them was a third of the matching). A word form's keys and a
 * phrase word's are compared by their ids, small integers, which spares reading the strings themselves (most
 * comparisons fail, and each read a string's header elsewhere in memory). There are as many as the
 * dictionaries have keys (~25,000), whatever the texts. */
export interface SharedKey { key: string; id: number }
const SHARED_KEYS = new Map<string, SharedKey>();

export function sharedKeyEntry(key: string): SharedKey {
  let shared = SHARED_KEYS.get(key);
  if (shared === undefined) {
    const own = detached(key); // it outlives the document a token's key comes from
    SHARED_KEYS.set(own, (shared = { key: own, id: SHARED_KEYS.size }));
  }
  return shared;
}

export const sharedKey = (key: string): string => sharedKeyEntry(key).key;

/** The ids of keys, at their length. */
export function keyIdsOf(keys: readonly string[]): number[] {
  const ids: number[] = [];
  for (const k of keys) ids.push(sharedKeyEntry(k).id);
  return ids.slice();
}

/** Adds a phrase. `exact` phrases (abbreviations) match only as written, letter case included. */
export function addPhrase<T>(table: PhraseTable<T>, phrase: string, value: T, kind: MentionKind, opts: { exact?: boolean; ambiguous?: boolean; priority?: number } = {}): void {
  const toks = tokenize(phrase);
  if (!toks.length) return;
  const words: WordPattern[] = mapped(toks, (t) => {
    const inflectable = !opts.exact && t.kind === 'word' && !t.upper && !/\d/.test(t.text);
    return inflectable
      ? { keys: wordKeys(t.norm, t.cap), norm: t.norm, exact: null, cap: t.cap, ids: null }
      : { keys: null, norm: null, exact: t.text, cap: false, ids: null };
  });
  insertPhrase(table, { words, value, kind, ambiguous: !!opts.ambiguous, priority: opts.priority ?? 0 });
}

/** Files a phrase under every key of its first word, once per key (an alias may repeat the name). */
export function insertPhrase<T>(table: PhraseTable<T>, p: Phrase<T>): void {
  const firstKeys = p.words[0].keys ?? [exactKey(p.words[0].exact!)];
  for (const k of firstKeys) {
    const list = table.byKey.get(k);
    if (list) {
      if (!list.some((q) => samePhrase(q, p))) list.push(p);
    } else table.byKey.set(k, [p]);
  }
  table.size++;
}

function samePhrase<T>(a: Phrase<T>, b: Phrase<T>): boolean {
  if (a.value !== b.value || a.kind !== b.kind || a.words.length !== b.words.length) return false;
  return a.words.every((w, i) => w.exact === b.words[i].exact && w.cap === b.words[i].cap && (w.keys === null) === (b.words[i].keys === null) && (!w.keys || w.keys.every((k) => b.words[i].keys!.includes(k))));
}

