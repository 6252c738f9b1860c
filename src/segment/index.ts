import { itemAt, type Doc, type Token, type WordForm } from '../doc.js';
import type { Context } from '../context.js';
import { keysOfToken, setTableMasks } from '../gazetteer/match.js';
import { textKeysIn } from '../gazetteer/endings.js';
import { sharedKeyEntry } from '../gazetteer/compile.js';
import { sortedWords } from '../dictionary/sorted-lines.js';
import { lemmaStarts, startsLike, type LemmaStarts } from '../morph/lemma-starts.js';
import { findQuoteSpans } from './quotes.js';
import { splitParagraphs, splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';
import { scratchBytes } from '../scratch.js';

/** Like the morphology cache, restarted past 50,000 token forms (the bench corpus has ~39,000). */
const KEY_CACHE_LIMIT = 50_000;
/** Lemma keys are looked up only for words starting like some lemma key… */
interface LemmaFilter { prefixes: LemmaStarts; isForm: ((word: string) => boolean) | null }
const filterCache = new WeakMap<object, LemmaFilter>();

function lemmaFilter(k: Context['knowledge']): LemmaFilter {
  let f = filterCache.get(k);
  if (!f) {
    const prefixes = lemmaStarts(k, 'lemma keys', () => [...k.keyUniverse.keys()].filter((key) => key.startsWith('l:')).map((key) => key.slice(2)));
    f = { prefixes, isForm: k.lemmaForms === null ? null : sortedWords(k.lemmaForms) };
    filterCache.set(k, f);
  }
  return f;
}

/** …and, when the build listed the forms of those lemmas, only for those forms and for words az would guess at: a
 * word in az's dictionary has dictionary lemmas only. (The prefix test also keeps abbreviations such as «к»,
 * кандидат, from getting lemmas.) */
function lemmaCandidate(t: Token, f: LemmaFilter, ctx: Context): boolean {
  if (!startsLike(f.prefixes, t.norm)) return false;
  return f.isForm === null || f.isForm(t.norm) || !ctx.morph.known(t.text);
}
const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'ADVB', 'INTJ', 'PRED', 'COMP']);

/** The keys of a form with none, shared (never changed). */
const NO_KEYS: string[] = [];
const NO_IDS: number[] = [];
const NO_TABLES: number[] = [];

/** The keys and table bits of a word form met for the first time (the rarer path, kept out of the loop over tokens). */
function newForm(t: Token, ctx: Context, filter: LemmaFilter): WordForm {
  const universe = ctx.knowledge.keyUniverse;
  // the form first: the parses asked for below are then kept on it, not looked up again by the stages
  const form: WordForm = { keys: NO_KEYS, keyIds: NO_IDS, keyTables: NO_TABLES, tables: 0, parses: null, firstFits: null, nameWord: null, starts: 0, adjectiveParts: null };
  t.form = form;
  // morphology only where it can matter: lemmas for words that may be forms of a lemma key, the
  // part of speech for words whose inflection keys could match something
  const lemmas = (x: Token) => (lemmaCandidate(x, filter, ctx) ? [...new Set(ctx.morph.parseToken(x).map((p) => p.lemma))] : []);
  const text = t.kind === 'word' ? textKeysIn(universe, t.norm) : null;
  const matters = text !== null && text.length > 0;
  const keys: string[] = [];
  const ids: number[] = [];
  const keyTables: number[] = [];
  for (const key of keysOfToken(t, lemmas, (x) => matters && !x.cap && FUNCTION_POS.has(itemAt(ctx.morph.parseToken(x), 0)?.pos ?? ''), text)) {
    const bits = universe.get(key);
    if (bits === undefined) continue;
    const shared = sharedKeyEntry(key);
    keys.push(shared.key);
    ids.push(shared.id);
    keyTables.push(bits);
    form.tables |= bits;
  }
  // kept at their length: an array grown by push has room for 17 (~300 bytes a form for the two)
  if (keys.length > 0) {
    form.keys = keys.slice();
    form.keyIds = ids.slice();
    form.keyTables = keyTables.slice();
  }
  return form;
}

/** Stage: paragraphs, sentences and tokens with offsets, plus lookup keys and quotation spans. */
export function segment(doc: Doc, ctx: Context): Doc {
  const paragraphs = splitParagraphs(doc.text);
  const { tokens, sentences } = splitSentences(tokenize(doc.text), paragraphs, ctx.knowledge.cues.sentenceAbbreviations);
  const cache = ctx.tokenKeyCache;
  if (cache.size > KEY_CACHE_LIMIT) cache.clear();
  const filter = lemmaFilter(ctx.knowledge);
  const masks = scratchBytes(tokens.length);
  const keys: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let k = cache.get(t.kind, t.text);
    if (k === undefined) cache.add(t.kind, t.text, (k = newForm(t, ctx, filter)));
    t.form = k;
    masks[i] = k.tables;
    keys.push(k.keys);
  }
  setTableMasks(keys, masks);
  return { ...doc, paragraphs, sentences, tokens, keys, quoteSpans: findQuoteSpans(tokens) };
}
