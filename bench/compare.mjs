#!/usr/bin/env node
// Paired A/B of two builds in one process. On a shared machine the same run drifts by ±30% within
// minutes, so two benches an hour apart cannot show a change of a few per cent. Here the two
// extractors run in one process, alternating on the same chunks of articles (which one goes first
// alternates too), so drift hits both alike; the ratio of their times is the measure.
//
//   node bench/compare.mjs BASE_DIST NEW_DIST cached [ROUNDS]   text every cache has seen (default 6 rounds over 1 MB)
//   node bench/compare.mjs BASE_DIST NEW_DIST fresh [ROUNDS]    never-seen text: a new extractor of each build per
//                                                               chunk of 100 articles (creation untimed; default 2 rounds)
//
// A DIST is a built `dist/` directory, e.g. of a worktree at the base commit:
//   git worktree add /tmp/base HEAD~1 && ln -s "$PWD/node_modules" /tmp/base/node_modules && (cd /tmp/base && npm run build)
//   node bench/compare.mjs /tmp/base/dist dist fresh
// It prints NEW/BASE time (below 1: the new build is faster): over all chunks, and the median round or chunk.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MB, loadBase, prefix } from './lib.mjs';

const [baseDist, newDist, mode = 'cached', roundsArg] = process.argv.slice(2);
if (!baseDist || !newDist || !['cached', 'fresh'].includes(mode)) {
  console.error('usage: node bench/compare.mjs BASE_DIST NEW_DIST cached|fresh [ROUNDS]');
  process.exit(2);
}
// the query keeps the two builds' modules apart even if they resolve to the same files
const load = (dist, tag) => import(`${pathToFileURL(resolve(dist, 'src/index.js')).href}?${tag}`);
// the heap setting the CLI makes for its own process, as in the bench's rows
const { tuneHeap } = await import(pathToFileURL(resolve(newDist, 'src/cli/heap.js')).href);
tuneHeap();
const A = await load(baseDist, 'base');
const B = await load(newDist, 'new');
const { base } = loadBase();
const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const run = (x, list) => {
  const t0 = performance.now();
  for (const a of list) x.extract(a.text, { id: a.id, lang: 'ru' });
  return performance.now() - t0;
};

let ta = 0;
let tb = 0;
const ratios = [];
let articles = 0;
if (mode === 'cached') {
  const arts = prefix(base, MB);
  const rounds = Number(roundsArg ?? 6);
  const xa = A.createExtractor();
  const xb = B.createExtractor();
  for (let k = 0; k < 3; k++) { run(xa, arts); run(xb, arts); } // every word form cached, the compiler warm
  for (let r = 0; r < rounds; r++) {
    let ra = 0;
    let rb = 0;
    for (let i = 0; i < arts.length; i += 20) {
      const chunk = arts.slice(i, i + 20);
      if ((i / 20 + r) % 2) { ra += run(xa, chunk); rb += run(xb, chunk); } else { rb += run(xb, chunk); ra += run(xa, chunk); }
    }
    ta += ra; tb += rb; ratios.push(rb / ra); articles += arts.length;
  }
} else {
  const rounds = Number(roundsArg ?? 2);
  const fresh = (X, list) => run(X.createExtractor(), list);
  for (let k = 0; k < 2; k++) { fresh(A, base.slice(0, 200)); fresh(B, base.slice(0, 200)); } // the compiler warm
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < base.length; i += 100) {
      const chunk = base.slice(i, i + 100);
      let x;
      let y;
      if ((i / 100 + r) % 2) { x = fresh(A, chunk); y = fresh(B, chunk); } else { y = fresh(B, chunk); x = fresh(A, chunk); }
      ta += x; tb += y; ratios.push(y / x); articles += chunk.length;
    }
  }
}
const rate = (ms) => ((articles / ms) * 1000).toFixed(0);
console.log(`${mode} text, NEW/BASE time: ${(tb / ta).toFixed(3)} over all, median ${mode === 'cached' ? 'round' : 'chunk'} ${median(ratios).toFixed(3)} (${ratios.length} ${mode === 'cached' ? 'rounds' : 'chunks'}); base ${rate(ta)} articles/s, new ${rate(tb)}`);
