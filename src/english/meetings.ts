// Meetings in English text: «X met (with) Y», «X held talks/a meeting with Y», «X received Y»,
// «X had a phone conversation with Y»; place from «in …» or from the occasion's antecedent
// («on the sidelines of the summit» → the summit held «in Astana in 2022»); topics after
// «discussed», «exchanged views on», in the meeting's sentence and the sentences about its parties.
import type { Doc, Entity, Meeting, Mention } from '../doc.js';
import type { Context } from '../context.js';
import { matchAll } from '../gazetteer/match.js';
import { findEnglishDates } from './dates.js';
import { subjectBefore } from './pronouns.js';
import { mentionIndex, spanMarks } from './index-mentions.js';
import { cueAt, englishKnowledge, type EnglishKnowledge } from './knowledge.js';
import { CLAUSE_END, dedupeTopics, topicsIn } from './topics.js';

const MAX_NOUN_GAP = 4;

interface Trigger {
  first: number;
  last: number;
  format: Meeting['format'];
  reception: boolean;
  /** A meeting noun on its own: «talks between X and Y», «X's meeting with Y», «during the meeting with Y, X …». */
  noun?: 'between' | 'with';
}

function triggers(doc: Doc, en: EnglishKnowledge, s: number): Trigger[] {
  const { tokens } = doc;
  const { firstToken, lastToken } = doc.sentences[s];
  const out: Trigger[] = [];
  for (let i = firstToken; i <= lastToken; i++) {
    const verb = cueAt(en.lists.meetingVerbs, doc, i);
    // «met» as a verb: not «the meeting» (a noun after a determiner)
    if (verb && !(tokens[i].norm === 'meeting' && /^(a|the|this|that|their|his|her)$/.test(tokens[i - 1]?.norm ?? ''))) {
      if (tokens[i].norm !== 'meeting' || tokens[i + 1]?.norm === 'with') { out.push({ first: i, last: verb.last, format: null, reception: false }); i = verb.last; continue; }
    }
    const support = cueAt(en.lists.supportVerbs, doc, i);
    if (support) {
      for (let j = support.last + 1; j <= Math.min(lastToken, support.last + MAX_NOUN_GAP); j++) {
        const noun = cueAt(en.meetingNouns, doc, j);
        if (noun) { out.push({ first: i, last: noun.last, format: en.cues.meetingNouns[noun.phrase.value].format ?? null, reception: false }); i = noun.last; break; }
        if (tokens[j].kind !== 'word') break;
      }
      continue;
    }
    const reception = cueAt(en.lists.receptionVerbs, doc, i);
    if (reception) { out.push({ first: i, last: reception.last, format: null, reception: true }); continue; }
    const noun = cueAt(en.meetingNouns, doc, i);
    const next = noun && tokens[noun.last + 1]?.norm;
    if (noun && (next === 'between' || next === 'with')) {
      out.push({ first: i, last: noun.last + 1, format: en.cues.meetingNouns[noun.phrase.value].format ?? null, reception: false, noun: next });
      i = noun.last + 1;
    }
  }
  return out;
}

/** Mentions that can take part in a meeting: people (names and resolved titles), states and bodies. */
const party = (m: Mention) => m.kind !== 'adjective' && m.kind !== 'hashtag' && !!m.ref;

/** How far (in tokens) from its trigger a meeting's parties, place, date and topics are looked for. */
const WINDOW = 60;

/** The mentions of a list sorted by first token that lie within tokens [lo, hi]. */
function within(list: Mention[], lo: number, hi: number): Mention[] {
  let a = 0;
  let b = list.length;
  while (a < b) { const mid = (a + b) >> 1; if (list[mid].first >= lo) b = mid; else a = mid + 1; }
  const out: Mention[] = [];
  for (let i = a; i < list.length && list[i].first <= hi; i++) if (list[i].last <= hi) out.push(list[i]);
  return out;
}

/** How far back (in tokens) an occasion's antecedent is looked for. */
const ANTECEDENT_REACH = 1500;

const sentenceCache = new WeakMap<readonly Mention[], Mention[][]>();
/** The party mentions of each sentence. */
function partiesBySentence(doc: Doc): Mention[][] {
  let out = sentenceCache.get(doc.mentions);
  if (!out) {
    out = doc.sentences.map(() => []);
    for (const m of doc.mentions) if (party(m)) out[doc.tokens[m.first].sentence].push(m);
    sentenceCache.set(doc.mentions, out);
  }
  return out;
}

