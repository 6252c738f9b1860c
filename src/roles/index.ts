// Positions of people: a title next to a name becomes a role («Председатель Сената Парламента
// Маулен Ашимбаев»); a title alone («спикер Сената») becomes a mention of the person who
// holds it in this text.
import { mapped, mention, type Doc, type Entity, type Mention, type Role, type TitleSpan, type Token } from '../doc.js';
import type { Context } from '../context.js';
import { nominativePhrase } from '../morph/inflect.js';
import { textKeys } from '../gazetteer/endings.js';

interface Extended { span: TitleSpan; end: number; head: number; organization: string | null; state: string | null; keys: Set<string> }

const SEPARATORS = new Set([',', 'и']);
/** Words that may stand between a name and its title: «Солошенко, бывший директор». */
const MODIFIERS = /^(бывший|бывшая|экс|нынешний|нынешняя|новый|новая|действующий|действующая|временно|исполняющий|исполняющая|обязанности|тогдашний|покойный|ныне)$/;
/** How far before a name a title may start when its tail is not read word by word. */
const REACH_TOKENS = 14;
const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'NPRO', 'ADVB', 'INTJ']);

function firstNoun(tokens: readonly Token[], from: number, to: number, ctx: Context): number {
  for (let i = from; i <= to; i++) if (ctx.morph.parseToken(tokens[i])[0]?.pos === 'NOUN') return i;
  return from;
}

/** A title with its genitive tail: «советником Президента Палестины по религиозным вопросам». */
function extend(doc: Doc, t: TitleSpan, ctx: Context, mentionAt: Map<number, Mention>, personStart: Set<number>, titleStart: Map<number, TitleSpan>, absorbed: Set<TitleSpan>): Extended {
  const { tokens } = doc;
  const s = tokens[t.first].sentence;
  let organization: string | null = null;
  let state: string | null = null;
  const take = (m: Mention) => {
    if (m.type === 'organization' && !organization) organization = m.ref;
    if (m.type === 'state' && !state && m.kind !== 'adjective') state = m.ref;
    if (m.type === 'location' && !state) {
      const c = ctx.knowledge.byId.get(m.ref)?.country;
      if (c) state = `state:${c}`;
    }
  };
  // mentions overlapping the title phrase itself («Председатель Сената Парламента»)
  let end = t.last;
  for (let i = t.first; i <= t.last; i++) {
    const m = mentionAt.get(i);
    if (m && m.type !== 'person') { take(m); end = Math.max(end, m.last); }
  }
  const gent = (tok: Token) => !FUNCTION_POS.has(ctx.morph.parseToken(tok)[0]?.pos ?? '') && ctx.morph.parseToken(tok).some((p) => (p.pos === 'NOUN' || p.pos === 'ADJF') && p.case === 'gent');
  for (let j = end + 1; j < tokens.length && tokens[j].sentence === s && j - t.last <= 10;) {
    if (personStart.has(j)) break;
    const inner = titleStart.get(j);
    if (inner) {
      // «советник Президента Палестины»: a title in the genitive belongs to the chain
      if (!gent(tokens[j])) break;
      absorbed.add(inner);
      end = inner.last;
      j = inner.last + 1;
      continue;
    }
    const m = mentionAt.get(j);
    if (m) {
      if (m.type === 'person' || m.kind === 'adjective' || m.kind === 'hashtag') break;
      // «президент Татарстана», «мэр Москвы»: a place in the genitive belongs to the title; its state is the title's state
      if (m.type === 'location' && !gent(tokens[m.first]) && !gent(tokens[m.last])) break;
      take(m);
      end = m.last;
      j = m.last + 1;
      continue;
    }
    const tok = tokens[j];
    // «главный тренер «Спартака»»: a quoted name in the genitive
    if (tok.text === '«' || tok.text === '"') {
      let q = j + 1;
      while (q < tokens.length && tokens[q].sentence === s && tokens[q].text !== '»' && tokens[q].text !== '"' && q - j <= 6) q++;
      if (q < tokens.length && q > j + 1 && tokens[q].sentence === s && (tokens[q].text === '»' || tokens[q].text === '"') && gent(tokens[j + 1])) { end = q; j = q + 1; continue; }
      break;
    }
    if (tok.kind !== 'word') break;
    // «посол Ирландии в США», «полпред в СКФО»: where the post is
    const where = mentionAt.get(j + 1);
    if ((tok.norm === 'в' || tok.norm === 'во') && where && (where.type === 'state' || where.type === 'location') && where.kind !== 'adjective') { end = where.last; j = where.last + 1; continue; }
    if (tok.norm === 'по' && j + 1 < tokens.length && tokens[j + 1].kind === 'word') {
      // «по религиозным вопросам»: a dative phrase up to its noun
      let k = j + 1;
      while (k < tokens.length && k - j <= 3 && tokens[k].kind === 'word' && ctx.morph.parseToken(tokens[k])[0]?.pos !== 'NOUN') k++;
      if (k < tokens.length && ctx.morph.parseToken(tokens[k]).some((p) => p.pos === 'NOUN' && p.case === 'datv')) { end = k; j = k + 1; continue; }
      break;
    }
    // «Президента Палестины», and right after the title lowercase genitives: «капитан полиции», «глава ведомства»
    if (gent(tok) && (tok.cap || j - end === 1 && j - t.last <= 3 && ctx.morph.parseToken(tok).some((p) => p.pos === 'NOUN' && p.case === 'gent'))) { end = j; j++; continue; }
    break;
  }
  const keys = new Set<string>();
  for (let i = t.first + 1; i <= end; i++) if (tokens[i].kind === 'word') for (const k of textKeys(tokens[i].norm)) keys.add(k);
  return { span: t, end, head: firstNoun(tokens, t.first, t.last, ctx), organization, state, keys };
}

