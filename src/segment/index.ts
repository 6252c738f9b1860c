import type { Doc } from '../doc.js';
import type { Context } from '../context.js';
import { tokenKeys } from '../gazetteer/match.js';
import { findQuoteSpans } from './quotes.js';
import { splitParagraphs, splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

const KEY_CACHE_LIMIT = 200_000;
const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'ADVB', 'INTJ', 'PRED', 'COMP']);

/** Stage: paragraphs, sentences and tokens with offsets, plus lookup keys and quotation spans. */
export function segment(doc: Doc, ctx: Context): Doc {
  const paragraphs = splitParagraphs(doc.text);
  const { tokens, sentences } = splitSentences(tokenize(doc.text), paragraphs, ctx.knowledge.cues.sentenceAbbreviations);
  const cache = ctx.tokenKeyCache;
  const universe = ctx.knowledge.keyUniverse;
  if (cache.size > KEY_CACHE_LIMIT) cache.clear();
  const keys = tokens.map((t) => {
    const id = t.kind + '\u0000' + t.text;
    let k = cache.get(id);
    if (!k) {
      k = tokenKeys([t], (x) => [...new Set(ctx.morph.parse(x.text).map((p) => p.lemma))], (x) => !x.cap && FUNCTION_POS.has(ctx.morph.parse(x.text)[0]?.pos ?? ''))[0]
        .filter((key) => universe.has(key));
      cache.set(id, k);
    }
    return k;
  });
  return { ...doc, paragraphs, sentences, tokens, keys, quoteSpans: findQuoteSpans(tokens) };
}