const entityCache = new WeakMap<readonly Entity[], Map<string, Entity>>();
function entityById(doc: Doc): Map<string, Entity> {
  let out = entityCache.get(doc.entities);
  if (!out) entityCache.set(doc.entities, (out = new Map(doc.entities.map((e) => [e.id, e]))));
  return out;
}

export function findEnglishMeetings(doc: Doc, ctx: Context): Doc {
  const en = englishKnowledge(ctx.knowledge);
  const { tokens } = doc;
  const quoted = spanMarks(tokens.length, doc.quoteSpans.map((q) => ({ first: q.open + 1, last: q.close - 1 })));
  const titled = spanMarks(tokens.length, doc.titles);
  const inQuote = (i: number) => quoted[i] === 1;
  const insideTitle = (i: number) => titled[i] === 1;
  const bySentence = partiesBySentence(doc);
  // a full stop inside a sentence belongs to an abbreviation («Dr.», «U.S.»): only the sentence's own end closes a clause
  const endsClause = (i: number) => CLAUSE_END.test(tokens[i].text) && (tokens[i].text !== '.' || i === doc.sentences[tokens[i].sentence].lastToken);
  const categories = ctx.knowledge.topics.map((c) => c.id);
  const latestYear = findEnglishDates(tokens, 0, tokens.length - 1, doc.meta.date).map((d) => Number(d.value.slice(0, 4)))
    .reduce((a, b) => Math.max(a, b), doc.meta.date ? Number(doc.meta.date.slice(0, 4)) : 0);
  const meetings: Meeting[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const { firstToken, lastToken } = doc.sentences[s];
    for (const trig of triggers(doc, en, s)) {
      // per-trigger work stays within a window, so that one unpunctuated page is not quadratic
      const lo = Math.max(firstToken, trig.first - WINDOW);
      const hi = Math.min(lastToken, trig.last + WINDOW);
      const mentions = within(bySentence[s], lo, hi);
      // the subject: the nearest person before the trigger in its clause, with «X and Y»
      let clauseStart = trig.first;
      while (clauseStart > lo && !endsClause(clauseStart - 1) && tokens[clauseStart - 1].text !== '“') clauseStart--;
      const before = mentions.filter((m) => m.last < trig.first && m.first >= clauseStart && !insideTitle(m.first) || (m.kind === 'title' && m.last < trig.first && m.first >= clauseStart));
      if (trig.noun === 'between') {
        const between = mentions.filter((m) => m.first > trig.last && m.type !== 'location' && !insideTitle(m.first) || (m.first > trig.last && m.kind === 'title'));
        const pair = between.slice(0, 2);
        if (pair.length < 2 || !tokens.slice(pair[0].last + 1, pair[1].first).some((t) => t.norm === 'and')) continue;
        meetings.push(meetingOf(doc, en, categories, latestYear, trig, s, [clauseStart, hi], pair, [], inQuote(trig.first)));
        continue;
      }
      let subject = [...before].reverse().find((m) => m.type === 'person') ?? [...before].reverse().find((m) => m.type !== 'location');
      const pronoun = tokens[trig.first - 1] && en.words.pronouns.has(tokens[trig.first - 1].norm);
      if (!subject && pronoun) subject = subjectBefore(doc, trig.first);
      // «During the meeting with Guterres, Nurtleu stressed …»: the subject of the main clause after the comma
      if (!subject && trig.noun === 'with') {
        let comma = trig.last + 1;
        while (comma <= hi && !(tokens[comma].text === ',' && !insideTitle(comma + 1))) comma++;
        if (comma > hi) comma = -1;
        subject = comma > 0 ? mentions.find((m) => m.first > comma && m.type === 'person') : undefined;
      }
      if (!subject) continue;
      const subjects = [subject, ...coordinated(doc, before, subject, insideTitle)].sort((a, b) => a.first - b.first);
      // the counterpart: after «with» (or right after «met»/«received»), the first person, else the first state or body
      let from = trig.last + 1;
      let withCounterpart = true;
      if (tokens[from]?.norm === 'with') from++;
      else if (tokens[trig.last].norm === 'with') { /* «spoke by phone with»: the cue holds its «with» */ }
      else if (!trig.reception && !/^meets?$|^met$/.test(tokens[trig.last].norm)) {
        const w = tokens.slice(trig.last + 1, hi + 1).findIndex((t, k) => t.norm === 'with' || endsClause(trig.last + 1 + k));
        if (w >= 0 && tokens[trig.last + 1 + w].norm === 'with') from = trig.last + 2 + w;
        else withCounterpart = false;
      }
      let to = from;
      while (to < hi && !endsClause(to + 1) && !(tokens[to + 1].norm === 'to' && !insideTitle(to + 1)) && !(tokens[to + 1].text === ',' && !insideTitle(to + 2) && !mentions.some((m) => m.first === to + 2))) to++;
      // «met in Kazakhstan»: a state after «in/at» is the place, not a party
      const after = withCounterpart ? mentions.filter((m) => m.first >= from && m.last <= to && !/^(in|at)$/.test(tokens[m.first - 1]?.norm ?? '')) : [];
      // «received Ambassador of Japan Kazuki Yamada», «met Macron»: without «with» the object is the person right after the verb,
      // not «an award from the UN» or «on the sidelines of the Arctic Council»
      const direct = trig.reception || tokens[from - 1]?.norm !== 'with';
      const object = (direct ? after.find((m) => m.type === 'person' && (m.first === from || insideTitle(from)))
        : after.find((m) => m.type === 'person') ?? after.find((m) => m.type !== 'location' && !insideTitle(m.first))) ?? (withCounterpart ? delegation(doc, en, from, to) : undefined);
      // «X and Y held talks»: the coordinated subjects are the parties; «met with the President of France» names
      // its counterpart by a title only, as Russian «встретился с президентом Франции» does: one named party
      const titled = withCounterpart && (insideTitle(from) || (/^(the|a|an)$/.test(tokens[from]?.norm ?? '') && insideTitle(from + 1)));
      if (!object && subjects.length < 2 && !titled) continue;
      const objects = object ? [object, ...after.filter((m) => m.first === object.last + 2 && tokens[object.last + 1].norm === 'and' && m.type === object.type)] : [];
      if (new Set([...subjects, ...objects].map((m) => m.ref)).size < (titled && !object ? 1 : 2)) continue;
      meetings.push(meetingOf(doc, en, categories, latestYear, trig, s, [clauseStart, hi], subjects, objects, inQuote(trig.first)));
    }
    // «The sides discussed …», «They exchanged views on …»: topics of the last meeting reported outside quotes
    const main = [...meetings].reverse().find((m) => !m.quoted && m.sentence < s);
    if (main && (speaksOfParties(doc, en, s) || namesParties(doc, en, main, s))) main.topics.push(...topicsIn(doc, en, categories, firstToken, lastToken));
  }
  return { ...doc, meetings: merged(meetings).map((m) => ({ ...m, topics: dedupeTopics(m.topics) })) };
}

