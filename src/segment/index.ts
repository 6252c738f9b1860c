import type { Doc } from '../doc.js';
import type { Context } from '../context.js';
import { tokenKeys } from '../gazetteer/match.js';
import { findQuoteSpans } from './quotes.js';
import { splitParagraphs, splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'ADVB', 'INTJ', 'PRED', 'COMP']);

/** Stage: paragraphs, sentences and tokens with offsets, plus lookup keys and quotation spans. */
export function segment(doc: Doc, ctx: Context): Doc {
  const paragraphs = splitParagraphs(doc.text);
  const { tokens, sentences } = splitSentences(tokenize(doc.text), paragraphs, ctx.knowledge.cues.sentenceAbbreviations);
  return { ...doc, paragraphs, sentences, tokens, keys: tokenKeys(tokens, (t) => [...new Set(ctx.morph.parse(t.text).map((p) => p.lemma))], (t) => !t.cap && FUNCTION_POS.has(ctx.morph.parse(t.text)[0]?.pos ?? '')), quoteSpans: findQuoteSpans(tokens) };
}
