// Topics of meetings: the phrases after «обсудили», «обменялись мнениями о», «поговорили о»,
// split into one topic per subject, put into the nominative, given a category.
import { mapped, type Doc, type Meeting, type Mention, type Token } from '../doc.js';
import type { Context } from '../context.js';
import { matchAll } from '../gazetteer/match.js';
import { nominativePhrase } from '../morph/inflect.js';
import { lemmaStarts, tokenStartsLike } from '../morph/lemma-starts.js';
import { isVerb, lemmas } from '../meetings/clauses.js';
import { scratchBytes } from '../scratch.js';

const OBJECT_PREPOSITIONS = /^(о|об|обо|по|касательно)$/;
const CLAUSE_END = /^[.;:!?»«"()]$/;

interface Span { first: number; last: number }

function pos(ctx: Context, t: Token): string {
  return t.kind === 'word' ? ctx.morph.parseToken(t)[0]?.pos ?? '' : '';
}
const isNoun = (ctx: Context, t: Token) => t.kind === 'word' && ctx.morph.parseToken(t).some((p) => p.pos === 'NOUN');

/** The object of a cue: from after it to the end of its clause. */
function objectAfter(doc: Doc, ctx: Context, from: number, to: number, partyWord: (t: Token) => boolean): Span | null {
  const { tokens } = doc;
  let i = from;
  while (i <= to && tokens[i].kind === 'word' && OBJECT_PREPOSITIONS.test(tokens[i].norm)) i++;
  // «поговорили в ходе …»: an adverbial, not the object
  if (i === from && i <= to && pos(ctx, tokens[i]) === 'PREP') return null;
  let j = i;
  for (; j <= to; j++) {
    const t = tokens[j];
    if (t.kind === 'punct' && CLAUSE_END.test(t.text)) break;
    if (t.kind === 'punct' && t.text === ',' && j + 1 <= to && (isVerb(ctx, tokens[j + 1]) || pos(ctx, tokens[j + 1]) === 'PRTF' || /^(который|которая|которые|что|передает|сообщает|а|но)$/.test(tokens[j + 1].norm))) break;
    if (t.kind === 'word' && (isVerb(ctx, t) || partyWord(t))) break;
    if (t.kind === 'word' && t.norm === 'и' && j + 1 <= to && isVerb(ctx, tokens[j + 1])) break;
  }
  j--;
  while (j >= i && tokens[j].kind !== 'word' && tokens[j].kind !== 'number' && tokens[j].kind !== 'abbr') j--;
  return j >= i ? { first: i, last: j } : null;
}

const innerCache = new WeakMap<readonly Mention[], Uint8Array>();

/** Tokens inside a mention (not its first or last): a list is not split there («Боснии и Герцеговины»).
 * Built once per document: marking them for each subject phrase made a long sentence quadratic. */
function innerTokens(doc: Doc): Uint8Array {
  let mask = innerCache.get(doc.mentions);
  if (!mask) {
    mask = scratchBytes(doc.tokens.length);
    for (const m of doc.mentions) for (let i = m.first + 1; i < m.last; i++) mask[i] = 1;
    innerCache.set(doc.mentions, mask);
  }
  return mask;
}

/** «торговлю, энергетику и транспорт» → three subjects; «мирного разрешения конфликтов и развития …» → two. */
function splitSubjects(doc: Doc, ctx: Context, span: Span): Span[] {
  const { tokens } = doc;
  const headCases = new Set(ctx.morph.parseToken(tokens[span.first]).map((p) => p.case));
  const insideMention = innerTokens(doc);
  const parts: Span[] = [];
  let start = span.first;
  for (let i = span.first + 1; i < span.last; i++) {
    const t = tokens[i];
    if (!(t.text === ',' || t.norm === 'и') || insideMention[i]) continue;
    const next = tokens[i + 1];
    if (!next || next.kind !== 'word') continue;
    const nextCases = ctx.morph.parseToken(next).filter((p) => p.pos === 'NOUN' || p.pos === 'ADJF').map((p) => p.case);
    if (!nextCases.some((c) => headCases.has(c))) continue;
    parts.push({ first: start, last: i - 1 });
    start = i + 1;
  }
  parts.push({ first: start, last: span.last });
  // a part without a noun («безопасная») belongs to the next one
  const merged: Span[] = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    if (prev && !hasNoun(doc, ctx, prev)) prev.last = p.last;
    else merged.push({ ...p });
  }
  return merged;
}

