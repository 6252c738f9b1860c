// Loaded dictionaries compiled into the lookup tables the stages use. Built once per extractor.
import type { MentionKind } from '../doc.js';
import { addPhrase, emptyTable, type PhraseTable } from '../gazetteer/compile.js';
import { foldCase } from '../segment/tokenize.js';
import type { DictionarySet } from './load.js';
import type { EntityEntry, PositionEntry, TopicCategory } from './schema.js';
import type { Triggers } from './triggers-schema.js';

export interface Knowledge {
  entries: EntityEntry[];
  byId: Map<string, EntityEntry>;
  /** Phrase → entry index. */
  entities: PhraseTable<number>;
  positions: PositionEntry[];
  /** Phrase → position index. */
  titles: PhraseTable<number>;
  topics: TopicCategory[];
  /** Phrase → topic category index. */
  topicTerms: PhraseTable<number>;
  triggers: Triggers;
  /** Lowercased word sets of the trigger lists, for O(1) checks. */
  cues: Record<Exclude<keyof Triggers, '$schema' | 'description' | 'source' | 'meetingNouns' | 'formatCues' | 'modalityCues' | 'organizationHeads' | 'occasionMarkers'>, Set<string>>;
  /** Multiword cues as phrase tables: meeting nouns (→ index), topic cues, occasion markers, format and modality cues. */
  phrases: {
    meetingNouns: PhraseTable<number>;
    topicCues: PhraseTable<number>;
    occasionMarkers: PhraseTable<number>;
    formatCues: PhraseTable<number>;
    modalityCues: PhraseTable<number>;
  };
  /** States by ISO code. */
  stateByIso: Map<string, EntityEntry>;
  /** Dictionary persons by folded surname, to recognise «В. В. Путин». */
  personsBySurname: Map<string, EntityEntry[]>;
}

/** Among equally long matches a state beats a city of the same name («Алжир»), an organization beats a venue («Кремль»). */
const TYPE_PRIORITY = { state: 0, organization: 1, person: 2, location: 3 } as const;

function entityPhrases(e: EntityEntry, push: (phrase: string, kind: MentionKind, opts?: { exact?: boolean; priority?: number }) => void): void {
  push(e.name, 'name');
  if (e.type === 'state' && e.official) push(e.official, 'alias');
  for (const a of e.aliases ?? []) push(a, 'alias');
  for (const a of e.abbreviations ?? []) push(a, 'abbreviation', { exact: true });
  if (e.type !== 'person') for (const a of e.adjectives ?? []) push(a, 'adjective');
  if (e.type === 'state') for (const a of e.demonyms ?? []) push(a, 'adjective');
}

export function compileKnowledge(set: DictionarySet): Knowledge {
  if (!set.triggers) throw new Error('no trigger dictionary (dictionaries/language.json) loaded');
  // Later definitions of an id replace earlier ones: user dictionaries override built-in entries.
  const byId = new Map<string, EntityEntry>();
  for (const e of set.entities) byId.set(e.id, e);
  const entries = [...byId.values()];
  const entities = emptyTable<number>();
  const surnames = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const priority = TYPE_PRIORITY[e.type];
    entityPhrases(e, (phrase, kind, opts) => addPhrase(entities, phrase, i, kind, { ambiguous: e.ambiguous, priority, ...opts }));
    if (e.type === 'person' && e.nameParts.last) {
      const k = foldCase(e.nameParts.last);
      surnames.set(k, [...(surnames.get(k) ?? []), i]);
    }
  });
  // A bare surname names a dictionary person only when no other dictionary person shares it.
  for (const [, idx] of surnames) {
    if (idx.length !== 1) continue;
    const e = entries[idx[0]];
    if (e.type === 'person' && e.nameParts.last) addPhrase(entities, e.nameParts.last, idx[0], 'name', { priority: TYPE_PRIORITY.person + 0.5 });
  }
  const titles = emptyTable<number>();
  set.positions.forEach((p, i) => {
    for (const t of [p.title, p.feminine, ...(p.aliases ?? [])]) if (t) addPhrase(titles, t, i, 'title');
  });
  const topicTerms = emptyTable<number>();
  set.topics.forEach((c, i) => {
    for (const t of c.terms) addPhrase(topicTerms, /^[\p{Lu}\d]+$/u.test(t) ? t : t.toLowerCase(), i, 'name', { exact: /^[\p{Lu}\d]+$/u.test(t) });
  });
  const tr = set.triggers;
  const toSet = (xs: string[]) => new Set(xs.map(foldCase));
  const stateByIso = new Map<string, EntityEntry>();
  for (const e of entries) if (e.type === 'state') stateByIso.set(e.iso2, e);
  const table = (items: string[]) => {
    const t = emptyTable<number>();
    items.forEach((w, i) => addPhrase(t, w.toLowerCase(), i, 'name'));
    return t;
  };
  const phrases = {
    meetingNouns: table(tr.meetingNouns.map((n) => n.word)),
    topicCues: table(tr.topicCues),
    occasionMarkers: table(tr.occasionMarkers),
    formatCues: table(tr.formatCues.map((c) => c.word)),
    modalityCues: table(tr.modalityCues.map((c) => c.word)),
  };
  return {
    phrases,
    personsBySurname: new Map([...surnames].map(([k, idx]) => [k, idx.map((i) => entries[i])])),
    entries, byId, entities, positions: set.positions, titles, topics: set.topics, topicTerms, triggers: tr, stateByIso,
    cues: {
      meetingVerbs: toSet(tr.meetingVerbs),
      receptionVerbs: toSet(tr.receptionVerbs),
      topicCues: toSet(tr.topicCues),
      speechVerbs: toSet(tr.speechVerbs),
      publisherVerbs: toSet(tr.publisherVerbs),
      partyWords: toSet(tr.partyWords),
      sentenceAbbreviations: toSet(tr.sentenceAbbreviations),
      placePrepositions: toSet(tr.placePrepositions),
      placeHeads: toSet(tr.placeHeads),
      honorifics: toSet(tr.honorifics),
      roleVerbs: toSet(tr.roleVerbs),
      topicFillers: toSet(tr.topicFillers),
      occasionNouns: toSet(tr.occasionNouns),
      pastMarkers: toSet(tr.pastMarkers),
      demonstratives: toSet(tr.demonstratives),
      genericParticipants: toSet(tr.genericParticipants),
      dativeMeetingVerbs: toSet(tr.dativeMeetingVerbs),
      teamWords: toSet(tr.teamWords),
      delegationWords: toSet(tr.delegationWords),
      relationshipCues: toSet(tr.relationshipCues),
      recalledMeetingVerbs: toSet(tr.recalledMeetingVerbs),
      notOrganizations: new Set(tr.notOrganizations),
      latinOrganizationWords: toSet(tr.latinOrganizationWords),
    },
  };
}
