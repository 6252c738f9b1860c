#!/usr/bin/env node
// How much of the gold ORG and LOC entities of the shared corpora the built-in dictionaries know.
//   node scripts/coverage.mjs            (after npm run build; needs ../shared)
// An entity is known when one of its gold mention texts, read alone, is matched whole by a
// dictionary entry of a fitting type (state or location for LOC, organization for ORG).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../dist/src/context.js';
import { compileKnowledge } from '../dist/src/dictionary/knowledge.js';
import { loadDictionaries } from '../dist/src/index.js';
import { Analyzer } from '../dist/src/morph/analyzer.js';
import { emptyDoc } from '../dist/src/pipeline.js';
import { segment } from '../dist/src/segment/index.js';
import { matchGazetteer } from '../dist/src/gazetteer/index.js';

const shared = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const ctx = createContext(compileKnowledge(loadDictionaries()), new Analyzer());
const FITS = { LOC: new Set(['state', 'location']), ORG: new Set(['organization']) };

function known(text, type) {
  const doc = matchGazetteer(segment(emptyDoc('c', text, 'ru', null), ctx), ctx);
  return doc.mentions.some((m) => m.kind !== 'adjective' && FITS[type].has(m.type) && m.first === 0 && m.last === doc.tokens.length - 1);
}

const lines = (f) => readFileSync(join(shared, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
// gold entities as lists of mention texts: FactRuEval has entity chains, NEREL groups by Wikidata id (else by text)
const corpora = {
  'factru-dev': lines('factru-dev.jsonl').flatMap((d) => d.entities.filter((e) => e.type === 'LOC' || e.type === 'ORG').map((e) => ({ type: e.type, texts: e.mentions.map((m) => m.text) }))),
  'nerel-train-wikinews': lines('nerel-train-wikinews.jsonl').flatMap((d) => {
    const groups = new Map();
    for (const m of d.mentions) {
      if (m.type !== 'LOC' && m.type !== 'ORG') continue;
      const key = `${m.type}:${m.wikidata ?? m.text.toLowerCase()}`;
      if (!groups.has(key)) groups.set(key, { type: m.type, texts: [] });
      groups.get(key).texts.push(m.text);
    }
    return [...groups.values()];
  }),
};
const rows = [];
for (const [name, ents] of Object.entries(corpora)) {
  for (const type of ['LOC', 'ORG']) {
    const of = ents.filter((e) => e.type === type && e.texts.length);
    const hit = of.filter((e) => e.texts.some((t) => known(t, type))).length;
    rows.push({ corpus: name, type, entities: of.length, known: hit, share: of.length ? hit / of.length : 0 });
  }
}
for (const r of rows) console.log(`${r.corpus.padEnd(22)} ${r.type}  ${String(r.known).padStart(5)} / ${String(r.entities).padEnd(5)} ${(r.share * 100).toFixed(1)}%`);
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
