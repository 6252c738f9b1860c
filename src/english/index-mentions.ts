import type { Doc, Mention } from '../doc.js';

/** Mentions by the token they start at and end at, and whether a token is covered: stages ask these per token,
 * and scanning every mention each time made long documents quadratic. */
export interface MentionIndex {
  startingAt: Map<number, Mention[]>;
  endingAt: Map<number, Mention[]>;
  covered: Uint8Array;
}

const cache = new WeakMap<readonly Mention[], MentionIndex>();

export function mentionIndex(doc: Doc): MentionIndex {
  let ix = cache.get(doc.mentions);
  if (!ix) {
    const startingAt = new Map<number, Mention[]>();
    const endingAt = new Map<number, Mention[]>();
    const covered = new Uint8Array(doc.tokens.length);
    for (const m of doc.mentions) {
      let s = startingAt.get(m.first);
      if (!s) startingAt.set(m.first, (s = []));
      s.push(m);
      let e = endingAt.get(m.last);
      if (!e) endingAt.set(m.last, (e = []));
      e.push(m);
      for (let i = m.first; i <= m.last; i++) covered[i] = 1;
    }
    ix = { startingAt, endingAt, covered };
    cache.set(doc.mentions, ix);
  }
  return ix;
}

/** Marks of the tokens inside any of the spans. */
export function spanMarks(length: number, spans: ReadonlyArray<{ first: number; last: number }>): Uint8Array {
  const marks = new Uint8Array(length);
  for (const s of spans) for (let i = s.first; i <= s.last; i++) marks[i] = 1;
  return marks;
}
