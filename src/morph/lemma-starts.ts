// A form of a word starts with the first letters of its lemma (встречусь, приму, посла, передает): a word
// that starts like none of a few lemmas need not be analysed to find out whether it is one of them.
// Analysing every word to look for a handful of cue verbs was much of the time on new text.
import type { Token } from '../doc.js';

export const LEMMA_START = 3;

/** The first LEMMA_START letters of some lemmas. Three Cyrillic letters are also kept as one small integer:
 * four stages test every word of a document, and cutting and hashing a string per word per stage was ~2% of
 * the time on cached text. */
export interface LemmaStarts {
  strings: Set<string>;
  cyrillic: Set<number>;
  /** Where a word form keeps its answer for this set (see tokenStartsLike), or -1. */
  slot: number;
}

/** A slot per purpose: an extractor's sets for one purpose are one set (they come from its knowledge), and a word
 * form belongs to one extractor. Two bits per slot in WordForm.starts: asked, and the answer. */
const SLOTS = new Map<string, number>();
const MAX_SLOTS = 15;

const starts = new WeakMap<object, Map<string, LemmaStarts>>();

/** Three letters of the Cyrillic block (U+0400–U+04FF) at the start of s as one integer, or -1. */
function cyrillicCode(s: string): number {
  if (s.length < LEMMA_START) return -1;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  const c = s.charCodeAt(2);
  if (a >> 8 !== 4 || b >> 8 !== 4 || c >> 8 !== 4) return -1;
  return ((a & 0xff) << 16) | ((b & 0xff) << 8) | (c & 0xff);
}

/** The first letters of some lemmas, built once per owner (the knowledge object they come from) and purpose. */
export function lemmaStarts(owner: object, purpose: string, lemmas: () => Iterable<string>): LemmaStarts {
  let byPurpose = starts.get(owner);
  if (!byPurpose) starts.set(owner, (byPurpose = new Map()));
  let set = byPurpose.get(purpose);
  if (!set) {
    let slot = SLOTS.get(purpose);
    if (slot === undefined) SLOTS.set(purpose, (slot = SLOTS.size < MAX_SLOTS ? SLOTS.size : -1));
    byPurpose.set(purpose, (set = { ...startsOf(lemmas()), slot }));
  }
  return set;
}

/** The first letters of some words, uncached. */
export function startsOf(words: Iterable<string>): LemmaStarts {
  const set: LemmaStarts = { strings: new Set(), cyrillic: new Set(), slot: -1 };
  for (const l of words) {
    const start = l.slice(0, LEMMA_START);
    set.strings.add(start);
    const code = cyrillicCode(start);
    if (code >= 0) set.cyrillic.add(code);
  }
  return set;
}

export function startsLike(set: LemmaStarts, norm: string): boolean {
  const code = cyrillicCode(norm);
  return code >= 0 ? set.cyrillic.has(code) : set.strings.has(norm.slice(0, LEMMA_START));
}

/** startsLike for a token, answered once per word form: three stages ask it of every word of a document. */
export function tokenStartsLike(set: LemmaStarts, t: Pick<Token, 'norm' | 'form'>): boolean {
  const f = t.form;
  if (f === undefined || set.slot < 0) return startsLike(set, t.norm);
  const asked = 1 << (2 * set.slot);
  if (f.starts & asked) return (f.starts & (asked << 1)) !== 0;
  const yes = startsLike(set, t.norm);
  f.starts |= yes ? asked | (asked << 1) : asked;
  return yes;
}
