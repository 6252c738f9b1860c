import type { Doc, Mention } from '../doc.js';

/** Who may be quoted (a person or a body named by name), by the token their mention starts and ends at. */
export function speakerIndex(doc: Doc): { startingAt: Map<number, Mention>; endingAt: Map<number, Mention> } {
  const startingAt = new Map<number, Mention>();
  const endingAt = new Map<number, Mention>();
  for (const m of doc.mentions) {
    if ((m.type !== 'person' && m.type !== 'organization') || m.kind === 'adjective' || m.kind === 'hashtag') continue;
    startingAt.set(m.first, m);
    endingAt.set(m.last, m);
  }
  return { startingAt, endingAt };
}
