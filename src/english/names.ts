// Names no dictionary holds, in English text: people after titles and honorifics or found by
// compromise, bodies named «Ministry of …» or ending in a head noun, places compromise knows,
// and a bare head («the Senate») standing for the body the text named in full.
import { createRequire } from 'node:module';
import { mention, type Doc, type Mention, type Token } from '../doc.js';
import type { Context } from '../context.js';
import { englishKnowledge, type EnglishKnowledge } from './knowledge.js';
import { skipHonorifics, titlePhrase } from './titles.js';

interface Span { start: number; end: number }
interface Found { people: Span[]; places: Span[]; organizations: Span[] }
type Nlp = (text: string) => Record<'people' | 'places' | 'organizations', () => { json: (o: object) => Array<{ offset: { start: number; length: number } }> }>;
// compromise costs ~150 ms to load: only English documents pay for it
let nlp: Nlp | null = null;
const loadNlp = (): Nlp => (nlp ??= createRequire(import.meta.url)('compromise') as Nlp);

/** compromise's names in the sentences that still hold capitalized words nothing else explained. Its tagger is
 * most of an English document's time, so it reads only those sentences, each on its own (offsets shifted back). */
function compromiseNames(doc: Doc, taken: Uint8Array): Found {
  const found: Found = { people: [], places: [], organizations: [] };
  for (const s of doc.sentences) {
    let open = false;
    for (let i = s.firstToken + 1; i <= s.lastToken && !open; i++) if (!taken[i] && isNameWord(doc.tokens[i]) && !CALENDAR.has(doc.tokens[i].norm)) open = true;
    if (!open) continue;
    for (const [a, b] of pieces(doc.tokens, s.firstToken, s.lastToken)) {
      const start = doc.tokens[a].start;
      const d = loadNlp()(doc.text.slice(start, doc.tokens[b].end));
      for (const kind of ['people', 'places', 'organizations'] as const) {
        for (const x of d[kind]().json({ offset: true })) found[kind].push({ start: start + x.offset.start, end: start + x.offset.start + x.offset.length });
      }
    }
  }
  return found;
}

/** compromise slows down more than linearly on a long sentence (an unpunctuated page is one): it reads a long one in
 * pieces of at most PIECE tokens, cut before a lowercase word so that no name is split. */
const PIECE = 80;
function pieces(tokens: readonly Token[], first: number, last: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = first;
  while (last - a + 1 > PIECE) {
    let cut = a + PIECE - 1;
    while (cut > a + PIECE / 2 && (tokens[cut + 1].cap || tokens[cut].cap)) cut--;
    out.push([a, cut]);
    a = cut + 1;
  }
  out.push([a, last]);
  return out;
}

/** Capitalized words that begin sentences and headings, not names. */
const NOT_NAME = new Set(['the', 'a', 'an', 'on', 'in', 'at', 'as', 'we', 'our', 'he', 'she', 'it', 'they', 'this', 'these', 'that', 'his', 'her', 'their', 'and', 'but', 'photo', 'during', 'after', 'before', 'while', 'welcoming', 'according', 'meanwhile', 'also', 'today', 'yesterday', 'mr', 'mrs', 'ms', 'dr']);
const MAX_NAME = 5;
/** Capitalized words of dates: no reason to ask compromise about a sentence. */
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const isNameWord = (t: Token) => t.kind === 'word' && t.cap && !t.upper && !NOT_NAME.has(t.norm);

/** The capitalized run of name words starting at i, as its last token, or -1. */
function nameRun(tokens: readonly Token[], i: number, taken: Uint8Array, particles: ReadonlySet<string>): number {
  if (!tokens[i] || !isNameWord(tokens[i]) || taken[i]) return -1;
  let j = i;
  while (j + 1 < tokens.length && j - i + 1 < MAX_NAME && tokens[j + 1].sentence === tokens[i].sentence && !taken[j + 1] &&
    (isNameWord(tokens[j + 1]) || (particles.has(tokens[j + 1].norm) && tokens[j + 2] && isNameWord(tokens[j + 2])))) j++;
  return j;
}