/** A title agrees with the name it stands before: same case, and singular («Адвокаты Мингазова» are his lawyers, not him). */
function caseAgrees(tokens: readonly Token[], head: number, m: Mention, ctx: Context): boolean {
  const ps = ctx.morph.parseToken(tokens[head]).filter((p) => p.number !== 'plur' || p.tags.includes('Fixd'));
  if (!ps.length) return false;
  if (!m.case) return true;
  return ps.some((p) => p.case === m.case || (p.case === 'accs' && m.case === 'gent') || (p.case === 'gent' && m.case === 'accs'));
}

function compatible(a: Extended, r: Role, keys: ReadonlySet<string> | undefined): boolean {
  if (a.span.rank !== r.rank) return false;
  if (a.organization && r.organization) return a.organization === r.organization;
  if (a.state && r.state) return a.state === r.state;
  if (a.organization || a.state || !keys) return false;
  for (const k of a.keys) if (keys.has(k)) return true;
  return false;
}

/** The person last named as a sentence's first mention in the few sentences before s. */
function lastSubject(firstMention: Map<number, Mention>, s: number): Mention | undefined {
  for (let k = s - 1; k >= Math.max(0, s - 4); k--) {
    const first = firstMention.get(k);
    if (first?.type === 'person') return first;
  }
  return undefined;
}

/** «X назначен главой Y», «X стал президентом»: a role verb right after the name, then a title in the instrumental. */
function predicateTitle(doc: Doc, ctx: Context, m: Mention, byStart: Map<number, Extended>): Extended | undefined {
  const { tokens } = doc;
  let i = m.last + 1;
  const s = tokens[m.first].sentence;
  let verb = false;
  for (let n = 0; i < tokens.length && tokens[i].sentence === s && n < 4; i++, n++) {
    const t = tokens[i];
    if (t.kind !== 'word') return undefined;
    if (ctx.morph.parseToken(t).some((p) => ctx.knowledge.cues.roleVerbs.has(p.lemma))) { verb = true; continue; }
    const title = byStart.get(i);
    if (title) return verb && ctx.morph.parseToken(tokens[title.head]).some((p) => p.case === 'ablt') ? title : undefined;
    if (!verb && !['не', 'был', 'была', 'был', 'ранее', 'уже', 'также', 'вновь', 'снова'].includes(t.norm)) return undefined;
  }
  return undefined;
}

