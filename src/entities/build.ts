// Mentions grouped into entities: one entity per real-world referent in the document, with a
// stable id, a normalized nominative name and its mentions.
import { entity, mapped, mention, type Doc, type Entity, type Mention } from '../doc.js';
import type { Context } from '../context.js';
import type { EntityEntry } from '../dictionary/schema.js';
import { entryKeys, textKeys } from '../gazetteer/endings.js';
import { foldCase } from '../segment/tokenize.js';
import { remembered } from '../detached.js';
import { startsLike, startsOf } from '../morph/lemma-starts.js';
import { slug } from './translit.js';
import { scratchBytes } from '../scratch.js';

interface Parts { first: string | null; middle: string | null; last: string | null }

const isInitial = (s: string | null) => !!s && /^\p{Lu}\.$/u.test(s);
const PATRONYMIC_END = /(ович|евич|ьич|овна|евна|ична|инична)$/;

// Two words are the same word when one is the other in some case: either may be the nominative
// («Сноудене» ~ «Сноуден» and «Сноуден» ~ «Сноудене»). In keys: a word's keys as stored meet the other's keys
// as looked up when they are the same folded word, or a text key of one is an entry key of the other.
// Names come back within a document and from one document to the next: each folded word's keys are kept.
const storedSets = new Map<string, ReadonlySet<string>>();
const lookupLists = new Map<string, readonly string[]>();
const WORD_KEYS_LIMIT = 10_000;
const storedKeys = (w: string) => remembered(storedSets, WORD_KEYS_LIMIT, w, (x) =>
  new Set(['=' + x, ...mapped(entryKeys(x), (k) => 'e' + k), ...mapped(textKeys(x), (k) => 't' + k)]));
const lookupKeys = (w: string) => remembered(lookupLists, WORD_KEYS_LIMIT, w, (x) =>
  ['=' + x, ...mapped(textKeys(x), (k) => 'e' + k), ...mapped(entryKeys(x), (k) => 't' + k)]);

function sameWord(a: string, b: string): boolean {
  const x = foldCase(a);
  const y = foldCase(b);
  if (x === y) return true;
  const stored = storedKeys(x);
  return lookupKeys(y).some((k) => stored.has(k));
}

function firstCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  if (isInitial(a) || isInitial(b)) return foldCase(a)[0] === foldCase(b)[0];
  return sameWord(a.split(/[\s-]/)[0], b.split(/[\s-]/)[0]);
}

function personCompatible(a: Parts, b: Parts): boolean {
  if (a.last && b.last) return sameWord(a.last, b.last) && firstCompatible(a.first, b.first);
  if (!a.last && !b.last) return !!a.first && !!b.first && sameWord(a.first, b.first) && !a.middle === !b.middle;
  // one side is a first name alone: same first name
  const lone = a.last ? b : a;
  const full = a.last ? a : b;
  // «Альберт II» is not «Альберт Эйнштейн»
  return !!lone.first && !!full.first && !lone.middle && !isInitial(lone.first) && sameWord(lone.first, full.first);
}

function personName(p: Parts): string {
  const middle = p.middle && !PATRONYMIC_END.test(foldCase(p.middle)) && !isInitial(p.middle) ? p.middle : null;
  return [isInitial(p.first) ? null : p.first, middle, p.last].filter(Boolean).join(' ') || [p.first, p.middle, p.last].filter(Boolean).join(' ');
}

/** «В. В. Путин»: initials and surname that fit exactly one dictionary person. */
function initialsMatch(ctx: Context, p: Parts): EntityEntry | undefined {
  if (!p.last || !isInitial(p.first)) return undefined;
  const fits = (ctx.knowledge.personsBySurname.get(foldCase(p.last)) ?? []).filter((e) => e.type === 'person' &&
    foldCase(e.nameParts.first ?? '')[0] === foldCase(p.first!)[0] && (!isInitial(p.middle) || foldCase(e.nameParts.middle ?? '')[0] === foldCase(p.middle!)[0]));
  return fits.length === 1 ? fits[0] : undefined;
}

interface Group { entity: Entity; parts?: Parts; entry?: EntityEntry; order: number }

/** The first organization of several words (in group order) whose first word is `word` as sameWord() has it.
 * An index of the first words' keys: comparing each bare word with every body was quadratic in a long text. */
