import type { Doc } from '../doc.js';
import type { Context } from '../context.js';
import { matchesAt } from '../gazetteer/match.js';
import { readMetaLines } from '../document/meta.js';
import { englishKnowledge } from './knowledge.js';

/** Stage: headline, hashtags and publisher («…, Kazpravda.kz reports», «reports Kazinform»). */
export function readEnglishMeta(doc: Doc, ctx: Context): Doc {
  const { tokens } = doc;
  const verbs = englishKnowledge(ctx.knowledge).lists.publisherVerbs;
  let publisher: string | null = null;
  for (let i = 0; i < tokens.length && !publisher; i++) {
    const hit = matchesAt(verbs, tokens, doc.keys, i)[0];
    if (!hit) continue;
    const before = tokens[i - 1];
    const after = tokens[hit.last + 1];
    if (before && before.sentence === tokens[i].sentence && before.kind === 'domain') publisher = before.text;
    else if (after && after.sentence === tokens[i].sentence && after.kind === 'domain') publisher = after.text;
    else {
      const m = doc.mentions.find((x) => x.type === 'organization' && (x.last === i - 1 || x.first === hit.last + 1));
      if (m) publisher = doc.text.slice(tokens[m.first].start, tokens[m.last].end);
    }
  }
  return { ...doc, meta: { ...readMetaLines(doc), publisher } };
}
