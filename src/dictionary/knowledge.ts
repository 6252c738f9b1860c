// Loaded dictionaries compiled into the lookup tables the stages use. Built once per extractor.
import type { MentionKind } from '../doc.js';
import { addPhrase, emptyTable, type PhraseTable } from '../gazetteer/compile.js';
import { foldCase } from '../segment/tokenize.js';
import { interned } from '../interned.js';
import type { DictionarySet } from './load.js';
import type { EntityEntry, PositionEntry, TopicCategory } from './schema.js';
import type { Triggers } from './triggers-schema.js';
import type { EnglishCues } from './english-schema.js';

/** Trigger lists that are plain word lists, as sets of folded words. */
type WordListKey = { [K in keyof Triggers]-?: Triggers[K] extends string[] ? K : never }[keyof Triggers];

/** The phrase tables: the costly part of compiling, shipped prebuilt for the built-in dictionaries. */
export interface Tables {
  entities: PhraseTable<number>;
  titles: PhraseTable<number>;
  topicTerms: PhraseTable<number>;
  phrases: {
    meetingNouns: PhraseTable<number>;
    topicCues: PhraseTable<number>;
    occasionMarkers: PhraseTable<number>;
    formatCues: PhraseTable<number>;
    modalityCues: PhraseTable<number>;
  };
}

export interface Knowledge extends Tables {
  /** Entity entries, index = the value of entity phrases. */
  entries: EntityEntry[];
  byId: Map<string, EntityEntry>;
  positions: PositionEntry[];
  topics: TopicCategory[];
  triggers: Triggers;
  /** Cue words of the English pipeline, when dictionaries/english.json is loaded. */
  english: EnglishCues | null;
  /** The word lists of the triggers as sets of folded words, for O(1) checks. */
  cues: Record<WordListKey, Set<string>>;
  /** Head nouns of bodies («министерство», «суд») with the kind of body they name. A Map, not the JSON object:
   * a word such as «constructor» found a property of every plain object there. */
  organizationHeads: Map<string, string>;
  /** Dictionary persons by folded surname, to recognise «В. В. Путин». */
  personsBySurname: Map<string, EntityEntry[]>;
  /** Location ids that are the capital of a state. */
  capitals: Set<string>;
  /** Every key some phrase word is stored under (a token's other keys can never match, so they are dropped
   * early), with the bits of the tables that file a phrase under it (see keyTables). */
  keyUniverse: Map<string, number>;
  /** Every dictionary form of the lemmas among the keys, one per line, computed at build time (null for
   * dictionaries compiled at load, which take a cheaper, looser filter): only these words need their lemmas. */
  lemmaForms: string | null;
}

/** The phrase tables a token is matched against, in the order of their bits (PhraseTable.bit). */
export function maskedTableList(tables: Tables): PhraseTable<number>[] {
  return [tables.entities, tables.titles, tables.topicTerms, ...Object.values(tables.phrases)];
}

/** Every key some phrase word is stored under, with the bits (in maskedTableList order) of the tables
 * that file a phrase under it as its first word's key (0 for a key of later words only). */
export function keyTables(tables: Tables): Map<string, number> {
  const out = new Map<string, number>();
  maskedTableList(tables).forEach((t, bit) => {
    for (const [key, list] of t.byKey) {
      if (!list) continue;
      out.set(key, (out.get(key) ?? 0) | (1 << bit));
      for (const p of list) {
        for (const w of p.words) {
          for (const k of w.keys ?? (w.exact !== null ? ['x:' + w.exact] : [])) if (!out.has(k)) out.set(k, 0);
        }
      }
    }
  });
  return out;
}

/** Among equally long matches a state beats a city of the same name («Алжир»), an organization beats a venue («Кремль»). */
export const TYPE_PRIORITY = { state: 0, organization: 1, person: 2, location: 3 } as const;

function entityPhrases(e: EntityEntry, push: (phrase: string, kind: MentionKind, opts?: { exact?: boolean; priority?: number }) => void): void {
  push(e.name, 'name');
  if (e.type === 'state' && e.official) push(e.official, 'alias');
  for (const a of e.aliases ?? []) push(a, 'alias');
  for (const a of e.abbreviations ?? []) push(a, 'abbreviation', { exact: true });
  if (e.type !== 'person') for (const a of e.adjectives ?? []) push(a, 'adjective');
  if (e.type === 'state') for (const a of e.demonyms ?? []) push(a, 'adjective');
}