/** A meeting from its trigger and its parties: status, modality, format, occasion, place, date and topics from the sentence. */
function meetingOf(doc: Doc, en: EnglishKnowledge, categories: readonly string[], latestYear: number, trig: Trigger, s: number,
  [clauseStart, lastToken]: [number, number], subjects: Mention[], objects: Mention[], quoted: boolean): Meeting {
  const { tokens } = doc;
  const firstToken = Math.max(doc.sentences[s].firstToken, trig.first - WINDOW);
  const mentions = within(partiesBySentence(doc)[s], firstToken, lastToken);
  const participants = [...new Set([...subjects, ...objects].map((m) => m.ref))];
  const modality = modalityOf(doc, en, clauseStart, trig.first);
  const format = trig.format ?? formatOf(doc, en, firstToken, lastToken);
  const occasion = occasionOf(doc, en, clauseStart, lastToken);
  const place = placeIn(doc, mentions, trig.last + 1, lastToken) ?? occasion?.place ?? null;
  // the date nearest after the trigger, else the last before it (not a wire dateline's «Nov 26» when «on Tuesday» follows)
  const dates = findEnglishDates(tokens, firstToken, lastToken, doc.meta.date, modality === 'future');
  const date = (dates.find((d) => d.first > trig.last) ?? dates.filter((d) => d.last < trig.first).pop())?.value ?? occasion?.date ?? null;
  // a meeting dated before the latest year the text speaks of is a recalled one
  const past = quoted || matchAll(en.lists.pastMarkers, tokens, doc.keys, firstToken, lastToken).length > 0 || (!!date && Number(date.slice(0, 4)) < latestYear);
  const start = Math.min(...[...subjects, ...objects].map((m) => tokens[m.first].start), tokens[trig.first].start);
  const end = Math.max(...[...subjects, ...objects].map((m) => tokens[m.last].end), tokens[trig.last].end);
  return {
    participants, place, date, status: modality ? 'planned' : past ? 'past' : 'reported', modality, format: format ?? 'in-person',
    occasion: occasion?.text ?? null, topics: topicsIn(doc, en, categories, trig.last + 1, lastToken), evidence: [{ start, end }], sentence: s, quoted,
    trigger: { first: trig.first, last: trig.last }, reason: trig.reception ? 'en:reception' : trig.noun ? 'en:meeting-noun' : 'en:meeting',
  };
}

