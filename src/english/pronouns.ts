import type { Doc, Mention } from '../doc.js';

/** Whom «he» or «she» stands for: the first person named in the last sentence that named one (its subject, as a rule). */
export function subjectBefore(doc: Doc, i: number): Mention | undefined {
  const people = doc.mentions.filter((m) => m.type === 'person' && !!m.ref && m.kind !== 'hashtag' && m.kind !== 'adjective' && m.last < i);
  const last = people[people.length - 1];
  return last && people.find((m) => doc.tokens[m.first].sentence === doc.tokens[last.first].sentence);
}
