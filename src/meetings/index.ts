// Meetings: who met whom, found from trigger words (встретился, переговоры, принял посла…)
// and the parties around them; then place, date, occasion, status and format.
import { itemAt, mapped, type Doc, type Meeting, type Mention, type Token } from '../doc.js';
import type { Context } from '../context.js';
import { matchAll } from '../gazetteer/match.js';
import { findDates } from '../dates/parse.js';
import { nominativePhrase } from '../morph/inflect.js';
import { hasCase, isVerb, lemmas, mentionCases, partyList, type Party } from './clauses.js';
import { lemmaStarts, tokenStartsLike } from '../morph/lemma-starts.js';

interface Trigger { first: number; last: number; kind: 'verb' | 'noun' | 'reception' | 'dative'; format: Meeting['format'] }

const PARTY_TYPES = new Set(['person', 'state', 'organization']);
/** How far after its trigger the «с …» of a meeting may start («встретился в Астане с …»). */
const WITH_DISTANCE = 6;
/** How far into a «с …» group a counterpart named by a common noun is looked for. */
const COUNTERPART_TOKENS = 5;

/** How far from its trigger a meeting's words are looked for: keeps a 10,000-word sentence linear. */
const REACH = 50;
/** How far back the event of «на полях саммита» is looked for. */
const OCCASION_LOOKBACK = 400;

/** The trigger's sentence, cut to REACH tokens on each side. */
function windowOf(doc: Doc, tr: Trigger): { firstToken: number; lastToken: number } {
  const sent = doc.sentences[doc.tokens[tr.first].sentence];
  return { firstToken: Math.max(sent.firstToken, tr.first - REACH), lastToken: Math.min(sent.lastToken, tr.last + REACH) };
}

function inQuote(doc: Doc, i: number): boolean {
  return doc.quoteSpans.some((q) => q.open < i && i < q.close && q.close - q.open > 6);
}

/** The format of each meeting noun, by its phrase value. The trigger file's entries have a `format` or not,
 * and reading it from both shapes made V8 recompile findTriggers. */
const nounFormats = new WeakMap<object, Array<Meeting['format']>>();
function formatsOf(k: Context['knowledge']): Array<Meeting['format']> {
  let f = nounFormats.get(k);
  if (!f) nounFormats.set(k, (f = k.triggers.meetingNouns.map((n) => n.format ?? null)));
  return f;
}

function findTriggers(doc: Doc, ctx: Context, s: number): Trigger[] {
  const { tokens } = doc;
  const sent = doc.sentences[s];
  const k = ctx.knowledge;
  const formats = formatsOf(k);
  const out: Trigger[] = [];
  for (const m of matchAll(k.phrases.meetingNouns, tokens, doc.keys, sent.firstToken, sent.lastToken)) {
    const first = m.first;
    // «встреча» must be a noun here, not a form of «встречать»
    if (m.first === m.last && !ctx.morph.parseToken(tokens[first]).some((p) => p.pos === 'NOUN')) continue;
    const prev = itemAt(tokens, first - 1);
    if (prev && prev.sentence === s && k.cues.demonstratives.has(prev.norm)) continue; // «эти переговоры» refer back
    out.push({ first, last: m.last, kind: 'noun', format: formats[m.phrase.value] });
  }
  const verbStarts = lemmaStarts(k.cues, 'meeting verbs', () => [...k.cues.meetingVerbs, ...k.cues.receptionVerbs, ...k.cues.dativeMeetingVerbs]);
  for (let i = sent.firstToken; i <= sent.lastToken; i++) {
    const t = tokens[i];
    // (a meeting verb as written starts like itself, so this also passes every form the verb list holds)
    if (t.kind !== 'word' || !tokenStartsLike(verbStarts, t)) continue;
    const ls = mapped(ctx.morph.parseToken(t).filter((p) => p.pos === 'VERB' || p.pos === 'INFN' || p.pos === 'PRTS' || p.pos === 'GRND'), (p) => p.lemma);
    if (ls.some((l) => k.cues.meetingVerbs.has(l)) || k.cues.meetingVerbs.has(t.norm)) {
      const before = tokens[i - 1];
      if (before && lemmas(ctx, before).some((l) => k.cues.relationshipCues.has(l))) continue; // «стал встречаться с …»: a relationship
      out.push({ first: i, last: i, kind: 'verb', format: /созвон/.test(t.norm) ? 'phone' : null });
    } else if (ls.some((l) => k.cues.receptionVerbs.has(l))) {
      out.push({ first: i, last: i, kind: 'reception', format: null });
    } else if (ls.some((l) => k.cues.dativeMeetingVerbs.has(l))) {
      out.push({ first: i, last: i, kind: 'dative', format: 'phone' });
    }
  }
  return out.sort((a, b) => a.first - b.first);
}

