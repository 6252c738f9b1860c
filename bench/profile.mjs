#!/usr/bin/env node
// Where the time goes: profiles one workload with the V8 CPU profiler (the same profiler as
// `node --cpu-prof`, started through node:inspector only around the measured part, so imports,
// createExtractor() and the warm-up stay out) and prints the pipeline stages by inclusive time
// and the functions and files by self time.
//
//   node bench/profile.mjs corpus [MB]      the first MB (default 1) of distinct corpus text, after a warm-up
//   node bench/profile.mjs new-half [N]     the bench's "never-seen half" row: the distinct articles' second half,
//                                           after the first half has run N times (default 4): fresh news, warm compiler
//   node bench/profile.mjs sentence [KB]    one sentence of KB (default 200) with no punctuation
//   node bench/profile.mjs caps [KB]        «ООН ООН …» of KB (default 1000); any PATHOLOGICAL kind prefix works
//   add --save FILE.cpuprofile to keep the profile (opens in Chrome DevTools)
//   add --warm to run the workload once before profiling it (the repeats: every cache is warm)
//
// Not part of `npm run bench` (profiling slows the run down).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_URL, MB, PATHOLOGICAL, REPO_ROOT, loadBase, prefix, timedPass, warmSlice } from './lib.mjs';

const args = process.argv.slice(2);
const saveAt = args.indexOf('--save');
const save = saveAt >= 0 ? args.splice(saveAt, 2)[1] : null;
const warmAt = args.indexOf('--warm');
if (warmAt >= 0) args.splice(warmAt, 1);
const [mode = 'corpus', sizeArg] = args;

const { base } = loadBase();
const { createExtractor } = await import(DIST_URL);
const extractor = createExtractor();
timedPass(extractor, warmSlice(base), { progress: false });

let work;
if (mode === 'corpus') {
  const articles = prefix(base, Number(sizeArg ?? 1) * MB);
  work = () => {
    const r = timedPass(extractor, articles, { progress: false });
    return `${r.articles} articles, ${(r.bytes / MB).toFixed(2)} MB in ${(r.ms / 1000).toFixed(1)} s`;
  };
} else if (mode === 'new-half') {
  const half = base.length >> 1;
  for (let k = 0; k < Number(sizeArg ?? 4); k++) timedPass(extractor, base.slice(0, half), { progress: false });
  work = () => {
    const r = timedPass(extractor, base.slice(half), { progress: false });
    return `never-seen half: ${r.articles} articles, ${(r.bytes / MB).toFixed(2)} MB in ${(r.ms / 1000).toFixed(1)} s`;
  };
} else {
  const kind = Object.keys(PATHOLOGICAL).find((k) => k.startsWith(mode === 'sentence' ? 'one sentence' : mode));
  if (!kind) throw new Error(`unknown workload ${mode}; kinds: corpus, new-half, sentence, ${Object.keys(PATHOLOGICAL).join(', ')}`);
  const text = PATHOLOGICAL[kind](Number(sizeArg ?? (mode === 'sentence' ? 200 : 1000)) * 1000, base);
  work = () => {
    const t = performance.now();
    extractor.extract(text, { id: 'profile', lang: 'ru' });
    return `${kind}, ${text.length} chars in ${((performance.now() - t) / 1000).toFixed(1)} s`;
  };
}

if (warmAt >= 0) work();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
const what = work();
const { profile } = await session.post('Profiler.stop');
session.disconnect();
if (save) writeFileSync(save, JSON.stringify(profile));

// self time per node = its samples × the sampling interval actually seen
const dt = (profile.endTime - profile.startTime) / profile.samples.length / 1000; // ms
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = (url) => (!url ? '(native)' : url.startsWith('file:') ? relative(REPO_ROOT, fileURLToPath(url)) : url);
/** The stage of a sample: the frame just below runPipeline, or just below extract() for the rest. */
function stageOf(id) {
  let child = null;
  for (let cur = id; cur != null; child = cur, cur = parent.get(cur)) {
    const f = nodeById.get(cur).callFrame;
    if (child == null) continue;
    if (f.functionName === 'runPipeline') return `pipeline: ${nodeById.get(child).callFrame.functionName}`;
    if (f.functionName === 'extract' && f.url.endsWith('/dist/src/index.js')) return `extract: ${nodeById.get(child).callFrame.functionName || '(anonymous)'}`;
  }
  const f = nodeById.get(id).callFrame;
  return f.functionName === '(garbage collector)' ? '(garbage collector)' : '(outside extract)';
}

const byFn = new Map();
const byFile = new Map();
const byStage = new Map();
let total = 0;
const add = (m, k, ms) => m.set(k, (m.get(k) ?? 0) + ms);
for (const node of profile.nodes) {
  const ms = (hits.get(node.id) ?? 0) * dt;
  if (!ms) continue;
  total += ms;
  const { functionName, url, lineNumber } = node.callFrame;
  add(byFn, `${functionName || '(anonymous)'}  ${where(url)}:${lineNumber + 1}`, ms);
  add(byFile, where(url), ms);
  add(byStage, stageOf(node.id), ms);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([k, ms]) => `  ${(ms / 1000).toFixed(2).padStart(6)} s  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`profiled: ${what}; sampled ${(total / 1000).toFixed(1)} s
\ninclusive time by stage:\n${top(byStage, 16)}
\ntop self time by function:\n${top(byFn, 20)}
\ntop self time by file:\n${top(byFile, 10)}`);
