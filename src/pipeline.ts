// The ordered list of stages. Each takes the Doc and returns it with one more layer.
import type { Context } from './context.js';
import type { Doc } from './doc.js';
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

export function emptyDoc(id: string, text: string, language: string, givenDate: string | null): Doc {
  return {
    id, text, language, givenDate, paragraphs: [], sentences: [], tokens: [], keys: [], quoteSpans: [], mentions: [], titles: [],
    entities: [], meta: { title: null, publisher: null, hashtags: [], date: givenDate }, meetings: [], quotes: [], warnings: [],
  };
}

export function runPipeline(doc: Doc, ctx: Context): Doc {
  let d = doc;
  for (const [, stage] of STAGES) d = stage(d, ctx);
  return d;
}