function fullBodiesByFirstWord(groups: readonly Group[]): (word: string) => Group | undefined {
  const byKey = new Map<string, Group[]>();
  for (const h of groups) {
    if (h.entity.type !== 'organization' || !/\s/.test(h.entity.name)) continue;
    for (const k of storedKeys(foldCase(h.entity.name.split(/\s/)[0]))) {
      const list = byKey.get(k);
      if (list) list.push(h);
      else byKey.set(k, [h]);
    }
  }
  return (word) => {
    let best: Group | undefined;
    for (const k of lookupKeys(foldCase(word))) for (const h of byKey.get(k) ?? []) if (!best || h.order < best.order) best = h;
    return best;
  };
}

/** Inflection changes the end of a name, not its first letters: persons to compare are looked up by them. */
function bucketsOf(p: Parts): string[] {
  const out: string[] = [];
  if (p.last) out.push('l:' + foldCase(p.last).slice(0, 3));
  if (p.first && !isInitial(p.first)) out.push('f:' + foldCase(p.first).slice(0, 3));
  return out;
}

const NO_GROUPS: readonly Group[] = [];

/** The first group of two buckets, in the order the groups were met, that fits: a bucket lists its groups
 * in that order, and a group may be in both. */
export function firstMet(a: readonly Group[], b: readonly Group[], fits: (g: Group) => boolean): Group | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let g: Group;
    if (j >= b.length || (i < a.length && a[i].order <= b[j].order)) {
      g = a[i++];
      if (j < b.length && b[j] === g) j++;
    } else g = b[j++];
    if (fits(g)) return g;
  }
  return undefined;
}

function fromEntry(e: EntityEntry): Entity {
  const base = entity({
    id: e.id, type: e.type, name: e.name, mentions: [], dictionaryId: e.id,
    country: e.type === 'state' ? e.iso2 : e.country ?? null, roles: [],
  });
  if (e.type === 'person') { base.nameParts = { ...e.nameParts }; base.gender = e.gender; }
  if (e.type === 'state') base.iso2 = e.iso2;
  if (e.type === 'organization') { base.kind = e.kind; if (e.abbreviations?.length) base.abbreviation = e.abbreviations[0]; }
  if (e.type === 'location') base.kind = e.kind;
  return base;
}

