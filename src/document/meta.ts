// Facts about the document itself: headline, publisher, hashtags, publication date.
import type { Doc, DocumentMeta } from '../doc.js';
import type { Context } from '../context.js';
import { findDates } from '../dates/parse.js';
import { lemmaStarts, tokenStartsLike } from '../morph/lemma-starts.js';

const HEADLINE_MAX = 250;

/** What text in any language shows the same way: the headline (a first line without a final full stop),
 * hashtags, and a publication date printed on a line of its own. */
export function readMetaLines(doc: Doc): DocumentMeta {
  const { tokens, text, paragraphs } = doc;
  let title: string | null = null;
  const p0 = paragraphs[0];
  if (p0 && paragraphs.length > 1) {
    const line = text.slice(p0.start, p0.end);
    if (line.length <= HEADLINE_MAX && !/[.!?…:]$/.test(line) && !line.startsWith('#')) title = line;
  }
  const hashtags: string[] = [];
  for (const t of tokens) if (t.kind === 'hashtag' && !hashtags.includes(t.text.slice(1))) hashtags.push(t.text.slice(1));
  let date = doc.givenDate;
  if (!date) {
    // a line that is only a date, as many sites print under the headline
    for (const p of paragraphs.slice(0, 4)) {
      const first = tokens.findIndex((t) => t.start >= p.start);
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1].end <= p.end) last++;
      if (first < 0 || last - first > 6) continue;
      const d = findDates(tokens, first, last, null).find((x) => x.value.length === 10);
      if (d) { date = d.value; break; }
    }
  }
  return { title, publisher: null, hashtags, date };
}

/** Stage: headline, hashtags, date, and the publisher («передает Kazpravda.kz»). */
export function readMeta(doc: Doc, ctx: Context): Doc {
  const { tokens, text } = doc;
  let publisher: string | null = null;
  const verbs = ctx.knowledge.cues.publisherVerbs;
  const starts = lemmaStarts(ctx.knowledge.cues, 'publisher verbs', () => verbs);
  for (let i = 0; i < tokens.length - 1 && !publisher; i++) {
    const t = tokens[i];
    // only words that begin like a publisher verb are worth a morphological analysis (6% of a run when every word was)
    if (t.kind !== 'word' || !tokenStartsLike(starts, t)) continue;
    if (!verbs.has(ctx.morph.parseToken(t)[0]?.lemma ?? t.norm) && !verbs.has(t.norm)) continue;
    // the publisher follows the verb up to the end of the clause: «передает Kazpravda.kz», «сообщает пресс-служба Акорды»
    const next = tokens[i + 1];
    if (next.sentence !== t.sentence) continue;
    if (next.kind === 'domain') { publisher = next.text; break; }
    if (!next.cap && !/^пресс-служба$/.test(next.norm)) continue;
    let j = i + 1;
    while (j + 1 < tokens.length && tokens[j + 1].sentence === t.sentence && (tokens[j + 1].kind === 'word' || tokens[j + 1].kind === 'domain') && j - i < 5) j++;
    publisher = text.slice(next.start, tokens[j].end);
  }
  return { ...doc, meta: { ...readMetaLines(doc), publisher } };
}
