// Direct speech in English: “…,” X said;  “…,” said X;  “…,” he noted;  X said: “…”.
import type { Doc, Mention, Quote } from '../doc.js';
import type { Context } from '../context.js';
import { cueAt, englishKnowledge } from './knowledge.js';
import { subjectBefore } from './pronouns.js';
import { speakerIndex } from '../quotes/speakers.js';

const MIN_WORDS = 3;

/** Stage: quotations attributed to the person (or organization) who said them. */
export function findEnglishQuotes(doc: Doc, ctx: Context): Doc {
  const { tokens } = doc;
  const en = englishKnowledge(ctx.knowledge);
  const { startingAt, endingAt } = speakerIndex(doc);
  const speech = (i: number) => (i >= 0 && i < tokens.length ? cueAt(en.lists.speechVerbs, doc, i)?.last ?? -1 : -1);
  const quotes: Quote[] = [];
  for (const q of doc.quoteSpans) {
    const words = tokens.slice(q.open + 1, q.close).filter((t) => t.kind === 'word').length;
    if (words < MIN_WORDS) continue;
    let speaker: Mention | undefined;
    const i = q.close + 1;
    if (startingAt.has(i) && speech(startingAt.get(i)!.last + 1) >= 0) speaker = startingAt.get(i);
    else if (tokens[i] && en.words.pronouns.has(tokens[i].norm) && speech(i + 1) >= 0) speaker = subjectBefore(doc, q.open);
    else if (speech(i) >= 0) speaker = startingAt.get(speech(i) + 1);
    if (!speaker && tokens[q.open - 1]?.text === ':') {
      const j = q.open - 2;
      speaker = endingAt.get(j);
      for (let k = j; !speaker && k > j - 3 && k >= 0; k--) if (speech(k) === j) speaker = endingAt.get(k - 1);
    }
    if (!speaker && words < 8) continue;
    // the punctuation English puts inside the closing quote is not part of what was said
    let last = q.close - 1;
    while (last > q.open + 1 && tokens[last].kind === 'punct' && /^[,;:]$/.test(tokens[last].text)) last--;
    quotes.push({ speaker: speaker?.ref || null, start: tokens[q.open + 1].start, end: tokens[last].end });
  }
  return { ...doc, quotes };
}
