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
    // the spelling the article uses most, first met on a tie («Kassym-Jomart Tokayev» before «… Kemelevich Tokayev»)
    const count = new Map<string, number>();
    for (const i of [...e.mentions].sort((a, b) => doc.mentions[a].first - doc.mentions[b].first)) {
      const m = doc.mentions[i];
      const words = doc.tokens.slice(m.first, m.last + 1).filter((t) => t.kind === 'word').map((t) => t.text);
      if (m.kind === 'name' && words.length > 1) count.set(words.join(' '), (count.get(words.join(' ')) ?? 0) + 1);
    }
    const best = [...count].reduce<[string, number] | null>((a, b) => (!a || b[1] > a[1] ? b : a), null);
    const spelled = (best?.[0] ?? entry.english?.[0] ?? e.name).split(' ');
    if (spelled.length < 2) return { ...e, name: spelled.join(' ') };
    return {
      ...e, name: spelled.join(' '),
      nameParts: { first: spelled[0], middle: spelled.length > 2 ? spelled.slice(1, -1).join(' ') : null, last: spelled[spelled.length - 1] },
    };
  });
  return { ...doc, entities };
}
