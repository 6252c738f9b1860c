import type { Doc } from '../doc.js';
import type { Context } from '../context.js';
import { findQuoteSpans } from '../segment/quotes.js';
import { splitParagraphs, splitSentences } from '../segment/sentences.js';
import { englishKnowledge, englishTokenKeys } from './knowledge.js';
import { tokenizeEnglish } from './tokenize.js';

/** Stage: paragraphs, sentences and tokens with offsets, and the English lookup keys of each token. */
export function segmentEnglish(doc: Doc, ctx: Context): Doc {
  const en = englishKnowledge(ctx.knowledge);
  const paragraphs = splitParagraphs(doc.text);
  const { tokens, sentences } = splitSentences(tokenizeEnglish(doc.text), paragraphs, en.words.sentenceAbbreviations);
  return { ...doc, paragraphs, sentences, tokens, keys: tokens.map(englishTokenKeys), quoteSpans: findQuoteSpans(tokens) };
}
