#!/usr/bin/env node
// Runs the built extractor over the shared corpora and scores it with ../shared/eval.
//   node scripts/eval.mjs [factru|meetings|nerel|seed ...]   (default: all)
// Predictions are kept in .eval/ for inspection.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../dist/src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const out = join(root, '.eval');
mkdirSync(out, { recursive: true });
const extractor = createExtractor();

function predict(corpus, name) {
  const lines = readFileSync(join(shared, 'corpus', corpus), 'utf8').split('\n').filter(Boolean);
  const preds = [];
  const t0 = performance.now();
  for (const line of lines) {
    const doc = JSON.parse(line);
    try {
      preds.push(JSON.stringify({ id: doc.id, result: extractor.extract(doc.text, { id: doc.id, lang: 'ru', date: doc.date ?? null }) }));
    } catch (e) {
      preds.push(JSON.stringify({ id: doc.id, result: { entities: [], meetings: [] } }));
      console.error(`${doc.id}: ${e.message}`);
    }
  }
  const file = join(out, `${name}.jsonl`);
  writeFileSync(file, preds.join('\n') + '\n');
  console.log(`${name}: ${lines.length} docs in ${(performance.now() - t0).toFixed(0)} ms`);
  return file;
}

const score = (script, gold, pred) => execFileSync('node', [join(shared, 'eval', script), join(shared, 'corpus', gold), pred], { encoding: 'utf8' });
const runs = {
  factru: () => console.log(score('score.mjs', 'factru-dev.jsonl', predict('factru-dev.jsonl', 'factru'))),
  meetings: () => console.log(score('score-meetings.mjs', 'meetings-dev.jsonl', predict('meetings-dev.jsonl', 'meetings'))),
  nerel: () => console.log(score('score-roles.mjs', 'nerel-train-wikinews.jsonl', predict('nerel-train-wikinews.jsonl', 'nerel'))),
  seed: () => {
    const article = join(root, 'samples', 'ru-kazpravda-ashimbaev-al-habbash.txt');
    const file = join(out, 'seed.json');
    writeFileSync(file, JSON.stringify(extractor.extract(readFileSync(article, 'utf8'), { id: 'ru-kazpravda-ashimbaev-al-habbash' })));
    try { console.log(execFileSync('node', [join(shared, 'eval', 'check-seed.mjs'), article, file], { encoding: 'utf8' }).split('\n').filter((l) => !l.startsWith('PASS')).join('\n')); } catch (e) { console.log(e.stdout); }
  },
};
if (!existsSync(shared)) { console.error(`no ${shared}`); process.exit(2); }
for (const name of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(runs)) runs[name]();