const PREPOSITION_BEFORE = /^(в|во|на|из|с|со|к|ко|от|до|для|над|под|при|о|об|по|за|через|между|у)$/;

/** The nominative parties of the clause before the trigger («X и Y провели переговоры»). */
function subjectOf(doc: Doc, ctx: Context, tr: Trigger, mentionAt: Map<number, number>, titleEnd: Map<number, number>): Party[] {
  const { tokens } = doc;
  const sent = windowOf(doc, tr);
  let start = tr.first - 1;
  while (start > sent.firstToken && !(tokens[start].kind === 'punct' && /^[;:«»"]$/.test(tokens[start].text))) start--;
  const candidates = partyList(doc, start, tr.first - 1, mentionAt, titleEnd, ctx, ['nomn'], true).filter((p) => {
    const m = p.mention;
    if (m.first >= tr.first) return false;
    const prev = tokens[m.first - 1];
    if (!prev || prev.sentence !== tokens[m.first].sentence) return true;
    if (PREPOSITION_BEFORE.test(prev.norm)) return false; // «в Израиль»
    // a name with no Russian case («корреспонденту The New Times») is a subject only right before the verb
    if (!/[а-яё]/i.test(tokens[m.first].text) && m.last + 2 < tr.first) return false;
    // a genitive dependent of a noun: «самит Большой восьмёрки» (a title before a name is an apposition: «президент Дмитрий Медведев»)
    let inTitle = false;
    for (let q = m.first - 1; q >= Math.max(0, m.first - REACH) && !inTitle; q--) { const e = titleEnd.get(q); if (e !== undefined && e >= m.first - 1) inTitle = true; }
    const canBeGenitive = hasCase(mentionCases(doc, ctx, m), 'gent');
    return inTitle || !canBeGenitive || !(prev.kind === 'word' && !prev.cap && ctx.morph.parseToken(prev)[0]?.pos === 'NOUN' && !lemmas(ctx, prev).some((l) => ctx.knowledge.cues.delegationWords.has(l)));
  });
  // «куда Россия вышла …, команда встретилась»: a subject followed by its own verb and a comma
  // belongs to another clause when a later subject stands closer to the trigger
  const ownClause = (m: Mention) => {
    for (let i = m.last + 1, verb = false; i < tr.first; i++) {
      if (tokens[i].kind === 'word' && ctx.morph.parseToken(tokens[i])[0]?.pos === 'VERB') verb = true;
      if (verb && tokens[i].text === ',') return false;
    }
    return true;
  };
  const close = candidates.filter((p) => ownClause(p.mention));
  const isPerson = (p: Party) => p.mention.type === 'person';
  // «Обама посетит самит Большой восьмёрки во Франции, проведёт встречу»: a person of the coordinated clause beats a body
  const found = close.some(isPerson) || !candidates.some(isPerson) ? (close.length ? close : candidates) : candidates.filter(isPerson);
  // people are the parties when the clause names any; states and bodies stand in only when it does not
  const people = found.filter((p) => p.mention.type === 'person');
  return people.length ? people : found;
}

/** The last person named as a subject in the few sentences before: «Он сообщил, что во время встречи с …». */
function previousSubject(doc: Doc, ctx: Context, s: number, exclude: Set<string>, mentionAt: Map<number, number>): Party | null {
  for (let k = s - 1; k >= Math.max(0, s - 3); k--) {
    const sent = doc.sentences[k];
    for (let i = sent.firstToken; i <= Math.min(sent.lastToken, sent.firstToken + REACH); i++) {
      const idx = mentionAt.get(i);
      if (idx === undefined) continue;
      const m = doc.mentions[idx];
      if (m.type !== 'person' || m.kind === 'hashtag') continue;
      if (!exclude.has(m.ref) && hasCase(mentionCases(doc, ctx, m), 'nomn')) return { mention: m, index: idx };
    }
  }
  return null;
}

const PRONOUN_SUBJECT = /^(он|она|они)$/;

interface PartyResult { parties: Party[]; unnamedCounterpart: boolean; team: boolean }

/** The parties of one trigger: its subject group and its «с …» group (or the received guest). */
function partiesOf(doc: Doc, ctx: Context, tr: Trigger, mentionAt: Map<number, number>, titleEnd: Map<number, number>): PartyResult {
  const { tokens } = doc;
  const k = ctx.knowledge;
  const s = tokens[tr.first].sentence;
  const sent = windowOf(doc, tr);
  const parties: Party[] = [];
  let unnamedCounterpart = false;
  let team = false;
  // a capital stands for its state's government («Белград и Приштина начали переговоры»)
  const isParty = (m: Mention) => PARTY_TYPES.has(m.type) || (m.type === 'location' && k.capitals.has(m.ref));
  const add = (ps: Party[]) => { for (const p of ps) if (isParty(p.mention) && !parties.some((q) => q.mention.ref === p.mention.ref)) parties.push(p); };
  const counterpartHead = (from: number) => {
    // «снова встречался с президентом»: a bare title stands for the one person of the text who holds that rank
    const title = doc.titles.find((t) => t.first === from);
    if (title && !mentionAt.has(from)) {
      const holders = doc.entities.filter((e) => e.type === 'person' && e.roles.some((r) => r.rank === title.rank));
      const named = [...Array(title.last - title.first + 1).keys()].some((q) => mentionAt.has(from + q) && doc.mentions[mentionAt.get(from + q)!].type === 'person');
      if (holders.length === 1 && !named && title.last === from) {
        const ref = holders[0].id;
        const index = doc.mentions.findIndex((m) => m.ref === ref);
        if (index >= 0) { add([{ mention: { ...doc.mentions[index], first: from, last: title.last }, index }]); return; }
      }
    }
    // «с адвокатами», «с представителями прокуратуры», «между X и неким мужчиной»: a counterpart named by a common noun
    for (let i = from; i < from + COUNTERPART_TOKENS && i <= sent.lastToken; i++) {
      const t = tokens[i];
      if (t.kind === 'punct' && t.text !== ',') return;
      if (t.kind !== 'word' || mentionAt.has(i)) continue;
      const ls = lemmas(ctx, t);
      if (i === from && ls.some((l) => k.cues.teamWords.has(l))) { team = true; return; }
      if (ctx.morph.parseToken(t).some((p) => p.pos === 'NOUN' && p.tags.includes('anim') && p.case === 'ablt') && !ls.some((l) => k.cues.genericParticipants.has(l))) { unnamedCounterpart = true; return; }
    }
  };
  // «с Y (и Z)» right after the trigger, and more groups of the same list («…, в том числе — с Y, а также с Z»);
  // «разговор между X и Y»
  let groups = 0;
  let lastGroupEnd = tr.last;
  for (let i = tr.last + 1; i <= sent.lastToken && i - tr.last <= WITH_DISTANCE + groups * 12; i++) {
    const t = tokens[i];
    if (t.norm === 'с' || t.norm === 'со' || (t.norm === 'между' && tr.kind === 'noun')) {
      // a further group only as part of the same list: «…, в том числе — с Y, а также с Z»
      if (groups && !listGlue(tokens, lastGroupEnd, i)) break;
      counterpartHead(i + 1);
      const group = partyList(doc, i + 1, sent.lastToken, mentionAt, titleEnd, ctx, ['ablt']);
      add(group);
      lastGroupEnd = group.length ? group[group.length - 1].mention.last : i;
      if (++groups >= 3) break;
      continue;
    }
    if ((t.kind === 'punct' && !/^[,—–-]$/.test(t.text)) || isVerb(ctx, t)) break;
  }
  if (tr.kind === 'reception' || tr.kind === 'dative') {
    // «принял посла Франции», «Y был принят X», «позвонил Зыкиной»; not «принял участие», «принять новых членов»
    const passive = ctx.morph.parseToken(tokens[tr.first]).some((p) => p.pos === 'PRTS' || p.pos === 'ADJS');
    const cases = tr.kind === 'dative' ? ['datv'] : passive ? ['ablt'] : ['accs', 'gent'];
    const guests = partyList(doc, tr.last + 1, sent.lastToken, mentionAt, titleEnd, ctx, cases).filter((p) => p.mention.type === 'person' || passive);
    if (!guests.length) return { parties: [], unnamedCounterpart: false, team: false };
    add(guests);
  }
  if (tr.kind === 'noun') {
    // «встреча X с Y», «беседа X и Y с Z»: the genitive list right after the noun
    const gen = partyList(doc, tr.last + 1, sent.lastToken, mentionAt, titleEnd, ctx, ['gent']);
    if (gen.length && gen[0].mention.first <= tr.last + 2) add(gen);
    // «в телефонном разговоре … поздравил Мигеля Диас-Канеля»: the person the clause addresses
    if (!parties.length && tr.format) {
      for (let i = tr.last + 1; i <= sent.lastToken; i++) {
        const mi = mentionAt.get(i);
        const m = mi === undefined ? undefined : doc.mentions[mi];
        if (m?.type === 'person' && hasCase(mentionCases(doc, ctx, m), 'accs', 'datv', 'gent')) { add([{ mention: m, index: mi! }]); break; }
      }
    }
  }
  // a meeting noun takes the clause's subject only when a verb holds it («провели переговоры», «встреча состоялась»)
  // or a frame puts it beside the clause («на встрече с Y X отметил»), not in «путём переговоров»
  const subject = tr.kind !== 'noun' || nounHasSubject(doc, ctx, tr) ? subjectOf(doc, ctx, tr, mentionAt, titleEnd) : [];
  if (subject.length) add(subject);
  else {
    // «На встрече с Y X отметил…»: the nominative person after the trigger;
    // «переговоры ведут лидеры «Движения пяти звёзд» и партии «Лига»»: bodies through their people
    let found = false;
    for (let i = tr.last + 1; i <= sent.lastToken && !found; i++) {
      const mi = mentionAt.get(i);
      if (mi === undefined) continue;
      const m = doc.mentions[mi];
      if (m.type === 'person' && hasCase(mentionCases(doc, ctx, m), 'nomn') && !parties.some((p) => p.mention.ref === m.ref)) { add([{ mention: m, index: mi }]); found = true; }
    }
    if (!found) {
      const [, clauseEnd] = clauseOf(doc, ctx, tr);
      add(partyList(doc, tr.last + 1, clauseEnd, mentionAt, titleEnd, ctx, ['nomn'], true).filter((p) => p.mention.type !== 'person' && p.delegated));
    }
  }
  // a pronoun or no subject at all: the person the previous sentences were about
  const hasNominative = parties.some((p) => subject.includes(p)) || parties.length >= 2;
  if (!hasNominative && (tr.kind !== 'noun' || sentHasPronoun(doc, sent))) {
    const prev = previousSubject(doc, ctx, s, new Set(parties.map((p) => p.mention.ref)), mentionAt);
    if (prev) add([prev]);
  }
  return { parties, unnamedCounterpart, team };
}

const GLUE = new Set([',', '—', '–', '-', 'а', 'также', 'и', 'в', 'том', 'числе', 'включая', 'особенно', 'прежде', 'всего']);

/** Only list words stand between two «с …» groups of one meeting. */
function listGlue(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (!GLUE.has(tokens[i].norm)) return false;
  return true;
}

function nounHasSubject(doc: Doc, ctx: Context, tr: Trigger): boolean {
  const { tokens } = doc;
  const k = ctx.knowledge;
  if (ctx.morph.parseToken(tokens[tr.first]).some((p) => p.pos === 'NOUN' && p.case === 'nomn')) return true;
  const s = tokens[tr.first].sentence;
  for (let i = tr.first - 1; i >= Math.max(0, tr.first - 4) && tokens[i].sentence === s; i--) {
    if (lemmas(ctx, tokens[i]).some((l) => k.cues.supportVerbs.has(l))) return true;
  }
  // a frame right before the noun, past its adjectives: «на срочной встрече», «в ходе переговоров»
  let i = tr.first - 1;
  while (i >= 0 && tokens[i].sentence === s && ctx.morph.parseToken(tokens[i])[0]?.pos === 'ADJF') i--;
  const one = tokens[i]?.norm ?? '';
  const two = i > 0 ? `${tokens[i - 1].norm} ${one}` : '';
  return k.cues.meetingFrames.has(one) || k.cues.meetingFrames.has(two);
}

function sentHasPronoun(doc: Doc, sent: { firstToken: number; lastToken: number }): boolean {
  for (let i = sent.firstToken; i <= sent.lastToken; i++) if (PRONOUN_SUBJECT.test(doc.tokens[i].norm)) return true;
  return false;
}

function statusOf(doc: Doc, ctx: Context, tr: Trigger, quoted: boolean): Pick<Meeting, 'status' | 'modality'> {
  const { tokens } = doc;
  const sent = windowOf(doc, tr);
  const k = ctx.knowledge;
  const verb = tr.kind === 'noun' ? undefined : ctx.morph.parseToken(tokens[tr.first])[0];
  const before = tokens[tr.first - 1];
  if (before && before.norm === 'не' && tr.kind !== 'noun') return { status: 'planned', modality: 'negated' };
  for (const m of matchAll(k.phrases.modalityCues, tokens, doc.keys, sent.firstToken, sent.lastToken)) {
    const mod = k.triggers.modalityCues[m.phrase.value].modality;
    if (mod === 'negated') continue;
    // «может встретиться» before the trigger; «встреча …, назначенная на воскресенье» anywhere in the clause
    const at = m.first;
    const participle = ctx.morph.parseToken(tokens[at]).some((p) => p.pos === 'PRTF' || p.pos === 'ADJF');
    if (at < tr.first + 3 || (mod === 'future' && at > tr.last && participle)) return { status: 'planned', modality: mod };
  }
  if (verb && /\bfutr\b/.test(ctx.morph.azParses(tokens[tr.first].text)[0]?.tag.toString() ?? '')) return { status: 'planned', modality: 'future' };
  if (quoted) return { status: 'past', modality: null };
  // «встречался» (imperfective past) tells of earlier meetings; «встретился» is the news
  const tag = ctx.morph.azParses(tokens[tr.first].text)[0]?.tag.toString() ?? '';
  if (tr.kind === 'verb' && /\bpast\b/.test(tag) && lemmas(ctx, tokens[tr.first]).some((l) => k.cues.recalledMeetingVerbs.has(l))) return { status: 'past', modality: null };
  for (let i = sent.firstToken; i <= sent.lastToken; i++) if (k.cues.pastMarkers.has(tokens[i].norm) || lemmas(ctx, tokens[i]).some((l) => k.cues.pastMarkers.has(l))) return { status: 'past', modality: null };
  return { status: 'reported', modality: null };
}

/** «на полях саммита» → the summit's own description, place and date from where the text named it. */
function occasionOf(doc: Doc, ctx: Context, s: number, mentionAt: Map<number, number>): { text: string; place: string | null; date: string | null } | null {
  const { tokens, text } = doc;
  const k = ctx.knowledge;
  const sent = doc.sentences[s];
  for (const m of matchAll(k.phrases.occasionMarkers, tokens, doc.keys, sent.firstToken, sent.lastToken)) {
    const nounIdx = m.last + 1;
    const noun = tokens[nounIdx];
    if (!noun || noun.sentence !== s) continue;
    const nounLemma = lemmas(ctx, noun).find((l) => k.cues.occasionNouns.has(l));
    if (!nounLemma) continue;
    // the same event named earlier in the text, with its place and date («саммит …, который прошел в Астане в 2022 году»)
    for (let j = nounIdx - 1; j >= Math.max(0, nounIdx - OCCASION_LOOKBACK); j--) {
      if (tokens[j].kind !== 'word' || !lemmas(ctx, tokens[j]).includes(nounLemma) || tokens[j].sentence === s) continue;
      const ps = tokens[j].sentence;
      let end = j;
      while (end + 1 < tokens.length && tokens[end + 1].sentence === ps && !(tokens[end + 1].kind === 'punct' && tokens[end + 1].text !== '-' ) && end - j < 10) end++;
      let from = j;
      if (from > 0 && tokens[from - 1].sentence === ps && /^[IVXLC]+(-[а-я]+)?$|^\d+(-[а-я]+)?$/.test(tokens[from - 1].text)) from--;
      const place = placeIn(doc, ctx, ps, end + 1, doc.sentences[ps].lastToken, mentionAt);
      const date = findDates(tokens, end + 1, doc.sentences[ps].lastToken, doc.givenDate)[0]?.value ?? null;
      return { text: nominativePhrase(text, tokens, from, end, j, ctx.morph), place, date };
    }
    let end = nounIdx;
    while (end + 1 <= sent.lastToken && tokens[end + 1].kind === 'word' && ctx.morph.parseToken(tokens[end + 1])[0]?.pos !== 'PREP' && ctx.morph.parseToken(tokens[end + 1]).some((p) => p.case === 'gent') && end - nounIdx < 6) end++;
    // «во время визита в Израиль», «при посещении Санкт-Петербурга»: where the event is
    return { text: nominativePhrase(text, tokens, nounIdx, end, nounIdx, ctx.morph), place: destination(doc, nounIdx + 1, mentionAt), date: null };
  }
  return null;
}

/** The place an event noun points at: «визита в Израиль», «посещении Санкт-Петербурга». */
function destination(doc: Doc, i: number, mentionAt: Map<number, number>): string | null {
  const at = (j: number) => { const mi = mentionAt.get(j); const m = mi === undefined ? undefined : doc.mentions[mi]; return m && (m.type === 'location' || m.type === 'state') && m.kind !== 'adjective' ? m.ref : null; };
  const t = doc.tokens[i];
  if (!t || t.sentence !== doc.tokens[i - 1].sentence) return null;
  return /^(в|во|на)$/.test(t.norm) ? at(i + 1) : at(i);
}

/** A place «в Астане» / «в Акорде» in tokens[from..to]: a location (or state) after «в/во/на». */
function placeIn(doc: Doc, ctx: Context, s: number, from: number, to: number, mentionAt: Map<number, number>, titleEnd?: Map<number, number>): string | null {
  const { tokens } = doc;
  let state: string | null = null;
  let inTitleUntil = -1;
  for (let i = Math.max(from, 1); i <= to; i++) {
    inTitleUntil = Math.max(inTitleUntil, titleEnd?.get(i) ?? -1);
    const mi = mentionAt.get(i);
    if (mi === undefined || i <= inTitleUntil) continue; // «полпред в СКФО» is where the post is, not the meeting
    const m = doc.mentions[mi];
    const prep = tokens[i - 1];
    if (!ctx.knowledge.cues.placePrepositions.has(prep.norm) || prep.sentence !== s) continue;
    if (!hasCase(mentionCases(doc, ctx, m), 'loct', 'datv')) continue;
    if (m.type === 'location') return m.ref;
    if (m.type === 'state' && m.kind !== 'adjective' && !state) state = m.ref;
  }
  return state;
}

/** The clause around a trigger: from the previous clause break to the next one («…, и призывал …»). */
function clauseOf(doc: Doc, ctx: Context, tr: Trigger): [number, number] {
  const { tokens } = doc;
  const sent = windowOf(doc, tr);
  let to = tr.last;
  while (to < sent.lastToken) {
    const next = tokens[to + 1];
    if ((next.text === ',' || next.norm === 'и') && to + 2 <= sent.lastToken && isVerb(ctx, tokens[to + 2])) break;
    if (next.text === ';') break;
    to++;
  }
  return [sent.firstToken, to];
}

/** Stage: meetings with their parties and circumstances, each with its evidence. */
export function findMeetings(doc: Doc, ctx: Context): Doc {
  const { tokens } = doc;
  const mentionAt = new Map<number, number>();
  doc.mentions.forEach((m, i) => {
    const prev = mentionAt.get(m.first);
    if (prev === undefined || (doc.mentions[prev].kind === 'adjective' && m.kind !== 'adjective')) mentionAt.set(m.first, i);
  });
  const titleEnd = new Map<number, number>();
  for (const t of doc.titles) titleEnd.set(t.first, t.last);
  const meetings: Meeting[] = [];
  // the dates of the whole text matter only once a meeting is found, in few documents
  let latest: number | undefined;
  const latestYear = () => (latest ??= findDates(tokens, 0, tokens.length - 1, doc.givenDate)
    .reduce((a, d) => Math.max(a, Number(d.value.slice(0, 4))), doc.givenDate ? Number(doc.givenDate.slice(0, 4)) : 0));
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    let occ: ReturnType<typeof occasionOf> | undefined; // computed once per sentence, when a meeting needs it
    for (const tr of findTriggers(doc, ctx, s)) {
      const { parties, unnamedCounterpart, team } = partiesOf(doc, ctx, tr, mentionAt, titleEnd);
      if (team) continue; // a match between teams
      // participants in the order the sentence names them
      const ids = [...new Set(mapped([...parties].sort((a, b) => a.mention.first - b.mention.first), (p) => p.mention.ref).filter(Boolean))];
      // one named party is enough when the other is named by a common noun («с адвокатами»)
      if (ids.length < 2 && !(ids.length === 1 && unnamedCounterpart)) continue;
      const quoted = inQuote(doc, tr.first);
      if (occ === undefined) occ = occasionOf(doc, ctx, s, mentionAt);
      const win = windowOf(doc, tr);
      const st = statusOf(doc, ctx, tr, quoted);
      const date = findDates(tokens, win.firstToken, win.lastToken, doc.givenDate, st.modality === 'future')[0]?.value ?? occ?.date ?? null;
      // a meeting dated before the latest year the text speaks of is a recalled one
      const { status, modality } = st.status === 'reported' && date && Number(date.slice(0, 4)) < latestYear() ? { status: 'past' as const, modality: null } : st;
      const ev = { start: sent.start, end: sent.end };
      // the same parties again, or more triggers of one sentence («Беседа … в режиме видеоконференции»): one meeting
      // …unless both are dated, differently («в 2016 году … встречался», «в 2017 году снова встречался»)
      const same = meetings.find((m) => m.quoted === quoted && (!m.date || !date || m.date === date) &&
        ((m.participants.length === ids.length && ids.every((id) => m.participants.includes(id))) || (m.sentence === s && ids.some((id) => m.participants.includes(id)))));
      if (same) {
        for (const id of ids) if (!same.participants.includes(id)) same.participants.push(id);
        if (!same.evidence.some((e) => e.start === ev.start)) same.evidence.push(ev);
        if (!same.format || same.format === 'in-person') same.format = tr.format ?? same.format;
        continue;
      }
      const formatCue = matchAll(ctx.knowledge.phrases.formatCues, tokens, doc.keys, win.firstToken, win.lastToken)[0];
      const format = tr.format ?? (formatCue ? ctx.knowledge.triggers.formatCues[formatCue.phrase.value].format : tr.kind === 'verb' || tr.kind === 'reception' || /встреч|аудиенц/.test(tokens[tr.first].norm) ? 'in-person' : null);
      meetings.push({
        participants: ids,
        place: placeIn(doc, ctx, s, ...clauseOf(doc, ctx, tr), mentionAt, titleEnd) ?? occ?.place ?? null,
        date,
        status, modality, format,
        occasion: occ?.text ?? null,
        topics: [],
        evidence: [ev],
        sentence: s,
        trigger: { first: tr.first, last: tr.last },
        quoted,
        reason: `meetings:${tr.kind}:${tokens[tr.first].norm}`,
      });
    }
  }
  return { ...doc, meetings };
}