/** Stage: roles from titles beside names; lone titles resolved to the person holding them. */
export function attachRoles(doc: Doc, ctx: Context): Doc {
  const { tokens, text } = doc;
  const mentions = mapped(doc.mentions, mention);
  const mentionAt = new Map<number, Mention>();
  for (const m of mentions) if (!mentionAt.has(m.first) || m.kind !== 'adjective') mentionAt.set(m.first, m);
  const personStart = new Set(mentions.filter((m) => m.type === 'person' && (m.kind === 'name' || m.kind === 'alias')).map((m) => m.first));
  const titleStart = new Map(doc.titles.map((t) => [t.first, t]));
  const absorbed = new Set<TitleSpan>();
  const titles = mapped(doc.titles, (t) => extend(doc, t, ctx, mentionAt, personStart, titleStart, absorbed)).filter((t) => !absorbed.has(t.span));
  const byEnd = new Map<number, Extended>();
  for (const t of titles) byEnd.set(t.end, t);
  const byStart = new Map<number, Extended>();
  for (const t of titles) byStart.set(t.span.first, t);
  const byStartAll = byStart;
  const isVerbLike = (t: Token) => t.kind === 'word' && ctx.morph.parseToken(t).some((p) => (p.pos === 'VERB' || p.pos === 'GRND' || p.pos === 'PRTS') && p.score > 0.3);
  const entities: Entity[] = mapped(doc.entities, (e) => ({ ...e, roles: [...e.roles], mentions: [...e.mentions] }));
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const used = new Set<Extended>();
  const roleKeys = new Map<Role, Set<string>>();

  const addRole = (e: Entity, t: Extended, start: number, end: number) => {
    used.add(t);
    const title = nominativePhrase(text, tokens, t.span.first, t.end, t.head, ctx.morph, e.gender === 'f' ? 'femn' : e.gender === 'm' ? 'masc' : undefined);
    let state = t.state;
    if (!state && t.organization) {
      const c = entityById.get(t.organization)?.country;
      if (c && entityById.has(`state:${c}`)) state = `state:${c}`;
    }
    if (e.roles.some((r) => r.title.toLowerCase() === title.toLowerCase() && r.organization === t.organization && r.state === state)) return;
    const role: Role = { title, organization: t.organization, state, start, end, rank: t.span.rank };
    roleKeys.set(role, t.keys);
    e.roles.push(role);
  };

  // «футболистов Кумана, Роналдо и Джеррарда»: a plural title before a list gives each name its role
  const personAt = new Map<number, Mention>();
  for (const m of mentions) if (m.type === 'person' && (m.kind === 'name' || m.kind === 'alias')) personAt.set(m.first, m);
  const listTitleOf = new Map<Mention, Extended>();
  for (const t of titles) {
    if (!ctx.morph.parseToken(tokens[t.head]).some((p) => p.number === 'plur')) continue;
    let m = personAt.get(t.end + 1);
    const names: Mention[] = [];
    while (m) {
      names.push(m);
      const sep = tokens[m.last + 1];
      m = sep && SEPARATORS.has(sep.norm) ? personAt.get(m.last + 2) : undefined;
    }
    if (names.length >= 2) for (const n of names) listTitleOf.set(n, t);
  }
  const listTitle = (m: Mention) => listTitleOf.get(m);
  // a title whose tail the chain rules could not read: «первый заместитель председателя Комитета Госдумы по науке
  // и наукоемким технологиям Дмитрий Новиков» — any words but verbs, names and clause punctuation up to the name
  const reachTitle = (k: number): Extended | undefined => {
    for (let i = k; i >= 0 && k - i < REACH_TOKENS && tokens[i].sentence === tokens[k].sentence; i--) {
      const tok = tokens[i];
      if (tok.kind === 'punct' && !/^[«»"()-]$/.test(tok.text)) return undefined;
      if (personStart.has(i) || isVerbLike(tok)) return undefined;
      const t = byStartAll.get(i);
      if (t && !used.has(t)) {
        // the bodies and states named in the tail belong to the title too
        const tail: Mention[] = [];
        for (let q = t.end + 1; q <= k; q++) { const x = mentionAt.get(q); if (x && x.last <= k && x.kind !== 'adjective') tail.push(x); }
        const org = t.organization ?? tail.find((x) => x.type === 'organization')?.ref ?? null;
        const state = t.state ?? tail.find((x) => x.type === 'state')?.ref ?? null;
        return { ...t, end: k, organization: org, state };
      }
    }
    return undefined;
  };
  for (const m of mentions) {
    if (m.type !== 'person' || (m.kind !== 'name' && m.kind !== 'alias')) continue;
    const e = entityById.get(m.ref);
    if (!e) continue;
    // titles before the name, in a list of appositions: «судьей Палестины, советником … доктором Махмудом»
    let k = m.first - 1;
    while (k >= 0 && tokens[k].kind === 'word' && ctx.knowledge.cues.honorifics.has(ctx.morph.parseToken(tokens[k])[0]?.lemma ?? tokens[k].norm)) k--;
    let t = byEnd.get(k) ?? listTitle(m) ?? reachTitle(k);
    while (t && (caseAgrees(tokens, t.head, m, ctx) || listTitle(m) === t)) {
      addRole(e, t, tokens[t.span.first].start, tokens[m.last].end);
      const before = t.span.first - 1;
      t = before >= 0 && SEPARATORS.has(tokens[before].norm) ? byEnd.get(before - 1) : undefined;
    }
    // a title after the name: «Сергей Лавров, министр иностранных дел России», «Булавин — глава ФТС»,
    // «Синев (скончался 3 февраля) — председатель …», «Солошенко, бывший директор …»
    let a = m.last + 1;
    if (tokens[a]?.text === '(') { while (a < tokens.length && tokens[a].text !== ')' && tokens[a].sentence === tokens[m.first].sentence) a++; a++; }
    if (a + 1 < tokens.length && (tokens[a].text === ',' || /^[–—-]$/.test(tokens[a].text))) {
      let b = a + 1;
      while (b < tokens.length && MODIFIERS.test(tokens[b].norm)) b++;
      const after = byStart.get(b);
      // not the title of the next name in a list: «юморист Владимир Винокур, певица Надежда Бабкина»
      const ownsNext = after && personStart.has(after.end + 1);
      if (after && !used.has(after) && !ownsNext && ctx.morph.parseToken(tokens[after.head]).some((p) => p.case === 'nomn' || p.case === m.case)) {
        addRole(e, after, tokens[m.first].start, tokens[after.end].end);
      }
    }
    // a title as the predicate: «Владимир Булавин назначен главой ФТС», «он стал президентом»
    const pred = predicateTitle(doc, ctx, m, byStart);
    if (pred && !used.has(pred)) addRole(e, pred, tokens[m.first].start, tokens[pred.end].end);
  }
  // a biography line without a subject: «С 1992 года — начальник управления…» is about the person the text is about
  const personSentences = new Set(mentions.filter((m) => m.type === 'person').map((m) => tokens[m.first].sentence));
  const firstMention = new Map<number, Mention>();
  for (const m of mentions) {
    if (m.kind === 'hashtag') continue;
    const s = tokens[m.first].sentence;
    const prev = firstMention.get(s);
    if (!prev || m.first < prev.first) firstMention.set(s, m);
  }
  for (const t of titles) {
    if (used.has(t)) continue;
    const dash = tokens[t.span.first - 1];
    const s = tokens[t.span.first].sentence;
    if (!dash || !/^[–—-]$/.test(dash.text) || dash.sentence !== s) continue;
    if (personSentences.has(s)) continue;
    let year = false;
    for (let i = doc.sentences[s].firstToken; i < t.span.first; i++) if (/^(1[89]|20)\d\d$/.test(tokens[i].text)) year = true;
    if (!year) continue;
    const subject = lastSubject(firstMention, s);
    const e = subject && entityById.get(subject.ref);
    if (e) addRole(e, t, tokens[t.span.first].start, tokens[t.end].end);
  }
  // lone titles: the person in this text who holds a matching role
  // holders indexed by rank, and by rank with organization or state, so each title looks at few candidates
  const holders = new Map<string, Set<Entity>>();
  const hold = (key: string, e: Entity) => { let set = holders.get(key); if (!set) holders.set(key, (set = new Set())); set.add(e); };
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const r of e.roles) {
      hold(r.rank, e);
      if (r.organization) hold(`${r.rank}|${r.organization}`, e);
      if (r.state) hold(`${r.rank}|${r.state}`, e);
      for (const k of roleKeys.get(r) ?? []) hold(`${r.rank}#${k}`, e);
    }
  }
  if (holders.size) for (const t of titles) {
    if (used.has(t)) continue;
    let candidates: ReadonlySet<Entity> | undefined;
    if (t.organization) candidates = holders.get(`${t.span.rank}|${t.organization}`);
    else if (t.state) candidates = holders.get(`${t.span.rank}|${t.state}`);
    else {
      const union = new Set<Entity>();
      for (const k of t.keys) { const hs = holders.get(`${t.span.rank}#${k}`); if (hs) for (const e of hs) union.add(e); }
      candidates = union;
    }
    const fits: Entity[] = [];
    for (const e of candidates ?? []) {
      if (e.roles.some((r) => compatible(t, r, roleKeys.get(r)))) fits.push(e);
      if (fits.length > 1) break;
    }
    if (fits.length !== 1) continue;
    mentions.push(mention({ first: t.span.first, last: t.end, type: 'person', kind: 'title', ref: fits[0].id, reason: 'coref:title' }));
    fits[0].mentions.push(mentions.length - 1);
  }
  for (const e of entities) {
    if (e.type === 'person' && !e.country) {
      const r = e.roles.find((x) => x.state) ?? e.roles.find((x) => x.organization && entityById.get(x.organization)?.country);
      e.country = r?.state ? r.state.slice(6) : r?.organization ? entityById.get(r.organization)!.country : null;
    }
  }
  // titles keep their genitive tails, so later stages know «Президента Палестины» belongs to a person's title
  return { ...doc, mentions, entities, titles: mapped(titles, (t) => ({ ...t.span, last: t.end })) };
}
