// Cue words of English news: the English pipeline's counterpart of language.json.
import { z } from 'zod';

const words = z.array(z.string().trim().min(1));
const FORMAT = z.enum(['in-person', 'phone', 'video']);

export const EnglishCueFile = z.object({
  $schema: z.string().optional(),
  language: z.literal('en'),
  description: z.string(),
  source: z.string(),
  /** Verb forms whose subject met the object (of «with» or direct): met, meets. */
  meetingVerbs: words,
  /** Verb forms that hold a meeting noun and give it their subject: held talks, had a conversation. */
  supportVerbs: words,
  /** Meeting nouns, with the format they imply. */
  meetingNouns: z.array(z.object({ word: z.string(), format: FORMAT.optional() }).strict()),
  /** Verb forms of reception: «received the ambassador» is a meeting when the object is a person. */
  receptionVerbs: words,
  /** Words that mark the format of a meeting. */
  formatCues: z.array(z.object({ word: z.string(), format: FORMAT }).strict()),
  /** Cues that make a meeting planned. */
  modalityCues: z.array(z.object({ word: z.string(), modality: z.enum(['future', 'possible', 'proposed', 'negated']) }).strict()),
  /** Phrases after which a topic follows: discussed, exchanged views on. */
  topicCues: words,
  /** Heads a topic phrase may start with that say nothing by themselves: issues of, the importance of. */
  topicFillers: words,
  /** Verb forms that introduce or close direct speech: said, noted, stressed. */
  speechVerbs: words,
  /** Verb forms after or before which the publisher is named: reports, writes. */
  publisherVerbs: words,
  /** Words for the two parties of the meeting already named: the sides, the interlocutors. */
  partyWords: words,
  /** Abbreviations whose full stop does not end a sentence (lowercase, without the dot). */
  sentenceAbbreviations: words,
  /** Honorifics that stand between a title and a name: Dr., Sheikh. */
  honorifics: words,
  /** Lowercase words inside personal names: «Osama bin Laden», «Ursula von der Leyen». */
  nameParticles: words,
  /** Honorifics that tell the person's gender: Mr., Mrs., Ms. */
  genderedHonorifics: z.record(z.string(), z.enum(['m', 'f'])),
  /** Phrases that introduce the occasion of a meeting: on the sidelines of, during. */
  occasionMarkers: words,
  /** Nouns naming occasions: summit, forum, visit. */
  occasionNouns: words,
  /** Words that set a meeting in the past: earlier, previously, recalled. */
  pastMarkers: words,
  /** Nouns heading an organization's name («Ministry of …»), with the kind of body. */
  organizationHeads: z.record(z.string(), z.string()),
  /** Legal forms written after a company's name: «Samruk-Kazyna JSC». */
  legalForms: words,
  /** Nouns that close the portfolio of a title: «on Religious Affairs», «for Foreign Policy Issues». */
  portfolioNouns: words,
  /** Nouns for a group that stands for the state or body it comes from: «the delegation of Japan», «a Chinese delegation». */
  delegationWords: words,
  /** Personal pronouns that stand for the last person named. */
  pronouns: words,
}).strict();

export type EnglishCues = z.infer<typeof EnglishCueFile>;
