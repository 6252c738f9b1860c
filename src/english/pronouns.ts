import type { Doc, Mention } from '../doc.js';
import { mentionIndex } from './index-mentions.js';

const named = (m: Mention) => m.type === 'person' && !!m.ref && m.kind !== 'hashtag' && m.kind !== 'adjective';

/** Whom «he» or «she» stands for: the first person named in the last sentence that named one (its subject, as a rule). */
export function subjectBefore(doc: Doc, i: number): Mention | undefined {
  const ix = mentionIndex(doc);
  for (let j = i - 1; j >= 0; j--) {
    if (!ix.endingAt.get(j)?.some(named)) continue;
    const { firstToken } = doc.sentences[doc.tokens[j].sentence];
    for (let k = firstToken; k <= j; k++) {
      const m = ix.startingAt.get(k)?.find((x) => named(x) && x.last < i);
      if (m) return m;
    }
  }
  return undefined;
}
