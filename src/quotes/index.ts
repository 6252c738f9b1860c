// Direct speech: «…», – сказал X;  X сказал: «…»;  X: «…». A quote inside a quote stays inside.
import type { Doc, Mention, Quote } from '../doc.js';
import type { Context } from '../context.js';
import { speakerIndex } from './speakers.js';

const DASH = /^[–—-]$/;
const MIN_WORDS = 3;

/** Stage: quotations attributed to the person (or organization) who said them. */
export function findQuotes(doc: Doc, ctx: Context): Doc {
  const { tokens } = doc;
  const { startingAt: speakers, endingAt: speakerEnding } = speakerIndex(doc);
  const isSpeech = (i: number) => i >= 0 && i < tokens.length && tokens[i].kind === 'word' &&
    ctx.knowledge.cues.speechVerbs.has(ctx.morph.parseToken(tokens[i]).find((p) => p.pos === 'VERB' || p.pos === 'INFN')?.lemma ?? '');
  const quotes: Quote[] = [];
  for (const q of doc.quoteSpans) {
    const words = tokens.slice(q.open + 1, q.close).filter((t) => t.kind === 'word').length;
    if (words < MIN_WORDS) continue;
    let speaker: Mention | undefined;
    // after: «…», – сказал Маулен Ашимбаев
    let i = q.close + 1;
    if (tokens[i]?.text === ',') i++;
    if (tokens[i] && DASH.test(tokens[i].text)) {
      i++;
      if (isSpeech(i)) speaker = speakers.get(i + 1) ?? speakers.get(i + 2);
      else if (speakers.has(i) && isSpeech(speakers.get(i)!.last + 1)) speaker = speakers.get(i);
    }
    // before: Медведев сказал: «…»  /  Медведев: «…»
    if (!speaker && tokens[q.open - 1]?.text === ':') {
      const j = q.open - 2;
      speaker = speakerEnding.get(j) ?? (isSpeech(j) ? speakerEnding.get(j - 1) : undefined);
    }
    if (!speaker && words < 8) continue;
    quotes.push({ speaker: speaker?.ref || null, start: tokens[q.open + 1].start, end: tokens[q.close - 1].end });
  }
  return { ...doc, quotes };
}
