// The ordered list of stages. Each takes the Doc and returns it with one more layer.
import type { Context } from './context.js';
import type { Doc } from './doc.js';
import { startScratch } from './scratch.js';
import { segment } from './segment/index.js';
import { matchGazetteer } from './gazetteer/index.js';
import { discoverPersons } from './names/persons.js';
import { buildEntities } from './entities/build.js';
import { discoverOrganizations } from './names/organizations.js';
import { linkOriginalSpellings } from './names/original-spelling.js';
import { attachRoles } from './roles/index.js';
import { readMeta } from './document/meta.js';
import { findQuotes } from './quotes/index.js';
import { findMeetings } from './meetings/index.js';
import { findTopics } from './topics/index.js';
import { segmentEnglish } from './english/segment.js';
import { matchEnglishGazetteer } from './english/gazetteer.js';
import { discoverEnglishNames } from './english/names.js';
import { nameEnglishEntities } from './english/entities.js';
import { attachEnglishRoles } from './english/roles.js';
import { readEnglishMeta } from './english/meta.js';
import { findEnglishMeetings } from './english/meetings.js';
import { findEnglishQuotes } from './english/quotes.js';

export type Stage = (doc: Doc, ctx: Context) => Doc;

export const STAGES: ReadonlyArray<[string, Stage]> = [
  ['segment', segment],
  ['gazetteer', matchGazetteer],
  ['persons', discoverPersons],
  ['organizations', discoverOrganizations],
  ['original-spelling', linkOriginalSpellings],
  ['entities', buildEntities],
  ['roles', attachRoles],
  ['meta', readMeta],
  ['meetings', findMeetings],
  ['topics', findTopics],
  ['quotes', findQuotes],
];

/** English text: the same Doc and the same entity grouping, with English cues and the dictionaries' English names. */
export const ENGLISH_STAGES: ReadonlyArray<[string, Stage]> = [
  ['segment', segmentEnglish],
  ['gazetteer', matchEnglishGazetteer],
  ['names', discoverEnglishNames],
  ['entities', buildEntities],
  ['entity-names', nameEnglishEntities],
  ['roles', attachEnglishRoles],
  ['meta', readEnglishMeta],
  ['meetings', findEnglishMeetings],
  ['quotes', findEnglishQuotes],
];

export function emptyDoc(id: string, text: string, language: string, givenDate: string | null): Doc {
  return {
    id, text, language, givenDate, paragraphs: [], sentences: [], tokens: [], keys: [], quoteSpans: [], mentions: [], titles: [],
    entities: [], meta: { title: null, publisher: null, hashtags: [], date: givenDate }, meetings: [], quotes: [], warnings: [],
  };
}

export function runPipeline(doc: Doc, ctx: Context): Doc {
  startScratch();
  let d = doc;
  for (const [, stage] of doc.language === 'en' ? ENGLISH_STAGES : STAGES) d = stage(d, ctx);
  return d;
}
