// The output contract (shared/spec/output.md) as one zod schema: every result is validated
// against it, and `sobesednik schema` prints it as JSON Schema.
import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

const Evidence = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() });

export const MentionOut = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  kind: z.enum(['name', 'alias', 'abbreviation', 'title', 'hashtag', 'adjective', 'pronoun']),
});

export const RoleOut = z.object({
  title: z.string(),
  organization: z.string().nullable(),
  state: z.string().nullable(),
  evidence: Evidence,
});

export const EntityOut = z.object({
  id: z.string().regex(/^(person|state|org|loc):[\x21-\x7e]+$/),
  type: z.enum(['person', 'state', 'organization', 'location']),
  name: z.string().min(1),
  nameParts: z.object({ first: z.string().nullable(), middle: z.string().nullable(), last: z.string().nullable() }).optional(),
  gender: z.enum(['m', 'f']).nullable().optional(),
  country: z.string().regex(/^[A-Z]{2}$/).nullable(),
  iso2: z.string().regex(/^[A-Z]{2}$/).optional(),
  kind: z.string().optional(),
  abbreviation: z.string().optional(),
  roles: z.array(RoleOut).optional(),
  dictionaryId: z.string().nullable(),
  mentions: z.array(MentionOut),
});

export const TopicOut = z.object({
  text: z.string(),
  category: z.string(),
  entities: z.array(z.string()),
  evidence: Evidence,
});

export const MeetingOut = z.object({
  id: z.string(),
  participants: z.array(z.string()),
  place: z.string().nullable(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  status: z.enum(['reported', 'past', 'planned']),
  modality: z.enum(['future', 'possible', 'proposed', 'negated']).nullable(),
  format: z.enum(['in-person', 'phone', 'video']).nullable(),
  occasion: z.string().nullable(),
  topics: z.array(TopicOut),
  evidence: z.array(Evidence),
});

export const QuoteOut = z.object({
  speaker: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const DocumentOut = z.object({
  id: z.string(),
  language: z.string(),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  hashtags: z.array(z.string()),
  date: z.string().nullable(),
  chars: z.number().int().nonnegative(),
});

export const Result = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: DocumentOut,
  entities: z.array(EntityOut),
  meetings: z.array(MeetingOut),
  quotes: z.array(QuoteOut),
  warnings: z.array(z.string()),
});

export const ErrorRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: z.object({ id: z.string() }),
  error: z.object({ code: z.string(), message: z.string() }),
});

export type Result = z.infer<typeof Result>;
export type EntityOut = z.infer<typeof EntityOut>;
export type MeetingOut = z.infer<typeof MeetingOut>;
export type ErrorRecord = z.infer<typeof ErrorRecord>;

export function jsonSchema(): unknown {
  return z.toJSONSchema(z.union([Result, ErrorRecord]), { target: 'draft-2020-12' });
}
