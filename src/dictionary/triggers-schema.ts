// Trigger words of meetings, topics, quotes and publishers: the language cues the rule stages look for.
import { z } from 'zod';

const words = z.array(z.string().trim().min(1));
const FORMAT = z.enum(['in-person', 'phone', 'video']);

export const TriggerFile = z.object({
  $schema: z.string().optional(),
  description: z.string(),
  source: z.string(),
  /** Verbs whose subject met the object of «с»: встретиться, переговорить (lowercase lemma). */
  meetingVerbs: words,
  /** Verbs that hold a meeting noun and give it their subject: «X и Y провели переговоры». */
  supportVerbs: words,
  /** Prepositions that frame a meeting noun in a clause about its participant: «на встрече с Y X отметил». */
  meetingFrames: words,
  /** Verbs whose counterpart is in the dative: «позвонил Зыкиной» (a phone call). */
  dativeMeetingVerbs: words,
  /** Verb + noun object phrases: «провести переговоры», «провести встречу» (the noun list). */
  meetingNouns: z.array(z.object({ word: z.string(), format: FORMAT.optional(), multiword: z.boolean().optional() }).strict()),
  /** Verbs of reception: «принял посла» is a meeting only when the object is a person or delegation. */
  receptionVerbs: words,
  /** Words that mark the format («по телефону», «в режиме видеоконференции»). */
  formatCues: z.array(z.object({ word: z.string(), format: FORMAT }).strict()),
  /** Modal cues that make a meeting planned, with their modality. */
  modalityCues: z.array(z.object({ word: z.string(), modality: z.enum(['future', 'possible', 'proposed', 'negated']) }).strict()),
  /** Words after which a topic phrase follows: «обсудили», «обменялись мнениями о». */
  topicCues: words,
  /** Verbs whose topic follows a preposition after their object: «поздравил Диас-Канеля с избранием», «договорились о …». */
  topicVerbObjects: z.record(z.string(), z.string()),
  /** Speech verbs that attribute quotes: «сказал», «отметил», «подчеркнул». */
  speechVerbs: words,
  /** Verbs that introduce the publisher: «передает», «сообщает». */
  publisherVerbs: words,
  /** Words that name a group of meeting parties: «собеседники», «стороны». */
  partyWords: words,
  /** Abbreviations after which a dot does not end a sentence («г», «т.е», «ул»), lowercase, without the final dot. */
  sentenceAbbreviations: words,
  /** Words that precede a quoted name of an organization («компания «Газпром»»), lowercase lemma → kind. */
  organizationHeads: z.record(z.string(), z.string()),
  /** Capital-letter words that are not organizations: «СМИ», «ОАО», «ВВП». */
  notOrganizations: words,
  /** Prepositions that put a place before a meeting («в Астане», «на полях»). */
  placePrepositions: words,
  /** Generic heads of place names: «Липецкая область», «штат Техас». */
  placeHeads: words,
  /** Verbs that give a person a title in the instrumental: «назначен главой», «стал президентом». */
  roleVerbs: words,
  /** Honorifics between a title and a name: «доктор», «профессор», «господин». */
  honorifics: words,
  /** Head nouns stripped from the start of a topic: «вопросы укрепления …» → «укрепление …». */
  topicFillers: words,
  /** Phrases that introduce the occasion of a meeting: «на полях», «в рамках». */
  occasionMarkers: words,
  /** Events a meeting can happen at: «саммит», «визит», «форум». */
  occasionNouns: words,
  /** Words that mark a recalled, earlier meeting: «ранее», «напомним». */
  pastMarkers: words,
  /** Demonstratives that make a meeting noun refer back («эти переговоры»), not to a new meeting. */
  demonstratives: words,
  /** Words that let a body in the genitive be a party: «представители прокуратуры», «делегация Китая». */
  delegationWords: words,
  /** Verbs that make «встречаться с» a relationship, not a meeting: «стал встречаться с актёром». */
  relationshipCues: words,
  /** Imperfective meeting verbs whose past tense tells of earlier meetings: «он встречался с президентом». */
  recalledMeetingVerbs: words,
  /** Heads that make a counterpart a sports team: «встретилась со сборной Финляндии» is a match. */
  teamWords: words,
  /** Counterparts that are not entities: «встреча с журналистами» is not a meeting between parties. */
  genericParticipants: words,
}).strict();

export type Triggers = z.infer<typeof TriggerFile>;