/** Entries after overrides: a later definition of an id replaces an earlier one (user over built-in). */
function uniqueEntries(set: DictionarySet): EntityEntry[] {
  const byId = new Map<string, EntityEntry>();
  for (const e of set.entities) byId.set(e.id, e);
  return [...byId.values()];
}

function surnameIndex(entries: EntityEntry[]): Map<string, number[]> {
  const surnames = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.type === 'person' && e.nameParts.last) {
      const k = foldCase(e.nameParts.last);
      surnames.set(k, [...(surnames.get(k) ?? []), i]);
    }
  });
  return surnames;
}

export function compileTables(set: DictionarySet): Tables {
  if (!set.triggers) throw new Error('no trigger dictionary (dictionaries/language.json) loaded');
  const entries = uniqueEntries(set);
  const entities = emptyTable<number>();
  entries.forEach((e, i) => {
    const priority = TYPE_PRIORITY[e.type];
    entityPhrases(e, (phrase, kind, opts) => addPhrase(entities, phrase, i, kind, { ambiguous: e.ambiguous, priority, ...opts }));
  });
  // A bare surname names a dictionary person only when no other dictionary person shares it.
  for (const [, idx] of surnameIndex(entries)) {
    const e = entries[idx[0]];
    if (idx.length === 1 && e.type === 'person' && e.nameParts.last) addPhrase(entities, e.nameParts.last, idx[0], 'name', { priority: TYPE_PRIORITY.person + 0.5 });
  }
  const titles = emptyTable<number>();
  set.positions.forEach((p, i) => {
    for (const t of [p.title, p.feminine, ...(p.aliases ?? [])]) if (t) addPhrase(titles, t, i, 'title');
  });
  const topicTerms = emptyTable<number>();
  set.topics.forEach((c, i) => {
    for (const t of c.terms) {
      const exact = /^[\p{Lu}\d]+$/u.test(t);
      addPhrase(topicTerms, exact ? t : t.toLowerCase(), i, 'name', { exact });
    }
  });
  const tr = set.triggers;
  const table = (items: string[]) => {
    const t = emptyTable<number>();
    items.forEach((w, i) => addPhrase(t, w.toLowerCase(), i, 'name'));
    return t;
  };
  return {
    entities, titles, topicTerms,
    phrases: {
      meetingNouns: table(tr.meetingNouns.map((n) => n.word)),
      topicCues: table(tr.topicCues),
      occasionMarkers: table(tr.occasionMarkers),
      formatCues: table(tr.formatCues.map((c) => c.word)),
      modalityCues: table(tr.modalityCues.map((c) => c.word)),
    },
  };
}

/** Knowledge from a dictionary set and its tables (compiled now, or prebuilt at build time). */
export function assembleKnowledge(set: DictionarySet, tables: Tables, universe?: Map<string, number>, lemmaForms: string | null = null): Knowledge {
  if (!set.triggers) throw new Error('no trigger dictionary (dictionaries/language.json) loaded');
  const entries = uniqueEntries(set);
  // values the stages compare with constants or with each other, as internalized strings (see interned.ts)
  for (const e of entries) (e as { type: string }).type = interned(e.type);
  for (const p of set.positions) (p as { rank: string }).rank = interned(p.rank);
  const tr = set.triggers;
  const cues = {} as Record<WordListKey, Set<string>>;
  for (const [key, value] of Object.entries(tr)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) cues[key as WordListKey] = new Set((value as string[]).map(foldCase));
  }
  assignBits(tables);
  return {
    ...tables,
    entries, byId: new Map(entries.map((e) => [e.id, e])), positions: set.positions, topics: set.topics, triggers: tr, english: set.english, cues,
    organizationHeads: new Map(Object.entries(tr.organizationHeads)),
    personsBySurname: new Map([...surnameIndex(entries)].map(([k, idx]) => [k, idx.map((i) => entries[i])])),
    capitals: new Set(entries.flatMap((e) => (e.type === 'state' && e.capital ? [e.capital] : []))),
    keyUniverse: universe ?? keyTables(tables),
    lemmaForms,
  };
}

/** Gives each phrase table its bit in the masks the segmenter records per token. */
function assignBits(tables: Tables): void {
  const list = maskedTableList(tables);
  if (list.length > 8) throw new Error('token masks hold 8 tables');
  list.forEach((t, i) => { t.bit = i; });
}

export function compileKnowledge(set: DictionarySet): Knowledge {
  return assembleKnowledge(set, compileTables(set));
}