function personMention(tokens: readonly Token[], first: number, last: number, reason: string, gender: 'm' | 'f' | null = null): Mention {
  const words = tokens.slice(first, last + 1).map((t) => t.text);
  return mention({
    first, last, type: 'person', kind: 'name', ref: '', reason,
    person: { first: words.length > 1 ? words[0] : null, middle: words.length > 2 ? words.slice(1, -1).join(' ') : null, last: words[words.length - 1], gender },
  });
}

function tokenRange(tokens: readonly Token[], s: Span): [number, number] | null {
  // the first token ending after the span's start, by binary search
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].end > s.start) hi = mid; else lo = mid + 1; }
  let first = lo;
  if (first >= tokens.length) return null;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].start < s.end) last++;
  while (first <= last && tokens[first].kind !== 'word') first++;
  while (last >= first && tokens[last].kind !== 'word') last--;
  return first <= last ? [first, last] : null;
}

function organizationsByHead(doc: Doc, en: EnglishKnowledge, taken: Uint8Array): Mention[] {
  const { tokens } = doc;
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const kind = en.organizationHeads.get(t.norm);
    if (!kind || !t.cap || taken[i]) continue;
    // «Ministry of Foreign Affairs of Egypt»: head, «of», capitalized words (and the state they may end in)
    let last = i;
    if (tokens[i + 1]?.norm === 'of' || tokens[i + 1]?.norm === 'for') {
      let j = i + 2;
      if (tokens[j]?.norm === 'the') j++;
      // «Summit of the Conference on Interaction …»: a known body after «of» is a name of its own
      const run = taken[j] ? -1 : nameRunAny(tokens, j);
      if (run >= j) last = run;
    }
    // «Nazarbayev University», «Kazakh Foreign Ministry»: capitalized words before the head
    let first = i;
    while (first - 1 >= 0 && tokens[first - 1].sentence === t.sentence && isNameWord(tokens[first - 1]) && !taken[first - 1] && first - 1 > doc.sentences[t.sentence].firstToken) first--;
    if (first === i && last === i) continue;
    for (let k = first; k <= last; k++) taken[k] = 1;
    out.push(mention({ first, last, type: 'organization', kind: 'name', ref: '', reason: 'names:organization-head', name: doc.text.slice(tokens[first].start, tokens[last].end), kindHint: kind }));
  }
  return out;
}

/** Capitalized words, with «and»/«of» between them: «Foreign Affairs», «Trade and Integration». */
function nameRunAny(tokens: readonly Token[], i: number): number {
  if (!tokens[i]?.cap || tokens[i].kind !== 'word') return -1;
  let j = i;
  while (j + 1 < tokens.length && tokens[j + 1].sentence === tokens[i].sentence &&
    ((tokens[j + 1].cap && tokens[j + 1].kind === 'word') || (['and', 'of', 'for', 'the'].includes(tokens[j + 1].norm) && tokens[j + 2]?.cap && tokens[j + 2].kind === 'word'))) j++;
  return j;
}

