// The format of every file under dictionaries/: knowledge is data, validated here on load.
// All names are written in the nominative case; morphology finds the inflected forms.
import { z } from 'zod';

const iso2 = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code in capitals, e.g. "KZ"');
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1);
const entityId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}:[A-Za-z0-9][A-Za-z0-9._-]*$`), `id "${prefix}:ascii-slug"`);
const anyEntityId = z.string().regex(/^(state|org|loc|person):[A-Za-z0-9][A-Za-z0-9._-]*$/, 'entity id such as "org:un"');

export const ORG_KINDS = [
  'government', 'parliament', 'court', 'ministry', 'international', 'company', 'party',
  'media', 'ngo', 'education', 'religious', 'military', 'agency', 'forum', 'other',
] as const;
export const LOCATION_KINDS = ['city', 'region', 'territory', 'venue', 'geo', 'district'] as const;
export const RANKS = [
  'head-of-state', 'head-of-government', 'deputy-head-of-government', 'speaker', 'deputy-speaker',
  'minister', 'deputy-minister', 'head-of-agency', 'parliamentarian', 'ambassador', 'diplomat',
  'adviser', 'judge', 'prosecutor', 'governor', 'mayor', 'religious-leader', 'head-of-international',
  'party-leader', 'military', 'executive', 'official', 'profession', 'other',
] as const;

const common = {
  name: text,
  /** Other full names, nominative («Республика Казахстан», «Белоруссия»). */
  aliases: z.array(text).optional(),
  /** Written as in text and matched case-sensitively («РК», «ООН», «МИД»). */
  abbreviations: z.array(text).optional(),
  /** English names and abbreviations, for English input. */
  english: z.array(text).optional(),
  /** Owning state, ISO alpha-2. */
  country: iso2.nullable().optional(),
  /** Also an ordinary word («Того», «Чад»?): never matched at the start of a sentence. */
  ambiguous: z.boolean().optional(),
  note: z.string().optional(),
};

export const StateEntry = z.object({
  id: z.string().regex(/^state:[A-Z]{2}$/, 'state id "state:XX" with the ISO alpha-2 code in capitals'),
  type: z.literal('state'),
  iso2,
  ...common,
  /** Full official name, nominative («Республика Казахстан»). */
  official: text.optional(),
  /** Masculine nominative adjectives («казахстанский»); matched as mentions of kind adjective. */
  adjectives: z.array(text).optional(),
  /** Masculine singular nominative demonyms («казахстанец»); kind adjective too. */
  demonyms: z.array(text).optional(),
  /** English adjectives and demonyms («Kazakhstani», «Kazakh»), for English input. */
  englishAdjectives: z.array(text).optional(),
  capital: entityId('loc').optional(),
  status: z.enum(['un-member', 'un-observer', 'partially-recognized', 'historical']).optional(),
}).strict();

export const OrganizationEntry = z.object({
  id: entityId('org'),
  type: z.literal('organization'),
  ...common,
  kind: z.enum(ORG_KINDS),
  /** The body this one belongs to («org:parliament-kz» for the Senate). */
  parent: z.string().regex(/^org:/).optional(),
  adjectives: z.array(text).optional(),
}).strict();

export const LocationEntry = z.object({
  id: entityId('loc'),
  type: z.literal('location'),
  ...common,
  kind: z.enum(LOCATION_KINDS),
  /** Enclosing region or city id, when useful. */
  parent: z.string().regex(/^loc:/).optional(),
  adjectives: z.array(text).optional(),
}).strict();

export const RoleFact = z.object({
  title: text,
  organization: z.string().regex(/^org:/).nullable().optional(),
  state: z.string().regex(/^state:/).nullable().optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
}).strict();

export const PersonEntry = z.object({
  id: entityId('person'),
  type: z.literal('person'),
  ...common,
  nameParts: z.object({ first: text.nullable(), middle: text.nullable(), last: text.nullable() }).strict(),
  gender: z.enum(['m', 'f']),
  roles: z.array(RoleFact).optional(),
}).strict();

export const EntityEntry = z.discriminatedUnion('type', [StateEntry, OrganizationEntry, LocationEntry, PersonEntry]);

export const EntityFile = z.object({
  $schema: z.string().optional(),
  description: text,
  /** Where the facts come from. */
  source: text,
  entries: z.array(EntityEntry),
}).strict();

export const PositionEntry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase ascii slug'),
  /** Lowercase nominative, masculine or common form («председатель сената», «премьер-министр»). */
  title: text,
  /** Lowercase nominative feminine form where Russian has one («советница»); most titles have none. */
  feminine: text.optional(),
  aliases: z.array(text).optional(),
  rank: z.enum(RANKS),
  english: z.array(text).optional(),
}).strict();

export const PositionFile = z.object({
  $schema: z.string().optional(),
  description: text,
  source: text,
  positions: z.array(PositionEntry),
}).strict();

export const TopicCategory = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  label: text,
  /** Lowercase nominative words or phrases; matched on inflection-tolerant word keys. */
  terms: z.array(text),
  english: z.array(text).optional(),
}).strict();

export const TopicFile = z.object({
  $schema: z.string().optional(),
  description: text,
  source: text,
  categories: z.array(TopicCategory),
}).strict();

export type StateEntry = z.infer<typeof StateEntry>;
export type OrganizationEntry = z.infer<typeof OrganizationEntry>;
export type LocationEntry = z.infer<typeof LocationEntry>;
export type PersonEntry = z.infer<typeof PersonEntry>;
export type EntityEntry = z.infer<typeof EntityEntry>;
export type PositionEntry = z.infer<typeof PositionEntry>;
export type TopicCategory = z.infer<typeof TopicCategory>;
export { anyEntityId };
