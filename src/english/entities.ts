import type { Doc } from '../doc.js';
import type { Context } from '../context.js';

/** Stage: English names for the entities of an English text. A dictionary person keeps the article's
 * spelling of their name (the dictionary id links it to every other spelling); a state, body or place
 * takes its dictionary English name. */
export function nameEnglishEntities(doc: Doc, ctx: Context): Doc {
  const entities = doc.entities.map((e) => {
    const entry = e.dictionaryId ? ctx.knowledge.byId.get(e.dictionaryId) : undefined;
    if (!entry) return e;
    if (e.type !== 'person') return { ...e, name: entry.english?.[0] ?? e.name };
    const spelled = e.mentions.map((i) => doc.mentions[i]).filter((m) => m.kind === 'name')
      .map((m) => doc.tokens.slice(m.first, m.last + 1).filter((t) => t.kind === 'word').map((t) => t.text))
      .sort((a, b) => b.length - a.length)[0];
    if (!spelled || spelled.length < 2) return { ...e, name: entry.english?.[0] ?? e.name, nameParts: { first: null, middle: null, last: null } };
    return {
      ...e, name: spelled.join(' '),
      nameParts: { first: spelled[0], middle: spelled.length > 2 ? spelled.slice(1, -1).join(' ') : null, last: spelled[spelled.length - 1] },
    };
  });
  return { ...doc, entities };
}