function hasNoun(doc: Doc, ctx: Context, s: Span): boolean {
  for (let i = s.first; i <= s.last; i++) if (isNoun(ctx, doc.tokens[i])) return true;
  return false;
}

/** Stage: topics attached to the meeting they belong to. */
export function findTopics(doc: Doc, ctx: Context): Doc {
  if (!doc.meetings.length) return doc;
  const { tokens } = doc;
  const k = ctx.knowledge;
  const meetings: Meeting[] = mapped(doc.meetings, (m) => ({ ...m, topics: [...m.topics] }));
  const partyWord = (t: Token) => t.kind === 'word' && lemmas(ctx, t).some((l) => k.cues.partyWords.has(l));
  // «переговоры о нормализации отношений», «беседовал … о Сноудене»: what the trigger itself governs
  for (const m of meetings) {
    const sent = doc.sentences[m.sentence];
    for (let i = m.trigger.last + 1; i <= sent.lastToken; i++) {
      const t = tokens[i];
      if (t.kind === 'punct' && t.text !== ',' ) break;
      if (!/^(о|об|обо)$/.test(t.norm) && !(t.norm === 'по' && /^(поводу|вопросам|вопросу|теме)$/.test(tokens[i + 1]?.norm ?? ''))) continue;
      const from = t.norm === 'по' ? i + 2 : i + 1;
      const obj = objectAfter(doc, ctx, from, sent.lastToken, partyWord);
      if (obj) addTopics(doc, ctx, m, obj, { first: i, last: i });
      break;
    }
  }
  // «поздравил Мигеля Диас-Канеля с избранием на пост главы Кубы», «договорились о размещении баз»: in a meeting's
  // sentence, a verb whose topic follows its preposition a few words on
  // (read once per sentence: one long sentence may hold many meetings)
  const verbObjects = new Map<number, Array<{ obj: Span; verb: number }>>();
  const verbStarts = lemmaStarts(k.triggers, 'topic verbs', () => Object.keys(k.triggers.topicVerbObjects));
  const verbObjectsOf = (s: number) => {
    let found = verbObjects.get(s);
    if (found) return found;
    found = [];
    const sent = doc.sentences[s];
    for (let i = sent.firstToken; i <= sent.lastToken; i++) {
      if (!tokenStartsLike(verbStarts, tokens[i])) continue;
      const prep = lemmas(ctx, tokens[i]).map((l) => k.triggers.topicVerbObjects[l]).find(Boolean);
      if (!prep || !ctx.morph.parseToken(tokens[i]).some((p) => p.pos === 'VERB' || p.pos === 'INFN')) continue;
      for (let j = i + 1; j <= Math.min(sent.lastToken, i + VERB_OBJECT_REACH); j++) {
        if (tokens[j].kind === 'punct' && tokens[j].text !== ',') break;
        if (tokens[j].norm !== prep) continue;
        const obj = objectAfter(doc, ctx, j + 1, sent.lastToken, partyWord);
        if (obj) found.push({ obj, verb: i });
        break;
      }
    }
    verbObjects.set(s, found);
    return found;
  };
  for (const m of meetings) for (const { obj, verb } of verbObjectsOf(m.sentence)) addTopics(doc, ctx, m, obj, { first: verb, last: verb });
  for (const cue of matchAll(k.phrases.topicCues, tokens, doc.keys)) {
    const s = tokens[cue.first].sentence;
    const sent = doc.sentences[s];
    const quoted = doc.quoteSpans.some((q) => q.open < cue.first && cue.first < q.close);
    // the meeting of this sentence; else an earlier one whose parties this sentence names («Собеседники
    // обсудили…», «стороны поговорили…»); else the text's main meeting (its first reported one)
    const earlier = meetings.filter((m) => m.sentence < s && m.quoted === quoted);
    const main = earlier.find((m) => m.status === 'reported');
    const meeting = meetings.find((m) => m.sentence === s) ??
      [...earlier].reverse().find((m) => namesParticipants(doc, s, m)) ??
      (sentenceNamesParties(doc, s, main, partyWord) || lastSentence(doc, earlier[earlier.length - 1]) === s - 1 ? main ?? earlier[earlier.length - 1] : undefined);
    if (!meeting) continue;
    const objects: Span[] = [];
    const after = objectAfter(doc, ctx, cue.last + 1, sent.lastToken, partyWord);
    if (after) objects.push(after);
    // «О важности … стороны поговорили»: the object fronted before the verb
    const first = tokens[sent.firstToken];
    if (first.kind === 'word' && /^(о|об|обо)$/.test(first.norm) && sent.firstToken < cue.first) {
      const fronted = objectAfter(doc, ctx, sent.firstToken, cue.first - 1, partyWord);
      if (fronted) objects.push(fronted);
    }
    for (const obj of objects) {
      if (meeting.trigger.first >= obj.first && meeting.trigger.first <= obj.last) continue; // «посвятил встречам …»: the meeting itself
      addTopics(doc, ctx, meeting, obj, { first: cue.first, last: cue.last });
    }
  }
  const main = meetings.find((m) => m.status === 'reported' && !m.quoted);
  for (const m of meetings) if (!m.topics.length) inferTopics(doc, ctx, m, m === main);
  return { ...doc, meetings };
}