/** The headline and the lead report one meeting: the same parties, both in or both out of quotes, and no two
 * different dates («in 2016 … met», «in 2017 met again» stay two), are one meeting with more evidence. */
function merged(meetings: Meeting[]): Meeting[] {
  const out: Meeting[] = [];
  const key = (m: Meeting) => `${[...m.participants].sort().join('|')}|${m.quoted}`;
  for (const m of meetings) {
    const same = out.find((o) => key(o) === key(m) && (!o.date || !m.date || o.date === m.date));
    if (!same) { out.push({ ...m, evidence: [...m.evidence], topics: [...m.topics] }); continue; }
    // the dated report decides the status: the headline's present tense says nothing of it
    if (!same.date && m.date) { same.status = m.status; same.modality = m.modality; }
    same.evidence.push(...m.evidence);
    same.topics.push(...m.topics);
    same.place ??= m.place;
    same.date ??= m.date;
    same.occasion ??= m.occasion;
  }
  return out;
}

/** «the delegation of Japan», «a Chinese parliamentary delegation»: the state or body a delegation stands for, right at
 * the start of the counterpart's words. */
function delegation(doc: Doc, en: EnglishKnowledge, from: number, to: number): Mention | undefined {
  const { tokens } = doc;
  let i = from;
  if (/^(the|a|an)$/.test(tokens[i]?.norm ?? '')) i++;
  const ix = mentionIndex(doc);
  const before = ix.startingAt.get(i)?.find((m) => m.type !== 'person' && m.kind !== 'hashtag');
  const word = cueAt(en.lists.delegationWords, doc, before ? before.last + 1 : i);
  if (!word || word.last > to) return undefined;
  if (before) return before;
  let k = word.last + 1;
  if (!/^(of|from)$/.test(tokens[k]?.norm ?? '')) return undefined;
  k++;
  if (tokens[k]?.norm === 'the') k++;
  return ix.startingAt.get(k)?.find((m) => m.type !== 'person' && m.kind !== 'hashtag');
}

/** «Turkish President Recep Tayyip Erdogan and Azerbaijani President Ilham Aliyev»: parties of the subject's kind
 * joined to it by «and», across the title phrase before it. */
function coordinated(doc: Doc, before: Mention[], subject: Mention, insideTitle: (i: number) => boolean): Mention[] {
  const out: Mention[] = [];
  let head = subject;
  for (;;) {
    let k = head.first - 1;
    while (k > 0 && (insideTitle(k) || doc.tokens[k].norm === 'the')) k--;
    if (doc.tokens[k]?.norm !== 'and' && doc.tokens[k]?.text !== ',') return out;
    const prev = before.find((m) => m.last === k - 1 && m.type === subject.type);
    if (!prev) return out;
    out.push(prev);
    head = prev;
  }
}

/** «The Kazakh leader and the OSCE chief also exchanged views on …»: the parties named before a topic cue. */
function namesParties(doc: Doc, en: EnglishKnowledge, meeting: Meeting, s: number): boolean {
  const { firstToken, lastToken } = doc.sentences[s];
  const cue = matchAll(en.lists.topicCues, doc.tokens, doc.keys, firstToken, lastToken)[0];
  if (!cue) return false;
  // the parties themselves, or the states and bodies they speak for («the Kazakh leader and the OSCE chief»)
  const related = new Set(meeting.participants);
  for (const id of meeting.participants) {
    const e = entityById(doc).get(id);
    if (!e) continue;
    if (e.country) related.add(`state:${e.country}`);
    for (const r of e.roles) { if (r.state) related.add(r.state); if (r.organization) related.add(r.organization); }
  }
  return partiesBySentence(doc)[s].some((m) => m.last < cue.first && related.has(m.ref));
}

