// The plain data every stage shares. A Doc is JSON-serialisable; higher layers point at
// lower ones by index (token i, mention j), and every offset is into Doc.text as read.

export type TokenKind = 'word' | 'number' | 'punct' | 'hashtag' | 'domain' | 'initial' | 'abbr';

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** Lowercase, ё folded to е: the form every lookup uses. */
  norm: string;
  /** First letter is a capital. */
  cap: boolean;
  /** Two or more letters, all capitals («ООН», «МИД»). */
  upper: boolean;
  /** Whitespace precedes the token (false for «VI-го»'s parts, for punctuation glued to a word). */
  spaceBefore: boolean;
  sentence: number;
  /** Set by the segmenter: what is known of the token's form, shared by all its tokens. */
  form?: WordForm;
}

/** A word form as the segmenter keys it, shared by all its tokens in the documents of one extractor: its lookup
 * keys, the bits of the tables with phrases under them, and its parses once a stage asks for them (read from
 * here, they cost no lookup by string: a document asks for them ~250 times). */
export interface WordForm {
  keys: string[];
  /** The ids of `keys` (see sharedKeyEntry in gazetteer/compile.ts). */
  keyIds: number[];
  /** Per key, the bits of the tables that file a phrase under it (see keyTables); `tables` is their union. */
  keyTables: number[];
  tables: number;
  parses: Parse[] | null;
  /** Per phrase table (by its bit), the phrases whose first word fits this form (see firstFits in gazetteer/match.ts). */
  firstFits: Array<readonly object[] | undefined> | null;
  /** What the form can be in a person's name, once asked (see classOf in names/persons.ts). */
  nameWord: object | null;
  /** The form's answers to startsLike for the sets that keep them (see tokenStartsLike in morph/lemma-starts.ts). */
  starts: number;
  /** The state adjectives among a hyphenated word's parts, once asked (see adjectiveParts in gazetteer/index.ts). */
  adjectiveParts: readonly object[] | null;
}

export interface Sentence { start: number; end: number; firstToken: number; lastToken: number; paragraph: number }
export interface Paragraph { start: number; end: number }

export type Case = 'nomn' | 'gent' | 'datv' | 'accs' | 'ablt' | 'loct' | 'voct' | null;

export interface Parse {
  lemma: string;
  pos: string;
  case: Case;
  number: 'sing' | 'plur' | null;
  gender: 'masc' | 'femn' | 'neut' | null;
  /** OpenCorpora tags that matter for names: Name, Surn, Patr, Geox, Orgn, Abbr, Fixd, anim. */
  tags: string[];
  score: number;
  /** Found in the dictionary (not guessed from the ending). */
  known: boolean;
}

export type EntityType = 'person' | 'state' | 'organization' | 'location';
export type MentionKind = 'name' | 'alias' | 'abbreviation' | 'title' | 'hashtag' | 'adjective' | 'pronoun';

/** A span of tokens [first, last] that refers to something. */
export interface Mention {
  first: number;
  last: number;
  /** Character span when it is not the tokens' own (a part of «российско-китайский»). */
  start?: number;
  end?: number;
  type: EntityType;
  kind: MentionKind;
  /** Dictionary entry id, or a provisional key for discovered names. */
  ref: string;
  /** Grammatical case of the head, when known. */
  case?: Case;
  /** Why this mention exists: dictionary file or rule id. */
  reason: string;
  /** Discovered persons: the name split into parts, nominative. */
  person?: { first: string | null; middle: string | null; last: string | null; gender: 'm' | 'f' | null };
  /** Discovered organizations/locations: the normalized nominative name. */
  name?: string;
  kindHint?: string;
  country?: string | null;
}

/** A mention with every field present, in one order. Stages read mentions in their hottest loops, and V8
 * makes those reads fast only when few object shapes reach them: mentions written as literals with
 * different optional fields came in ten shapes, and every read of them took the slow, megamorphic path. */
export function mention(m: Mention): Mention {
  return {
    first: m.first, last: m.last, start: m.start, end: m.end, type: m.type, kind: m.kind, ref: m.ref, case: m.case,
    reason: m.reason, person: m.person, name: m.name, kindHint: m.kindHint, country: m.country,
  };
}

/** items.map(f), for an array that other code goes on to read. V8's `map` makes a packed array while its
 * caller runs unoptimized and a holey one once the optimizing compiler has inlined it, so the code reading
 * it met both kinds: each of its sites that read one deopted when the other came, and the large stages
 * were compiled again (attachRoles five times, ~0.4 s of compiler time each). Pushed, the array is always
 * packed. */
export function mapped<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i], i));
  return out;
}

/** list[i], or undefined past either end. Compiled code that reads past the end of an array is thrown away
 * (once per site, in the first pass, where recompiling a large stage is costly); a negative i is not counted
 * from the end as Array.prototype.at counts it. */
export function itemAt<T>(list: readonly T[], i: number): T | undefined {
  return i >= 0 && i < list.length ? list[i] : undefined;
}

/** A position title found in the text («председатель Сената Парламента»). */
export interface TitleSpan {
  first: number;
  last: number;
  /** Position dictionary id of the head word(s). */
  position: string;
  rank: string;
}

export interface Evidence { start: number; end: number; text: string }

export interface Role {
  title: string;
  /** Entity ids, resolved when entities are built. */
  organization: string | null;
  state: string | null;
  start: number;
  end: number;
  rank: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  /** Mention indices into Doc.mentions, by start. */
  mentions: number[];
  dictionaryId: string | null;
  country: string | null;
  nameParts?: { first: string | null; middle: string | null; last: string | null };
  gender?: 'm' | 'f' | null;
  roles: Role[];
  kind?: string;
  abbreviation?: string;
  iso2?: string;
}

/** An entity with every field present, in one order: one object shape, for the reason given at mention(). */
export function entity(e: Entity): Entity {
  return {
    id: e.id, type: e.type, name: e.name, mentions: e.mentions, dictionaryId: e.dictionaryId, country: e.country,
    nameParts: e.nameParts, gender: e.gender, roles: e.roles, kind: e.kind, abbreviation: e.abbreviation, iso2: e.iso2,
  };
}

export interface Topic { text: string; category: string; entities: string[]; start: number; end: number }

export interface Meeting {
  participants: string[];
  place: string | null;
  date: string | null;
  status: 'reported' | 'past' | 'planned';
  modality: 'future' | 'possible' | 'proposed' | 'negated' | null;
  format: 'in-person' | 'phone' | 'video' | null;
  occasion: string | null;
  topics: Topic[];
  evidence: Array<{ start: number; end: number }>;
  /** Sentence of the first evidence, and whether it sits inside a quotation. */
  sentence: number;
  quoted: boolean;
  /** Token range of the trigger word(s). */
  trigger: { first: number; last: number };
  reason: string;
}

export interface Quote { speaker: string | null; start: number; end: number }

export interface DocumentMeta {
  title: string | null;
  publisher: string | null;
  hashtags: string[];
  date: string | null;
}

export interface Doc {
  id: string;
  text: string;
  language: string;
  /** Publication date from the caller, ISO 8601. */
  givenDate: string | null;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  /** Dictionary lookup keys per token. */
  keys: string[][];
  /** Quotation spans «…» at top level, as token ranges. */
  quoteSpans: Array<{ open: number; close: number }>;
  mentions: Mention[];
  titles: TitleSpan[];
  entities: Entity[];
  meta: DocumentMeta;
  meetings: Meeting[];
  quotes: Quote[];
  warnings: string[];
}
