import type { Doc } from '../doc.js';
import type { Context } from '../context.js';
import { readMetaLines } from '../document/meta.js';
import { cueAt, englishKnowledge } from './knowledge.js';

/** Stage: headline, hashtags and publisher («…, Kazpravda.kz reports», «reports Kazinform»). */
export function readEnglishMeta(doc: Doc, ctx: Context): Doc {
  const { tokens } = doc;
  const verbs = englishKnowledge(ctx.knowledge).lists.publisherVerbs;
  let publisher: string | null = null;
  for (let i = 0; i < tokens.length && !publisher; i++) {
    const hit = cueAt(verbs, doc, i);
    if (!hit) continue;
    const before = tokens[i - 1];
    const after = tokens[hit.last + 1];
    if (before && before.sentence === tokens[i].sentence && before.kind === 'domain') publisher = before.text;
    else if (after && after.sentence === tokens[i].sentence && after.kind === 'domain') publisher = after.text;
    else {
      // «…, Akorda press service reports»: a body, with up to two lowercase words of its service, before the verb
      let j = i - 1;
      while (j > i - 3 && tokens[j] && tokens[j].kind === 'word' && !tokens[j].cap) j--;
      const m = doc.mentions.find((x) => x.type === 'organization' && (x.last === j || x.first === hit.last + 1));
      if (m) publisher = doc.text.slice(tokens[m.first].start, tokens[m.first === hit.last + 1 ? m.last : i - 1].end);
    }
  }
  publisher ??= dateline(doc);
  return { ...doc, meta: { ...readMetaLines(doc), publisher } };
}

/** «ASTANA, Nov 26 (Reuters) -», «ASTANA. KAZINFORM –»: the agency before the dash that opens a wire story. */
function dateline(doc: Doc): string | null {
  const { tokens } = doc;
  for (const p of doc.paragraphs.slice(0, 3)) {
    for (const m of doc.mentions) {
      if (m.type !== 'organization' || tokens[m.first].start < p.start || tokens[m.last].end > p.end || tokens[m.first].start - p.start > 60) continue;
      const bracketed = tokens[m.first - 1]?.text === '(' && tokens[m.last + 1]?.text === ')';
      if (/^[-–—]$/.test(tokens[m.last + (bracketed ? 2 : 1)]?.text ?? '')) {
        return doc.text.slice(tokens[m.first].start, tokens[m.last].end);
      }
    }
  }
  return null;
}
