// Roles in English text: «President of Kazakhstan Kassym-Jomart Tokayev», «Maulen Ashimbayev,
// Chairman of the Senate», lists of titles before one name; a title with no name beside it
// («the Senate Speaker») stands for the one person of the text who holds it.
import { mention, type Doc, type Entity, type Mention, type Role } from '../doc.js';
import type { Context } from '../context.js';
import { englishKnowledge } from './knowledge.js';
import { skipHonorifics, titlePhrase, type TitlePhrase } from './titles.js';

/** Stage: roles of persons from title phrases, and lone titles as mentions of their holder. */
export function attachEnglishRoles(doc: Doc, ctx: Context): Doc {
  const { tokens } = doc;
  const en = englishKnowledge(ctx.knowledge);
  const honorifics = en.words.honorifics;
  const titleStarts = new Map(doc.titles.map((t) => [t.first, t]));
  const titleAt = (i: number) => titleStarts.get(i);
  const phrases: TitlePhrase[] = [];
  let reach = -1;
  for (const t of doc.titles) {
    if (t.first <= reach) continue; // a title inside another's phrase: «Adviser to the President of Palestine»
    const p = titlePhrase(doc, en, t, titleAt);
    phrases.push(p);
    reach = p.last;
  }
  const persons = new Map<number, Mention>();
  const personsEnding = new Map<number, Mention>();
  for (const m of doc.mentions) if (m.type === 'person' && m.kind !== 'hashtag') { persons.set(m.first, m); personsEnding.set(m.last, m); }
  const phraseAt = new Map(phrases.map((p) => [p.first, p]));
  const holderAfter = (p: TitlePhrase, depth = 0): Mention | undefined => {
    const next = skipHonorifics(tokens, p.last + 1, honorifics);
    const direct = persons.get(next);
    if (direct && tokens[next].sentence === tokens[p.first].sentence) return direct;
    // «the Supreme Judge of Palestine, Adviser to the President …, Dr. Mahmoud Sidki Al-Habbash»
    if (depth < 4 && (tokens[p.last + 1]?.text === ',' || tokens[p.last + 1]?.norm === 'and')) {
      let k = p.last + 2;
      if (tokens[k]?.norm === 'the') k++;
      const following = phraseAt.get(k);
      if (following) return holderAfter(following, depth + 1);
    }
    return undefined;
  };
  const entities: Entity[] = doc.entities.map((e) => ({ ...e, roles: [...e.roles], mentions: [...e.mentions] }));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const mentions = [...doc.mentions];
  const lone: TitlePhrase[] = [];
  for (const p of phrases) {
    // «Macron hosts Scholz»: a lowercase word between two names is a verb
    if (personsEnding.has(p.first - 1) && !tokens[p.title.first].cap) continue;
    let holder = holderAfter(p);
    let start = tokens[p.first].start;
    let end = holder ? tokens[holder.last].end : tokens[p.last].end;
    if (!holder) {
      // apposition: «Maulen Ashimbayev, Chairman of the Senate»
      const comma = tokens[p.first - 1]?.text === ',' ? p.first - 1 : tokens[p.first - 1]?.norm === 'the' && tokens[p.first - 2]?.text === ',' ? p.first - 2 : -1;
      const before = comma > 0 ? personsEnding.get(comma - 1) : undefined;
      if (before && tokens[before.first].sentence === tokens[p.first].sentence) { holder = before; start = tokens[before.first].start; }
    }
    const e = holder && byId.get(holder.ref);
    if (!e) { lone.push(p); continue; }
    const titleFirst = tokens[p.first].norm === 'the' ? p.first + 1 : p.first;
    const title = doc.text.slice(tokens[titleFirst].start, tokens[p.last].end);
    const organization = p.organization ?? knownBody(ctx, e, tokens.slice(p.first, p.last + 1).map((t) => t.norm));
    const country = organization ? byId.get(organization)?.country ?? ctx.knowledge.byId.get(organization)?.country : null;
    const state = p.state ?? (country ? `state:${country}` : null);
    if (e.roles.some((r) => r.title === title && r.state === state)) continue;
    const role: Role = { title, organization, state, start, end, rank: p.title.rank };
    e.roles.push(role);
  }
  // holders by rank with their body or state, so a lone title looks at few candidates
  const holders = new Map<string, Set<Entity>>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const r of e.roles) for (const k of [r.organization, r.state]) if (k) {
      const key = `${r.rank}|${k}`;
      holders.set(key, (holders.get(key) ?? new Set()).add(e));
    }
  }
  for (const p of lone) {
    const key = p.organization ?? p.state;
    const fits = key ? [...(holders.get(`${p.title.rank}|${key}`) ?? [])] : [];
    if (fits.length !== 1) continue;
    const first = tokens[p.first].norm === 'the' ? p.first + 1 : p.first;
    mentions.push(mention({ first, last: p.last, type: 'person', kind: 'title', ref: fits[0].id, reason: 'coref:title' }));
    fits[0].mentions.push(mentions.length - 1);
  }
  for (const e of entities) {
    if (e.type !== 'person' || e.country) continue;
    const r = e.roles.find((x) => x.state);
    if (r?.state) e.country = r.state.slice('state:'.length);
  }
  return { ...doc, mentions, entities, titles: phrases.map((p) => ({ ...p.title, first: p.first, last: p.last })) };
}

/** A body of the person's dictionary roles whose English head word the title contains: «Senate Chairman» → the Senate. */
function knownBody(ctx: Context, e: Entity, words: string[]): string | null {
  const entry = e.dictionaryId ? ctx.knowledge.byId.get(e.dictionaryId) : undefined;
  if (entry?.type !== 'person') return null;
  for (const r of entry.roles ?? []) {
    const body = r.organization ? ctx.knowledge.byId.get(r.organization) : undefined;
    const heads = (body?.english ?? []).map((n) => n.split(/\s+/)[0].toLowerCase()).filter((h) => h.length > 3);
    if (heads.some((h) => words.includes(h))) return r.organization!;
  }
  return null;
}