const CONTEXT_SENTENCES = 2;
/** How far after its verb the preposition of a verb's topic may stand. */
const VERB_OBJECT_REACH = 6;
const MIN_HITS = 3;
const MAX_INFERRED = 2;

/** A meeting with no topic phrase gets the categories its sentence and the next ones speak of most
 * («…таможенных платежей…», «…таможенной системы…» → economy-trade), each with the term as evidence. */
function inferTopics(doc: Doc, ctx: Context, m: Meeting, main: boolean): void {
  const { tokens, text } = doc;
  // the text's main meeting is what the whole text is about; another one, its sentence and the next ones
  const first = main ? 0 : doc.sentences[m.sentence].firstToken;
  const last = main ? tokens.length - 1 : doc.sentences[Math.min(doc.sentences.length - 1, m.sentence + CONTEXT_SENTENCES)].lastToken;
  const hits = new Map<number, Array<{ first: number; last: number }>>();
  const personTok = scratchBytes(tokens.length);
  for (const mm of doc.mentions) if (mm.type === 'person') for (let i = mm.first; i <= mm.last; i++) personTok[i] = 1;
  for (const x of matchAll(ctx.knowledge.topicTerms, tokens, doc.keys, first, last)) {
    const span = { first: x.first, last: x.last };
    if (personTok[span.first]) continue;
    hits.set(x.phrase.value, [...(hits.get(x.phrase.value) ?? []), span]);
  }
  const ranked = [...hits].filter(([, spans]) => spans.length >= MIN_HITS).sort((a, b) => b[1].length - a[1].length || a[1][0].first - b[1][0].first).slice(0, MAX_INFERRED);
  for (const [cat, spans] of ranked) {
    const sp = spans[0];
    let head = sp.first;
    while (head < sp.last && !isNoun(ctx, tokens[head])) head++;
    m.topics.push({
      text: nominativePhrase(text, tokens, sp.first, sp.last, head, ctx.morph),
      category: ctx.knowledge.topics[cat].id,
      entities: [],
      start: tokens[sp.first].start,
      end: tokens[sp.last].end,
    });
  }
}

