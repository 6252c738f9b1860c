// The built-in knowledge seen through its English names: phrase tables built on the first English
// document (Russian-only runs never pay for them) from the same entries, so ids are shared.
import type { Doc, MentionKind, Token } from '../doc.js';
import { TYPE_PRIORITY, type Knowledge } from '../dictionary/knowledge.js';
import type { EnglishCues } from '../dictionary/english-schema.js';
import { emptyTable, insertPhrase, type PhraseTable, type WordPattern } from '../gazetteer/compile.js';
import { matchesAt } from '../gazetteer/match.js';
import { tokenizeEnglish } from './tokenize.js';

type CueList = { [K in keyof EnglishCues]-?: EnglishCues[K] extends string[] ? K : never }[keyof EnglishCues];

export interface EnglishKnowledge {
  cues: EnglishCues;
  /** Entity phrases; values index Knowledge.entries. */
  entities: PhraseTable<number>;
  /** Position titles; values index Knowledge.positions. */
  titles: PhraseTable<number>;
  /** Topic terms; values index Knowledge.topics. */
  topicTerms: PhraseTable<number>;
  /** Each cue list as a table; values index the list. */
  lists: Record<CueList, PhraseTable<number>>;
  /** Each cue list as a set of lowercase words, for single-token checks. */
  words: Record<CueList, Set<string>>;
  meetingNouns: PhraseTable<number>;
  formatCues: PhraseTable<number>;
  modalityCues: PhraseTable<number>;
  /** Organization head nouns with their kind. */
  organizationHeads: Map<string, string>;
}

/** The key every English word is looked up by: lowercase, with a typographic apostrophe made plain. */
function englishKey(norm: string): string {
  return 'e:' + norm.replace(/’/g, "'");
}

/** Keys of a text token: its own form, its exact text, and the singular of a plural («Presidents», «talks» keeps
 * «talks» too). The order matters: the first two are the word as written. */
export function englishTokenKeys(t: Token): string[] {
  if (t.kind !== 'word') return ['x:' + t.text];
  const k = englishKey(t.norm);
  const keys = [k, 'x:' + t.text];
  const singular = /ies$/.test(t.norm) ? t.norm.slice(0, -3) + 'y' : /[^s]s$/.test(t.norm) && t.norm.length > 3 ? t.norm.slice(0, -1) : null;
  if (singular) keys.push(englishKey(singular));
  return keys;
}

/** Adds an English phrase: words in capitals («UN», «CICA») and punctuation match exactly, other words in any letter case;
 * a capitalized dictionary word must be capitalized in the text as well. */
function addEnglish(table: PhraseTable<number>, phrase: string, value: number, kind: MentionKind, priority = 0, ambiguous = false): void {
  const toks = tokenizeEnglish(phrase);
  if (!toks.length) return;
  const words: WordPattern[] = toks.map((t) => (t.kind === 'word' && !t.upper
    ? { keys: [englishKey(t.norm)], norm: t.norm, exact: null, cap: t.cap, ids: null }
    : { keys: null, norm: null, exact: t.text, cap: false, ids: null }));
  insertPhrase(table, { words, value, kind, ambiguous, priority });
}

function build(k: Knowledge, cues: EnglishCues): EnglishKnowledge {
  const entities = emptyTable<number>();
  const surnames = new Map<string, number[]>();
  k.entries.forEach((e, i) => {
    const priority = TYPE_PRIORITY[e.type];
    for (const name of e.english ?? []) {
      const abbreviation = !/\s/.test(name) && /^[\p{Lu}\d.&-]+$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name);
      addEnglish(entities, name, i, abbreviation ? 'abbreviation' : 'name', priority, e.ambiguous);
      const words = name.split(/\s+/);
      // «Patriarch Kirill of Moscow» ends in a city, not a surname
      if (e.type === 'person' && words.length > 1 && !/\b(of|the)\b/i.test(name)) {
        const last = words[words.length - 1].toLowerCase();
        surnames.set(last, [...new Set([...(surnames.get(last) ?? []), i])]);
      }
    }
    if (e.type === 'state') for (const a of e.englishAdjectives ?? []) addEnglish(entities, a, i, 'adjective', priority);
  });
  // a bare surname names a dictionary person only when no other one bears it
  for (const [last, idx] of surnames) if (idx.length === 1) addEnglish(entities, last[0].toUpperCase() + last.slice(1), idx[0], 'name', TYPE_PRIORITY.person + 0.5);
  const titles = emptyTable<number>();
  k.positions.forEach((p, i) => { for (const t of p.english ?? []) addEnglish(titles, t.toLowerCase(), i, 'title'); });
  const topicTerms = emptyTable<number>();
  k.topics.forEach((c, i) => { for (const t of c.english ?? []) addEnglish(topicTerms, /^[\p{Lu}\d]+$/u.test(t) ? t : t.toLowerCase(), i, 'name'); });
  const table = (items: string[]) => {
    const t = emptyTable<number>();
    items.forEach((w, i) => addEnglish(t, w.toLowerCase(), i, 'name'));
    return t;
  };
  const lists = {} as Record<CueList, PhraseTable<number>>;
  const words = {} as Record<CueList, Set<string>>;
  for (const [key, value] of Object.entries(cues)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) continue;
    lists[key as CueList] = table(value as string[]);
    words[key as CueList] = new Set((value as string[]).map((w) => w.toLowerCase()));
  }
  return {
    cues, entities, titles, topicTerms, lists, words,
    meetingNouns: table(cues.meetingNouns.map((n) => n.word)),
    formatCues: table(cues.formatCues.map((c) => c.word)),
    modalityCues: table(cues.modalityCues.map((c) => c.word)),
    organizationHeads: new Map(Object.entries(cues.organizationHeads)),
  };
}

const cache = new WeakMap<Knowledge, EnglishKnowledge>();

/** The English tables of this knowledge, built once. */
export function englishKnowledge(k: Knowledge): EnglishKnowledge {
  let e = cache.get(k);
  if (!e) {
    if (!k.english) throw new Error('no English cue dictionary (dictionaries/english.json) loaded');
    e = build(k, k.english);
    cache.set(k, e);
  }
  return e;
}

/** The longest cue of a table that starts at token i, if any. */
export function cueAt(table: PhraseTable<number>, doc: Doc, i: number) {
  return matchesAt(table, doc.tokens, doc.keys, i)[0];
}