/** Stage: entities from mentions, persons merged by name parts, surnames found again by coreference. */
export function buildEntities(doc: Doc, ctx: Context): Doc {
  const mentions: Mention[] = mapped(doc.mentions, mention);
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const persons: Group[] = [];
  const byBucket = new Map<string, Group[]>();

  const bucket = (b: string | undefined) => (b === undefined ? undefined : byBucket.get(b)) ?? NO_GROUPS;
  const addTo = (g: Group, i: number) => { g.entity.mentions.push(i); mentions[i].ref = g.entity.id; };
  const personGroupFor = (parts: Parts, entry?: EntityEntry): Group => {
    // candidates share the first letters of the surname or of the given name, in the order they were met
    const buckets = bucketsOf(parts);
    const hit = firstMet(bucket(buckets[0]), bucket(buckets[1]), (g) => !!g.parts && personCompatible(g.parts, parts) && (!entry || !g.entry || g.entry === entry));
    if (hit) {
      // the fuller name wins as the entity's name, unless a dictionary entry fixed it
      if (!hit.entry && hit.parts) {
        // a surname read next to a given name is better normalized than a bare one («Лужкова» alone may be a genitive)
        const better = !!parts.first && !hit.parts.first;
        const merged: Parts = {
          first: hit.parts.first && !isInitial(hit.parts.first) ? hit.parts.first : parts.first ?? hit.parts.first,
          middle: hit.parts.middle ?? parts.middle,
          last: better ? parts.last ?? hit.parts.last : hit.parts.last ?? parts.last,
        };
        hit.parts = merged;
        hit.entity.nameParts = merged;
        hit.entity.name = personName(merged);
      }
      return hit;
    }
    const e = entry ? fromEntry(entry) : entity({
      id: '', type: 'person', name: personName(parts), mentions: [], dictionaryId: null, country: null, roles: [],
      nameParts: { ...parts }, gender: null,
    });
    const g: Group = { entity: e, parts: { ...parts }, entry, order: persons.length };
    persons.push(g);
    for (const b of buckets) {
      const list = byBucket.get(b);
      if (list) list.push(g);
      else byBucket.set(b, [g]);
    }
    groups.push(g);
    return g;
  };

  // dictionary persons first, so discovered mentions of them join their entry
  mentions.forEach((m, i) => {
    if (m.type !== 'person' || !m.ref) return;
    const entry = ctx.knowledge.byId.get(m.ref);
    if (entry?.type !== 'person') return;
    addTo(personGroupFor(entry.nameParts, entry), i);
  });
  mentions.forEach((m, i) => {
    if (m.type === 'person') {
      if (!m.ref && m.person) {
        const g = personGroupFor(m.person, initialsMatch(ctx, m.person));
        if (!g.entity.gender && m.person.gender) g.entity.gender = m.person.gender;
        addTo(g, i);
      }
      return;
    }
    // the same name with different countries is two bodies: «японского МИДа», «российского МИДа»
    const key = m.ref || `${m.type}:${foldCase(m.name ?? '')}:${m.country ?? ''}`;
    let g = byKey.get(key);
    if (!g) {
      const entry = m.ref ? ctx.knowledge.byId.get(m.ref) : undefined;
      const e = entry ? fromEntry(entry) : entity({
        id: '', type: m.type, name: m.name ?? '', mentions: [], dictionaryId: null, country: m.country ?? null, roles: [],
        kind: m.kindHint || undefined,
      });
      g = { entity: e, entry, order: groups.length };
      byKey.set(key, g);
      groups.push(g);
    }
    addTo(g, i);
  });

  // a bare head word names the body the text already named in full: «Сенат» → «Сенат Парламента»
  const bodyNamedBy = fullBodiesByFirstWord(groups);
  for (const g of [...groups]) {
    const e = g.entity;
    if (e.type !== 'organization' || g.entry || /\s/.test(e.name)) continue;
    const full = bodyNamedBy(e.name);
    const weak = e.mentions.every((i) => mentions[i].reason === 'names:institution-weak');
    if (!full && weak) { groups.splice(groups.indexOf(g), 1); continue; }
    if (!full) continue;
    for (const i of e.mentions) { full.entity.mentions.push(i); mentions[i].ref = full.entity.id; }
    groups.splice(groups.indexOf(g), 1);
  }

  // ids for discovered entities: stable slugs, numbered only on a clash within the document
  const used = new Set(groups.filter((g) => g.entity.id).map((g) => g.entity.id));
  for (const g of groups) {
    if (g.entity.id) continue;
    const e = g.entity;
    const prefix = e.type === 'person' ? 'person' : e.type === 'organization' ? 'org' : e.type === 'location' ? 'loc' : 'state';
    const base = e.type === 'person' && g.parts
      ? `${prefix}:${slug(g.parts.last ? [g.parts.last, isInitial(g.parts.first) ? null : g.parts.first].filter(Boolean).join(' ') : e.name)}`
      : `${prefix}:${slug(e.name)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    e.id = id;
    for (const i of e.mentions) mentions[i].ref = id;
  }

  // coreference by surname: «Ашимбаев», «#Ашимбаев», «Трампа» after the full name
  const taken = scratchBytes(doc.tokens.length);
  for (const m of mentions) for (let i = m.first; i <= m.last; i++) taken[i] = 1;
  const surnameKeys = new Map<string, Group | null>();
  const surnames: string[] = [];
  for (const g of persons) {
    const last = g.parts?.last;
    if (!last || isInitial(last)) continue;
    const folded = foldCase(last);
    surnames.push(folded);
    for (const k of entryKeys(folded)) surnameKeys.set(k, surnameKeys.has(k) && surnameKeys.get(k) !== g ? null : g);
  }
  // a word whose keys meet a surname's starts like it: stems keep at least their first three letters (MIN_STEM in
  // endings.ts), and a shorter surname meets only itself; most capitalized words need no keys
  const surnameStarts = startsOf(surnames);
  if (surnameKeys.size) doc.tokens.forEach((t, i) => {
    const capital = t.kind === 'hashtag' ? /^#\p{Lu}/u.test(t.text) : t.cap;
    if (taken[i] || !capital) return;
    const body = t.kind === 'hashtag' ? foldCase(t.text.slice(1)) : t.kind === 'word' ? t.norm : null;
    if (!body || !startsLike(surnameStarts, body)) return;
    let g: Group | null | undefined;
    for (const k of textKeys(body)) if ((g = surnameKeys.get(k)) !== undefined) break;
    if (!g) return;
    mentions.push(mention({ first: i, last: i, type: 'person', kind: t.kind === 'hashtag' ? 'hashtag' : 'name', ref: g.entity.id, reason: 'coref:surname' }));
    g.entity.mentions.push(mentions.length - 1);
  });

  return { ...doc, mentions, entities: mapped(groups, (g) => g.entity) };
}