/** Stage: discovered people, organizations and places, and bare heads of known bodies. */
export function discoverEnglishNames(doc: Doc, ctx: Context): Doc {
  const en = englishKnowledge(ctx.knowledge);
  const { tokens } = doc;
  const taken = new Uint8Array(tokens.length);
  for (const m of doc.mentions) for (let i = m.first; i <= m.last; i++) taken[i] = 1;
  for (const t of doc.titles) for (let i = t.first; i <= t.last; i++) taken[i] = 1;
  const honorifics = en.words.honorifics;
  const known = withMiddleNames(doc, ctx, taken);
  const found: Mention[] = [];
  const add = (m: Mention) => { found.push(m); for (let i = m.first; i <= m.last; i++) taken[i] = 1; };

  // after a title phrase: «President of Egypt Abdel Fattah el-Sisi», «Adviser … Dr. Mahmoud Sidki Al-Habbash»
  const titleStarts = new Map(doc.titles.map((t) => [t.first, t]));
  const titleAt = (i: number) => titleStarts.get(i);
  // bodies first, so that a title reaches over them: «Speaker of the Turkish Grand National Assembly Numan Kurtulmuş»
  for (const m of organizationsByHead(doc, en, taken)) add(m);
  const withBodies: Doc = { ...doc, mentions: [...doc.mentions, ...found].sort((a, b) => a.first - b.first) };
  for (const t of doc.titles) {
    const phrase = titlePhrase(withBodies, en, t, titleAt);
    const start = skipHonorifics(tokens, phrase.last + 1, honorifics);
    const last = nameRun(tokens, start, taken, en.words.nameParticles);
    if (last > start && tokens[start].sentence === tokens[t.first].sentence) add(personMention(tokens, start, last, 'names:after-title'));
  }
  // after an honorific alone: «Dr. Jane Goodall»
  tokens.forEach((t, i) => {
    if (!honorifics.has(t.norm) || !t.cap) return;
    const start = skipHonorifics(tokens, i, honorifics);
    const last = nameRun(tokens, start, taken, en.words.nameParticles);
    if (last >= start && start > i) add(personMention(tokens, start, last, 'names:after-honorific', en.cues.genderedHonorifics[t.norm] ?? null));
  });

  const nlpFound = compromiseNames(doc, taken);
  for (const s of nlpFound.people) {
    const r = tokenRange(tokens, s);
    if (!r) continue;
    // compromise's spans may begin with a title word or honorific: the name is the capitalized run inside
    let first = r[0];
    while (first <= r[1] && (taken[first] || !isNameWord(tokens[first]))) first++;
    const last = nameRun(tokens, first, taken, en.words.nameParticles);
    // a lone capitalized word is too often a place or a heading word for compromise to decide
    if (last < 0 || Math.min(last, r[1]) === first) continue;
    add(personMention(tokens, first, Math.min(last, r[1]), 'names:compromise-person'));
  }
  for (const [spans, type] of [[nlpFound.organizations, 'organization'], [nlpFound.places, 'location']] as const) {
    for (const s of spans) {
      const r = tokenRange(tokens, s);
      if (!r || !tokens[r[0]].cap) continue;
      let free = true;
      for (let i = r[0]; i <= r[1]; i++) if (taken[i]) free = false;
      if (!free) continue;
      add(mention({ first: r[0], last: r[1], type, kind: 'name', ref: '', reason: `names:compromise-${type}`, name: doc.text.slice(tokens[r[0]].start, tokens[r[1]].end) }));
    }
  }
  found.push(...bareHeads(doc, en, taken));
  const mentions = [...known, ...found].sort((a, b) => a.first - b.first);
  return { ...doc, mentions };
}

/** «Kassym-Jomart Kemelevich Tokayev»: a dictionary person's bare surname after their given name and a
 * middle name the dictionary does not spell is the whole name. */
function withMiddleNames(doc: Doc, ctx: Context, taken: Uint8Array): Mention[] {
  const { tokens } = doc;
  return doc.mentions.map((m) => {
    if (m.type !== 'person' || m.first !== m.last || m.kind !== 'name') return m;
    const given = new Set((ctx.knowledge.byId.get(m.ref)?.english ?? []).map((n) => n.split(/\s+/)[0].toLowerCase()));
    for (let first = m.first - 1; first >= Math.max(0, m.first - 3); first--) {
      if (!isNameWord(tokens[first]) || taken[first] || tokens[first].sentence !== tokens[m.first].sentence) break;
      if (given.has(tokens[first].norm)) {
        for (let i = first; i < m.first; i++) taken[i] = 1;
        return mention({ ...m, first });
      }
    }
    return m;
  });
}

/** «the Senate» after «the Senate of Parliament»: a capitalized head noun alone names the one body of the text it heads. */
function bareHeads(doc: Doc, en: EnglishKnowledge, taken: Uint8Array): Mention[] {
  const heads = new Map<string, Mention | null>();
  for (const m of doc.mentions) {
    if (m.type !== 'organization' || m.kind !== 'name' || m.last === m.first) continue;
    const head = doc.tokens[m.first].norm;
    if (!en.organizationHeads.has(head)) continue;
    heads.set(head, heads.has(head) && heads.get(head)?.ref !== m.ref ? null : m);
  }
  const out: Mention[] = [];
  doc.tokens.forEach((t, i) => {
    const m = heads.get(t.norm);
    if (!m || taken[i] || !t.cap || t.kind !== 'word') return;
    if (doc.tokens[i + 1]?.norm === 'of') return;
    out.push(mention({ first: i, last: i, type: 'organization', kind: 'alias', ref: m.ref, reason: 'coref:head' }));
  });
  return out;
}