/** One topic per subject of the object phrase, put into the nominative and categorized. */
function addTopics(doc: Doc, ctx: Context, meeting: Meeting, obj: Span, cue: Span): void {
  const { tokens, text } = doc;
  const k = ctx.knowledge;
  for (const part of splitSubjects(doc, ctx, obj)) {
    let from = part.first;
    while (from < part.last && tokens[from].kind === 'word' && (k.cues.topicFillers.has(lemmas(ctx, tokens[from])[0] ?? '') || OBJECT_PREPOSITIONS.test(tokens[from].norm))) from++;
    if (!hasNoun(doc, ctx, { first: from, last: part.last })) continue;
    let head = from;
    // the head noun: skip adjectives, including those that could also be nouns («мирового финансового кризиса»)
    while (head < part.last && (!isNoun(ctx, tokens[head]) || ctx.morph.parseToken(tokens[head]).some((p) => p.pos === 'ADJF' || p.pos === 'PRTF'))) head++;
    if (ctx.morph.parseToken(tokens[head])[0]?.pos === 'NPRO' || /^(том|тем|этом)$/.test(tokens[head].norm)) {
      // «рассказывал о том, что получает многочисленные угрозы»: the object of the clause's verb
      const clause = thatClause(doc, ctx, head);
      if (clause) addTopics(doc, ctx, meeting, clause, cue);
      continue;
    }
    const phrase = nominativePhrase(text, tokens, from, part.last, head, ctx.morph);
    if (meeting.topics.some((t) => t.text === phrase)) continue;
    // a phrase whose words name no category («выгоды, которые можно извлечь, выдвинув обвинения») takes
    // the category its sentence speaks of
    let category = categoryOf(doc, ctx, from, part.last);
    if (category === 'other') {
      const sent = doc.sentences[tokens[from].sentence];
      category = categoryOf(doc, ctx, sent.firstToken, sent.lastToken);
    }
    meeting.topics.push({
      text: phrase,
      category,
      entities: entitiesIn(doc, from, part.last),
      start: Math.min(tokens[cue.first].start, tokens[part.first].start),
      end: Math.max(tokens[cue.last].end, tokens[part.last].end),
    });
  }
}

/** After «о том, что»: the noun phrase after the clause's verb («что получает многочисленные угрозы» → «многочисленные угрозы»). */
function thatClause(doc: Doc, ctx: Context, tom: number): Span | null {
  const { tokens } = doc;
  const s = tokens[tom].sentence;
  let i = tom + 1;
  if (tokens[i]?.text === ',') i++;
  if (tokens[i]?.norm !== 'что') return null;
  const last = doc.sentences[s].lastToken;
  for (let j = i + 1; j <= Math.min(last, i + 6); j++) {
    if (isVerb(ctx, tokens[j])) {
      const obj = objectAfter(doc, ctx, j + 1, last, () => false);
      return obj && obj.first === j + 1 ? obj : null;
    }
  }
  return null;
}

function lastSentence(doc: Doc, m: Meeting | undefined): number {
  if (!m) return -1;
  const end = Math.max(...m.evidence.map((e) => e.end));
  return doc.sentences.findIndex((s) => s.end >= end);
}

function namesParticipants(doc: Doc, s: number, m: Meeting): boolean {
  const sent = doc.sentences[s];
  return entitiesIn(doc, sent.firstToken, sent.lastToken).some((ref) => m.participants.includes(ref));
}

const sortedMentions = new WeakMap<readonly Mention[], Mention[]>();

/** Entity ids of the mentions inside tokens[from..to], by a binary search over the mentions sorted by start
 * (later stages append coreference mentions, so the layer itself is not kept sorted). */
function entitiesIn(doc: Doc, from: number, to: number): string[] {
  let ms = sortedMentions.get(doc.mentions);
  if (!ms) { ms = [...doc.mentions].sort((a, b) => a.first - b.first); sortedMentions.set(doc.mentions, ms); }
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ms[mid].first < from) lo = mid + 1; else hi = mid; }
  const out = new Set<string>();
  for (let i = lo; i < ms.length && ms[i].first <= to; i++) if (ms[i].last <= to && ms[i].ref) out.add(ms[i].ref);
  return [...out];
}

function sentenceNamesParties(doc: Doc, s: number, m: Meeting | undefined, partyWord: (t: Token) => boolean): boolean {
  if (!m) return false;
  const sent = doc.sentences[s];
  for (let i = sent.firstToken; i <= sent.lastToken; i++) if (partyWord(doc.tokens[i])) return true;
  return namesParticipants(doc, s, m);
}

/** The category whose longest term occurs in the phrase (longer, more specific terms win; ties go to the first). */
function categoryOf(doc: Doc, ctx: Context, from: number, to: number): string {
  let best: { len: number; cat: string } | null = null;
  for (const m of matchAll(ctx.knowledge.topicTerms, doc.tokens, doc.keys, from, to)) {
    const len = m.last - m.first + 1;
    if (!best || len > best.len) best = { len, cat: ctx.knowledge.topics[m.phrase.value].id };
  }
  return best?.cat ?? 'other';
}