function speaksOfParties(doc: Doc, en: EnglishKnowledge, s: number): boolean {
  const { firstToken } = doc.sentences[s];
  for (let i = firstToken; i < firstToken + 3; i++) {
    const t = doc.tokens[i];
    if (!t) return false;
    if (cueAt(en.lists.partyWords, doc, i) || cueAt(en.meetingNouns, doc, i) || t.norm === 'they') return true;
  }
  return false;
}

function modalityOf(doc: Doc, en: EnglishKnowledge, from: number, to: number): Meeting['modality'] {
  // «May» the month is not «may»
  const m = matchAll(en.modalityCues, doc.tokens, doc.keys, from, to - 1).find((x) => !doc.tokens[x.first].cap || x.first === doc.sentences[doc.tokens[x.first].sentence].firstToken);
  return m ? en.cues.modalityCues[m.phrase.value].modality : null;
}

function formatOf(doc: Doc, en: EnglishKnowledge, from: number, to: number): Meeting['format'] {
  const m = matchAll(en.formatCues, doc.tokens, doc.keys, from, to)[0];
  return m ? en.cues.formatCues[m.phrase.value].format : null;
}

/** «in Astana», «at the Akorda»: a place or state after «in/at» in the clause. */
function placeIn(doc: Doc, mentions: Mention[], from: number, to: number): string | null {
  const m = mentions.find((x) => x.first >= from && x.last <= to && (x.type === 'location' || x.type === 'state') && x.kind !== 'adjective' &&
    /^(in|at)$/.test(doc.tokens[x.first - 1]?.norm === 'the' ? doc.tokens[x.first - 2]?.norm ?? '' : doc.tokens[x.first - 1]?.norm ?? ''));
  return m?.ref ?? null;
}

/** «On the sidelines of the summit»: the occasion noun, found again where the text named it in full. */
function occasionOf(doc: Doc, en: EnglishKnowledge, from: number, to: number): { text: string; place: string | null; date: string | null } | null {
  const { tokens } = doc;
  const marker = matchAll(en.lists.occasionMarkers, tokens, doc.keys, from, to).find((m) => m.last - m.first > 0);
  if (!marker) return null;
  let i = marker.last + 1;
  if (/^(the|a|an)$/.test(tokens[i]?.norm ?? '')) i++;
  const opening = i;
  // «the 79th session», «the annual summit», «the Astana International Forum»
  while (i < opening + 3 && tokens[i] && !en.words.occasionNouns.has(tokens[i].norm) && tokens[i].sentence === tokens[opening].sentence && tokens[i].kind !== 'punct') i++;
  const noun = tokens[i];
  if (!noun || !en.words.occasionNouns.has(noun.norm)) return null;
  const ofBody = (j: number) => {
    if (tokens[j + 1]?.norm !== 'of') return j;
    const k = tokens[j + 2]?.norm === 'the' ? j + 3 : j + 2;
    return mentionIndex(doc).startingAt.get(k)?.find((x) => x.type === 'organization' || x.type === 'state')?.last ?? j;
  };
  // the antecedent: the same noun, capitalized, earlier — «the VI Summit of the Conference on … in Asia»
  const ix = mentionIndex(doc);
  for (let j = marker.first - 1; j >= Math.max(0, marker.first - ANTECEDENT_REACH); j--) {
    if (tokens[j].norm !== noun.norm || !tokens[j].cap) continue;
    let first = j;
    while (first > 0 && tokens[first - 1].sentence === tokens[j].sentence && (tokens[first - 1].upper || tokens[first - 1].cap) && tokens[first - 1].kind !== 'punct' && !ix.endingAt.has(first - 1)) first--;
    const last = ofBody(j);
    const s = doc.sentences[tokens[j].sentence];
    const end = Math.min(s.lastToken, last + WINDOW);
    return {
      text: doc.text.slice(tokens[first].start, tokens[last].end),
      place: placeIn(doc, within(partiesBySentence(doc)[tokens[j].sentence], last + 1, end), last + 1, end),
      date: findEnglishDates(tokens, last + 1, end)[0]?.value ?? null,
    };
  }
  // no antecedent: the occasion as this sentence names it, when it says more than the bare noun
  const last = ofBody(i);
  return { text: doc.text.slice(tokens[opening].start, tokens[last].end), place: null, date: null };
}
