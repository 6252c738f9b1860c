#!/usr/bin/env node
// `npm run bench`: throughput, start-up, memory, linearity and pathological inputs of the
// extractor in dist/, against a naive regular-expression baseline. See bench/README.md.
//
// The orchestrator (no arguments) runs every measurement in a child process of its own
// (`node bench/run.mjs --child …`), collects the `result: {…}` lines the children print on
// stdout, and prints a table and, as the last line, `bench-json: {…}`. Progress goes to stderr.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createBaseline } from './baseline.mjs';
import {
  DIST_URL, MB, PATHOLOGICAL, REPO_ROOT, buildCorpus, loadBase, median, prefix,
  sumBytes, sumChars, TARGET_BYTES, timedPass, utf8, warmSlice,
} from './lib.mjs';

const SELF = fileURLToPath(import.meta.url);
const SAMPLE = 'samples/ru-kazpravda-ashimbaev-al-habbash.txt';
const CLI = join(REPO_ROOT, 'bin', 'sobesednik.js');
/** 10 MB runs of the headline row, each in a fresh process (the median is shown). */
const SINGLE_RUNS = 3;
const log = (s) => process.stderr.write(`${s}\n`);
const emit = (obj) => process.stdout.write(`result: ${JSON.stringify(obj)}\n`);
const round = (x, d = 1) => (x == null || !Number.isFinite(x) ? x : Math.round(x * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------------------------------------
// Children

/** The heap setting the CLI makes for its own process (src/cli/heap.ts), unless the run asks for V8's defaults. */
async function tuneHeapLikeTheCli(args) {
  if (args.includes('--default-heap')) return;
  const { tuneHeap } = await import(new URL('./cli/heap.js', DIST_URL));
  tuneHeap();
}

async function childSingle(args) {
  await tuneHeapLikeTheCli(args);
  const baseline = args.includes('--baseline');
  const freshPerCopy = args.includes('--fresh-per-copy');
  const fi = args.indexOf('--fraction');
  const fraction = fi >= 0 ? Number(args[fi + 1]) : 1;
  const label = `${baseline ? 'baseline' : 'extractor'} ${fraction === 1 ? '100×' : `${Math.round(fraction * 100)}×`}${freshPerCopy ? ' fresh per copy' : ''}${args.includes('--default-heap') ? ' default heap' : ''}`;
  const liveStart = liveHeapMB();
  const { base } = loadBase();
  const corpus = buildCorpus(base);
  const articles = fraction === 1 ? corpus.articles : prefix(corpus.articles, corpus.bytes * fraction);
  // where the peak RSS comes from: the corpus (its load peak, and what it keeps) or the extractor
  const memory = { corpusLoadPeakMB: maxRssMB(), corpusLiveMB: liveHeapMB() - liveStart };
  const factory = baseline ? createBaseline : (await import(DIST_URL)).createExtractor;
  const tc = performance.now();
  const extractor = factory();
  const createMs = performance.now() - tc;
  const warm = timedPass(extractor, warmSlice(base), { progress: false });
  log(`  [${label}] warm-up ${(warm.bytes / 1000).toFixed(0)} KB in ${(warm.ms / 1000).toFixed(1)} s; timing ${(sumBytes(articles) / MB).toFixed(2)} MB…`);
  // time in garbage collection during the timed pass (main thread)
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
  gc.observe({ entryTypes: ['gc'] });
  const r = timedPass(extractor, articles, { label, fresh: freshPerCopy ? factory : null });
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the observer deliver the buffered entries
  gc.disconnect();
  memory.liveAfterMB = liveHeapMB();
  emit({ ...r, createMs, warmMs: warm.ms, gcMs, maxRssMB: maxRssMB(), memory });
}

/** Never-seen articles in a process that has already run for a while: the distinct articles split in two, the
 * first half run STEADY_WARM_PASSES times, then the second half timed once. V8 goes on optimizing the stages
 * over the first ~8 MB of a run (passes over 1 MB whose every word form is cached speed up from ~400 to
 * ~800 articles/s), so the first copy of the corpus in the main run pays for that as well as for its new
 * word forms. This is the rate a long run over fresh news settles at: new forms, but a warm compiler. */
const STEADY_WARM_PASSES = 4;
async function childSteady(args) {
  await tuneHeapLikeTheCli(args);
  const { base } = loadBase();
  const half = base.length >> 1;
  const extractor = (await import(DIST_URL)).createExtractor();
  let warmMs = 0;
  for (let k = 0; k < STEADY_WARM_PASSES; k++) warmMs += timedPass(extractor, base.slice(0, half), { progress: false }).ms;
  const r = timedPass(extractor, base.slice(half), { progress: false });
  delete r.chunks;
  emit({ ...r, warmMs, warmArticles: half * STEADY_WARM_PASSES });
}

/** Peak resident memory of this process so far. */
const maxRssMB = () => (process.resourceUsage().maxRSS * 1024) / MB;
/** Heap in use after a full collection (children run with --expose-gc). */
function liveHeapMB() {
  globalThis.gc();
  return process.memoryUsage().heapUsed / MB;
}

/** How much parallelism the machine gives right now: a fixed spin loop on 1 thread, then on 2 at once. */
async function childCalibrate() {
  const code = `const { parentPort } = require('node:worker_threads');
    const t = performance.now(); let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0;
    parentPort.postMessage({ ms: performance.now() - t, x });`;
  const spin = (n) => Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true });
    w.once('message', (m) => resolve(m.ms));
    w.once('error', reject);
  })));
  const one = (await spin(1))[0];
  const two = await spin(2);
  // 1.0: two threads run as fast as one (two free cores); 0.5: they share one core
  emit({ oneMs: one, twoMs: two, efficiency: one / Math.max(...two) });
}

async function childWorkers(args) {
  await tuneHeapLikeTheCli(args);
  const n = Number(args[args.indexOf('--threads') + 1] ?? 2);
  const { base } = loadBase();
  const { articles } = buildCorpus(base);
  const warm = warmSlice(base).map(({ id, text, bytes }) => ({ id, text, bytes }));
  const shares = Array.from({ length: n }, () => []);
  articles.forEach((a, i) => shares[i % n].push(a));
  const t0 = performance.now();
  const workers = shares.map((share, index) => new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: { distUrl: DIST_URL, articles: share, warm, index },
  }));
  const messages = (type) => Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    const onMessage = (m) => { if (m.type === type) { w.off('message', onMessage); resolve(m); } };
    w.on('message', onMessage);
    w.once('error', reject);
  })));
  const ready = await messages('ready');
  const cpu0 = process.cpuUsage();
  const tGo = performance.now();
  const donePromise = messages('done');
  for (const w of workers) w.postMessage('go');
  const done = await donePromise;
  const tEnd = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const errors = {};
  for (const d of done) for (const [k, v] of Object.entries(d.errors)) errors[k] = (errors[k] ?? 0) + v;
  emit({
    threads: n, articles: articles.length, bytes: sumBytes(articles),
    startupMs: tGo - t0, inclMs: tEnd - t0, exclMs: tEnd - tGo, cpuMs: (cpu.user + cpu.system) / 1000,
    perWorker: done.map((d, i) => ({ startupMs: ready[i].startupMs, ms: d.ms, articles: d.articles, bytes: d.bytes, distinct: d.distinct })),
    errors, crash: done.find((d) => d.crash)?.crash ?? null,
    maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  });
}

const PATHO_SIZES = [10_000, 100_000, 1_000_000];
/** A size is skipped when its time, extrapolated with the growth seen so far, would exceed this. */
const PATHO_BUDGET_MS = 30_000;

async function childPatho(args) {
  const kind = args[args.indexOf('--kind') + 1];
  const make = PATHOLOGICAL[kind];
  const { base } = loadBase();
  const { createExtractor } = await import(DIST_URL);
  const extractor = createExtractor();
  timedPass(extractor, base.slice(0, 3), { progress: false }); // first-call costs out of the way
  const sizes = kind.startsWith('one sentence') ? [10_000, 100_000, 200_000, 1_000_000] : PATHO_SIZES;
  try { extractor.extract(make(1_000, base), { lang: 'ru' }); } catch { /* reported below */ } // this shape's code paths warm
  const seen = [];
  for (const bytes of sizes) {
    if (seen.length >= 2) {
      // extrapolate t ∝ size^k with k from the last two sizes (k = 1 linear, 2 quadratic)
      const [a, b] = seen.slice(-2);
      const k = Math.max(1, Math.log(b.ms / a.ms) / Math.log(b.bytes / a.bytes));
      const predicted = b.ms * (bytes / b.bytes) ** k;
      if (predicted > PATHO_BUDGET_MS) {
        emit({ kind, bytes, skipped: `skipped: growth exponent ${k.toFixed(2)} predicts ${(predicted / 1000).toFixed(0)} s for ${bytes / 1000} KB` });
        log(`  [patho] ${kind} ${bytes / 1000} KB skipped (predicted ${(predicted / 1000).toFixed(0)} s, exponent ${k.toFixed(2)})`);
        break;
      }
    }
    const text = make(bytes, base);
    const times = [];
    let outcome = 'ok';
    // one untimed run first, so that every size is timed in the same state (its word forms cached, the code
    // optimized): timing the small sizes warm and the 1 MB document cold made linear growth read as ×13–19
    // for ×10. Then the fastest of 3–9 runs (up to ~0.5 s of them; one run when it takes over 3 s): other
    // load on the machine only ever slows a run down, and a 5 ms run taken once or as a median of 3 was at
    // times 2× slow, which made the ×10 ratio read as superlinear.
    try { extractor.extract(text, { id: 'pathological', lang: 'ru' }); } catch { /* the timed runs report it */ }
    let spent = 0;
    for (let i = 0; i === 0 || (i < 3 && times[0] < 3000) || (i < 9 && spent < 500); i++) {
      const t = performance.now();
      try {
        const r = extractor.extract(text, { id: 'pathological', lang: 'ru' });
        outcome = `ok (${r.entities.length} entities)`;
      } catch (e) {
        outcome = e?.name === 'ExtractionError' ? `ExtractionError ${e.code}` : `CRASH ${e?.name}: ${String(e?.message).slice(0, 80)}`;
      }
      times.push(performance.now() - t);
      spent += times[times.length - 1];
    }
    const ms = Math.min(...times);
    seen.push({ bytes: utf8(text), ms });
    emit({ kind, bytes: utf8(text), chars: text.length, ms, runs: times.length, outcome });
    log(`  [patho] ${kind} ${(utf8(text) / 1000).toFixed(0)} KB: ${ms.toFixed(0)} ms, ${outcome}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Orchestrator helpers

/** Runs a command; resolves with wall time, exit code, the parsed `result:` lines and stderr's tail. */
function run(cmd, args, { stdout = 'pipe', timeoutMs = 0, inheritStderr = false } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', stdout, inheritStderr ? 'inherit' : 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => { out += d; });
    child.stderr?.setEncoding('utf8').on('data', (d) => { err = (err + d).slice(-4000); });
    let timedOut = false;
    const timer = timeoutMs ? setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs) : null;
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      if (timer) clearTimeout(timer);
      const results = out.split('\n').filter((l) => l.startsWith('result: ')).map((l) => JSON.parse(l.slice(8)));
      resolve({ ms, code, signal, timedOut, results, out, err });
    });
  });
}

/** The node flags the CLI gives a batch of this corpus's size in one process (src/cli/relaunch.ts): on one or
 * two cores, one V8 platform thread. `--default-heap` runs keep node's defaults, as a library host would. */
const { POOL_FLAG, shouldRelaunch } = await import(new URL('./cli/relaunch.js', DIST_URL));
const CLI_BATCH_FLAGS = shouldRelaunch({ cores: os.availableParallelism(), inputBytes: TARGET_BYTES, execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS }) ? [POOL_FLAG] : [];
const child = (mode, extra = [], opts = {}) => {
  const flags = ['single', 'steady', 'workers'].includes(mode) && !extra.includes('--default-heap') ? CLI_BATCH_FLAGS : [];
  return run(process.execPath, ['--expose-gc', ...flags, SELF, '--child', mode, ...extra], { inheritStderr: true, ...opts });
};

function devNull() { return openSync('/dev/null', 'w'); }

function table(title, rows) {
  const w = Math.max(...rows.map((r) => r[0].length));
  return [`\n${title}`, ...rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join('\n');
}

function grid(title, header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [`\n${title}`, line(all[0]), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

const fmtErrors = (e) => (Object.keys(e ?? {}).length ? Object.entries(e).map(([k, v]) => `${k}: ${v}`).join(', ') : 'none');
const rate = (r) => ({ articlesPerS: r.articles / (r.ms / 1000), mbPerS: r.bytes / MB / (r.ms / 1000) });

// ---------------------------------------------------------------------------------------------
// Orchestrator

/** The machine's load right now: 1-minute load average and, where the kernel has it, CPU pressure. */
function load() {
  let pressure = null;
  try {
    pressure = Number(/some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? NaN);
  } catch { /* no PSI */ }
  return { loadavg1: os.loadavg()[0], cpuPressure10s: Number.isFinite(pressure) ? pressure : null };
}

async function main() {
  const started = performance.now();
  const distFile = fileURLToPath(DIST_URL);
  if (!existsSync(distFile)) {
    log(`bench: ${distFile} is missing; run "npm run build" first`);
    process.exit(2);
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version,
    platform: `${os.platform()} ${os.release()}`, memoryGB: round(os.totalmem() / 1e9, 1), date: new Date().toISOString(),
  };
  const { files, base } = loadBase();
  const corpus = buildCorpus(base);
  const baseBytes = sumBytes(base);
  const corpusInfo = {
    files, baseArticles: base.length, baseMB: baseBytes / MB, articles: corpus.articles.length,
    MB: corpus.bytes / MB, chars: sumChars(corpus.articles), copies: corpus.copies,
    meanArticleBytes: corpus.bytes / corpus.articles.length, meanArticleChars: sumChars(corpus.articles) / corpus.articles.length,
  };
  log(`bench: corpus ${corpusInfo.MB.toFixed(2)} MB, ${corpusInfo.articles} articles (${base.length} distinct, ${(baseBytes / MB).toFixed(2)} MB, repeated ×${corpus.copies.toFixed(2)})`);
  const json = { machine, corpus: corpusInfo, cliBatchFlags: CLI_BATCH_FLAGS, load: { start: load() } };

  // 1. createExtractor() in a fresh process, median of 5
  log('bench: createExtractor() ×5 (fresh processes)…');
  const code = 'const t0=performance.now();import(process.argv[1]).then(m=>{const t1=performance.now();const r0=process.memoryUsage().rss;'
    + 'const ex=m.createExtractor();const t2=performance.now();'
    + 'console.log("result: "+JSON.stringify({importMs:t1-t0,createMs:t2-t1,rssBeforeMB:r0/1e6,rssMB:process.memoryUsage().rss/1e6}))})';
  const creates = [];
  for (let i = 0; i < 5; i++) {
    const r = await run(process.execPath, ['-e', code, DIST_URL]);
    if (!r.results.length) throw new Error(`createExtractor child failed (exit ${r.code}): ${r.err}`);
    creates.push(r.results[0]);
  }
  json.create = {
    createMs: median(creates.map((c) => c.createMs)), importMs: median(creates.map((c) => c.importMs)),
    rssMB: median(creates.map((c) => c.rssMB)), rssBeforeMB: median(creates.map((c) => c.rssBeforeMB)),
    runsMs: creates.map((c) => round(c.createMs)),
  };

  // 2. CLI cold start on one article, median of 7
  log('bench: CLI cold start ×7…');
  const colds = [];
  for (let i = 0; i < 7; i++) {
    const fd = devNull();
    const r = await run(process.execPath, [CLI, SAMPLE], { stdout: fd });
    closeSync(fd);
    if (r.code !== 0) log(`  CLI exited with ${r.code}: ${r.err.trim().split('\n').pop()}`);
    colds.push(r.ms);
  }
  json.cliColdStart = { ms: median(colds), runsMs: colds.map((x) => round(x)) };

  // 3. one thread, the real extractor over the whole corpus (this is also the 100× linearity point), in
  //    SINGLE_RUNS fresh processes: on a shared machine one run can be 30% off the next, so the rows show
  //    the median run and the report gives the spread
  json.load.single = load();
  const singles = [];
  for (let k = 0; k < SINGLE_RUNS; k++) {
    log(`bench: one thread, extractor, 100× (whole corpus), run ${k + 1} of ${SINGLE_RUNS}…`);
    const r = (await child('single')).results[0];
    if (!r) throw new Error('the single-thread child failed');
    singles.push(r);
  }
  const single = [...singles].sort((a, b) => a.ms - b.ms)[SINGLE_RUNS >> 1];
  json.single = { ...single, ...rate(single), distinctRate: rate(single.distinct), repeatedRate: single.repeated.articles ? rate(single.repeated) : null };
  json.single.runsArticlesPerS = singles.map((r) => round(rate(r).articlesPerS, 1));
  delete json.single.chunks;
  json.single.chunkMBperS = single.chunks.map((c) => round(c.bytes / MB / (c.ms / 1000), 3));
  json.single.cpuMBperS = single.bytes / MB / (single.cpuMs / 1000);
  log('bench: one thread, never-seen articles in a warm process…');
  const steady = (await child('steady')).results[0];
  if (!steady) throw new Error('the steady-state child failed');
  json.steady = { ...steady, ...rate(steady) };
  // the library in a host that keeps node's defaults (the CLI turns pretenuring off, and runs a batch with one V8 platform thread)
  log('bench: one thread, extractor, 100×, node\'s defaults…');
  const plain = (await child('single', ['--default-heap'])).results[0];
  if (!plain) throw new Error('the default-heap child failed');
  json.singleDefaultHeap = { ...rate(plain), ms: plain.ms, maxRssMB: plain.maxRssMB, gcMs: plain.gcMs, liveAfterMB: plain.memory.liveAfterMB };

  // 4. linearity: 1× and 10× prefixes, each in a fresh warm process with the same warm-up; and the
  //    100× pass again with the extractor re-created (untimed) for each copy of the corpus, because the
  //    repeated copies otherwise run on warm caches and make 100× look better than new text would
  const lin = { '100x': { articles: single.articles, bytes: single.bytes, ms: single.ms } };
  for (const [key, args] of [['1x', ['--fraction', '0.01']], ['10x', ['--fraction', '0.1']], ['100x-fresh', ['--fresh-per-copy']]]) {
    log(`bench: linearity ${key}…`);
    const r = (await child('single', args)).results[0];
    if (!r) throw new Error(`the linearity child ${key} failed`);
    lin[key] = { articles: r.articles, bytes: r.bytes, ms: r.ms, excludedMs: r.excludedMs };
  }
  json.linearity = {
    ...lin,
    ratio10to1: lin['10x'].ms / lin['1x'].ms,
    ratio100to1: lin['100x'].ms / lin['1x'].ms,
    ratio100freshTo1: lin['100x-fresh'].ms / lin['1x'].ms,
    sizeRatio10to1: lin['10x'].bytes / lin['1x'].bytes,
    sizeRatio100to1: lin['100x'].bytes / lin['1x'].bytes,
  };

  // 5. the naive baseline, same corpus, one thread
  log('bench: one thread, baseline…');
  const bl = (await child('single', ['--baseline'])).results[0];
  if (!bl) throw new Error('the baseline child failed');
  json.baseline = { ...bl, ...rate(bl) };
  delete json.baseline.chunks;
  json.realToBaseline = { throughput: json.single.mbPerS / json.baseline.mbPerS, slowdown: json.baseline.mbPerS / json.single.mbPerS };

  // 6. two worker threads, after measuring how much parallelism the machine gives right now
  log('bench: calibrating parallelism (spin loop on 1 and 2 threads)…');
  json.calibration = (await child('calibrate')).results[0] ?? null;
  log('bench: 2 worker threads…');
  json.load.workers = load();
  const wk = (await child('workers', ['--threads', '2'])).results[0];
  if (!wk) throw new Error('the worker-threads child failed');
  json.calibrationAfter = (await child('calibrate')).results[0] ?? null;
  json.workers2 = {
    ...wk,
    incl: { articlesPerS: wk.articles / (wk.inclMs / 1000), mbPerS: wk.bytes / MB / (wk.inclMs / 1000) },
    excl: { articlesPerS: wk.articles / (wk.exclMs / 1000), mbPerS: wk.bytes / MB / (wk.exclMs / 1000) },
    speedupExcl: single.ms / wk.exclMs,
    cpuMBperS: wk.bytes / MB / (wk.cpuMs / 1000),
  };

  // 7. the CLI on a JSONL file of the same corpus, in one process (--jobs 1) and with 2 worker threads; it
  //    detects each document's language, as a user's run does unless --lang is given
  const help = await run(process.execPath, [CLI, '--help']);
  if (/--jobs\b/.test(help.out)) {
    const dir = mkdtempSync(join(os.tmpdir(), 'sobesednik-bench-'));
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, corpus.articles.map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n') + '\n');
    json.load.cli = load();
    for (const jobs of [1, 2]) {
      log(`bench: CLI --jobs ${jobs} on a JSONL file of the corpus…`);
      const fd = devNull();
      const r = await run(process.execPath, [CLI, '--jobs', String(jobs), '--input', 'jsonl', file], { stdout: fd });
      closeSync(fd);
      json[`cliJobs${jobs}`] = {
        available: true, ms: r.ms, exitCode: r.code, articles: corpus.articles.length, bytes: corpus.bytes,
        docsPerS: corpus.articles.length / (r.ms / 1000), mbPerS: corpus.bytes / MB / (r.ms / 1000),
        stderrTail: r.err.trim().split(/[\r\n]+/).slice(-2).join(' | ').slice(0, 300),
      };
    }
    rmSync(dir, { recursive: true, force: true });
  } else {
    log('bench: cli --jobs: not available');
    json.cliJobs1 = json.cliJobs2 = { available: false };
  }

  // 8. pathological inputs, one child per kind (a stuck kind is killed after 100 s)
  json.pathological = [];
  for (const kind of Object.keys(PATHOLOGICAL)) {
    log(`bench: pathological: ${kind}…`);
    const r = await child('patho', ['--kind', kind], { timeoutMs: 100_000 });
    const rows = r.results;
    if (r.timedOut) rows.push({ kind, skipped: 'killed after 100 s' });
    else if (r.code !== 0) rows.push({ kind, skipped: `child exited with ${r.code ?? r.signal}` });
    const measured = rows.filter((x) => x.ms != null);
    const one = measured[0];
    const last = measured.at(-1);
    const ten = measured.find((x) => x.bytes >= 95_000 && x.bytes <= 105_000);
    const hundred = measured.find((x) => x.bytes >= 950_000);
    json.pathological.push({
      kind, rows,
      ratio10: one && ten ? ten.ms / one.ms : null,
      ratio100: one && hundred ? hundred.ms / one.ms : null,
      // log-log slope between the two largest measured sizes: 1 linear, 2 quadratic
      exponent: measured.length >= 2 ? Math.log(last.ms / measured.at(-2).ms) / Math.log(last.bytes / measured.at(-2).bytes) : null,
      note: rows.find((x) => x.skipped)?.skipped ?? null,
    });
  }

  json.load.end = load();
  json.benchSeconds = (performance.now() - started) / 1000;
  printReport(json);
  process.stdout.write(`bench-json: ${JSON.stringify(json, (k, v) => (typeof v === 'number' ? round(v, 3) : v))}\n`);
}

function printReport(j) {
  const out = [];
  const s = j.single;
  const b = j.baseline;
  const w = j.workers2;
  const L = j.linearity;
  const loads = Object.entries(j.load).map(([k, v]) => `${k} ${v.loadavg1.toFixed(1)}${v.cpuPressure10s != null ? ` (${v.cpuPressure10s.toFixed(0)}%)` : ''}`).join(', ');
  out.push(table('Machine', [
    ['cpu', `${j.machine.cpu} × ${j.machine.cores} cores, ${j.machine.memoryGB} GB`],
    ['node', `${j.machine.node} (${j.machine.platform})`],
    ['date', j.machine.date],
    ['load average (CPU pressure)', loads],
  ]));
  const maxLoad = Math.max(...Object.values(j.load).map((v) => v.loadavg1));
  if (maxLoad > j.machine.cores) out.push(`  WARNING: load average ${maxLoad.toFixed(1)} > ${j.machine.cores} cores: other processes shared the CPU; wall times are inflated and noisy, trust the ratios and the CPU-time rates more`);
  out.push(table('Corpus (../shared/corpus/*.jsonl, shuffled with a fixed seed, repeated to ≥ 10 MB; MB = 10^6 UTF-8 bytes)', [
    ['text', `${j.corpus.MB.toFixed(2)} MB, ${j.corpus.articles} articles (${j.corpus.baseArticles} distinct = ${j.corpus.baseMB.toFixed(2)} MB, ×${j.corpus.copies.toFixed(2)})`],
    ['mean article', `${(j.corpus.meanArticleBytes / 1000).toFixed(2)} KB (${Math.round(j.corpus.meanArticleChars)} chars)`],
  ]));
  out.push(table('Start-up', [
    ['createExtractor()', `${j.create.createMs.toFixed(0)} ms median of 5 fresh processes (runs: ${j.create.runsMs.map((x) => x.toFixed(0)).join(', ')}); import of dist before it: ${j.create.importMs.toFixed(0)} ms`],
    ['RSS after createExtractor()', `${j.create.rssMB.toFixed(0)} MB (${j.create.rssBeforeMB.toFixed(0)} MB after import, before create)`],
    ['CLI cold start, one article', `${j.cliColdStart.ms.toFixed(0)} ms median of 7 (runs: ${j.cliColdStart.runsMs.map((x) => x.toFixed(0)).join(', ')})`],
  ]));
  const thr = [
    ['extractor, 1 thread (warm; the CLI\'s batch flags)', s.articles, (s.ms / 1000).toFixed(1), s.articlesPerS.toFixed(1), s.mbPerS.toFixed(3), s.cpuMBperS.toFixed(3), s.maxRssMB.toFixed(0), fmtErrors(s.errors)],
    ['  of which distinct text (copy 1)', s.distinct.articles, (s.distinct.ms / 1000).toFixed(1), s.distinctRate.articlesPerS.toFixed(1), s.distinctRate.mbPerS.toFixed(3), '', '', ''],
    ['  of which repeated copies (warm caches)', s.repeated.articles, (s.repeated.ms / 1000).toFixed(1), s.repeatedRate ? s.repeatedRate.articlesPerS.toFixed(1) : '—', s.repeatedRate ? s.repeatedRate.mbPerS.toFixed(3) : '—', '', '', ''],
    [`extractor, 1 thread: never-seen half, warm process ¹`, j.steady.articles, (j.steady.ms / 1000).toFixed(1), j.steady.articlesPerS.toFixed(1), j.steady.mbPerS.toFixed(3), '', '', fmtErrors(j.steady.errors)],
    ['extractor, 2 worker threads, excl. start-up', w.articles, (w.exclMs / 1000).toFixed(1), w.excl.articlesPerS.toFixed(1), w.excl.mbPerS.toFixed(3), w.cpuMBperS.toFixed(3), w.maxRssMB.toFixed(0), fmtErrors(w.errors)],
    ['extractor, 2 worker threads, incl. start-up', w.articles, (w.inclMs / 1000).toFixed(1), w.incl.articlesPerS.toFixed(1), w.incl.mbPerS.toFixed(3), '', '', ''],
  ];
  for (const jobs of [1, 2]) {
    const c = j[`cliJobs${jobs}`];
    if (c.available) thr.push([`CLI --jobs ${jobs} --input jsonl (whole process)`, c.articles, (c.ms / 1000).toFixed(1), c.docsPerS.toFixed(1), c.mbPerS.toFixed(3), '', '', `exit ${c.exitCode}`]);
  }
  thr.push(['naive baseline, 1 thread (warm)', b.articles, (b.ms / 1000).toFixed(2), b.articlesPerS.toFixed(0), b.mbPerS.toFixed(2), (b.bytes / MB / (b.cpuMs / 1000)).toFixed(2), b.maxRssMB.toFixed(0), fmtErrors(b.errors)]);
  out.push(grid('Throughput over the whole corpus (wall time; "MB/CPU-s" divides by the CPU time of all threads)', ['run', 'articles', 's', 'articles/s', 'MB/s', 'MB/CPU-s', 'peak RSS MB', 'errors'], thr));
  out.push(`  ¹ the distinct articles' second half, after ${j.steady.warmArticles} articles (the first half run ${STEADY_WARM_PASSES}×, ${(j.steady.warmMs / 1000).toFixed(1)} s): what a long run over fresh news settles at`);
  if (!j.cliJobs2.available) out.push('  cli --jobs: not available');
  const cal = j.calibration;
  out.push(table('Ratios and details', [
    ['real / baseline throughput', `${j.realToBaseline.throughput.toFixed(4)} (the baseline is ×${j.realToBaseline.slowdown.toFixed(0)} faster; ×${(b.mbPerS / s.distinctRate.mbPerS).toFixed(0)} against distinct text)`],
    ['2 threads / 1 thread (excl. start-up)', `×${w.speedupExcl.toFixed(2)}`],
    ...[['before', cal], ['after', j.calibrationAfter]].map(([when, c]) => [`parallelism available ${when} (spin loop)`,
      c ? `1 thread ${c.oneMs.toFixed(0)} ms, 2 threads ${c.twoMs.map((x) => x.toFixed(0)).join(' / ')} ms: efficiency ${c.efficiency.toFixed(2)} (1.0 = two free cores, 0.5 = one)` : '—']),
    ['2-thread start-up (spawn, import, create, warm-up)', `${w.startupMs.toFixed(0)} ms (per worker: ${w.perWorker.map((p) => p.startupMs.toFixed(0)).join(' / ')} ms)`],
    ['2-thread per-worker pass', w.perWorker.map((p) => `${(p.ms / 1000).toFixed(1)} s for ${(p.bytes / MB).toFixed(2)} MB`).join(' / ')],
    ['1-thread memory', s.memory ? `peak RSS ${s.maxRssMB.toFixed(0)} MB; loading the corpus peaked at ${s.memory.corpusLoadPeakMB.toFixed(0)} MB RSS and keeps ${s.memory.corpusLiveMB.toFixed(0)} MB of heap; live heap after the pass (full GC) ${s.memory.liveAfterMB.toFixed(0)} MB, corpus and extractor caches included` : '—'],
    ['1 thread with node\'s defaults', (() => { const d = j.singleDefaultHeap; return `${d.articlesPerS.toFixed(1)} articles/s, peak RSS ${d.maxRssMB.toFixed(0)} MB, GC ${(d.gcMs / 1000).toFixed(1)} s: the library in a host that keeps V8's heap flags and platform threads (the CLI's batch flags: ${['heap: src/cli/heap.ts', ...(j.cliBatchFlags.length ? [`${j.cliBatchFlags.join(' ')}: src/cli/relaunch.ts`] : [])].join('; ')})`; })()],
    ['1-thread GC time in the pass', `${(s.gcMs / 1000).toFixed(1)} s (${((100 * s.gcMs) / s.ms).toFixed(0)}% of the wall time)`],
    ['1 thread, runs in fresh processes', `${s.runsArticlesPerS.map((x) => x.toFixed(0)).join(', ')} articles/s, in order (the rows above show the median run)`],
    ['1-thread CPU / wall', `${(s.cpuMs / s.ms).toFixed(2)} (above 1: V8's background threads, mostly its optimizing compiler, then GC)`],
    ['1-thread MB/s per ~1 MB chunk, in order', s.chunkMBperS.map((x) => x.toFixed(2)).join(' ')],
  ]));
  out.push(grid('Linearity (1× ≈ 100 KB; 1× and 10× are prefixes run in fresh warm processes; 100× is the 1-thread run)', ['size', 'articles', 'KB', 'ms', 'MB/s', 't / t(1×)', 'size ratio'],
    [['1x', '1×'], ['10x', '10×'], ['100x', '100×'], ['100x-fresh', '100×, extractor re-created per copy']].map(([k, name]) => [name, L[k].articles, (L[k].bytes / 1000).toFixed(0), L[k].ms.toFixed(0), (L[k].bytes / MB / (L[k].ms / 1000)).toFixed(3), (L[k].ms / L['1x'].ms).toFixed(1), (L[k].bytes / L['1x'].bytes).toFixed(1)])));
  out.push(`  t(100×)/t(1×) = ${L.ratio100to1.toFixed(1)} (target ≤ 110: ${L.ratio100to1 <= 110 ? 'met' : 'NOT MET'}); with the extractor re-created per copy: ${L.ratio100freshTo1.toFixed(1)} (${L.ratio100freshTo1 <= 110 ? 'met' : 'NOT MET'})`);
  if (j.corpus.copies > 1.05) out.push(`  note: only ${j.corpus.baseMB.toFixed(2)} MB of the 100× text is distinct; the plain 100× run reuses its caches on the repeats, so its ratio flatters the extractor`);
  const prow = [];
  for (const p of j.pathological) {
    const cell = (lo, hi) => {
      const r = p.rows.find((x) => x.bytes >= lo && x.bytes <= hi);
      if (!r) return '—';
      if (r.skipped) return 'skipped';
      return `${r.ms.toFixed(0)}${r.outcome.startsWith('ok') ? '' : ' !'}`;
    };
    prow.push([p.kind, cell(9_000, 11_000), cell(95_000, 105_000), cell(950_000, 1_100_000),
      p.ratio10 == null ? '—' : p.ratio10.toFixed(1), p.ratio100 == null ? '—' : p.ratio100.toFixed(1),
      p.exponent == null ? '—' : p.exponent.toFixed(2),
      p.rows.filter((r) => r.outcome && !r.outcome.startsWith('ok')).map((r) => r.outcome).slice(0, 1).join('') || (p.note ?? 'ok')]);
  }
  out.push(grid('Pathological documents (lang: ru; ms, fastest of 3–9 runs, 1 run over 3 s; linear: ×10 ≈ 10, ×100 ≈ 100, exponent ≈ 1)', ['document', '10 KB', '100 KB', '1 MB', '×10', '×100', 'exponent', 'outcome'], prow));
  const sent = j.pathological.find((p) => p.kind.startsWith('one sentence'))?.rows.find((r) => r.bytes >= 190_000 && r.bytes <= 210_000 && r.ms != null);
  if (sent) out.push(`  the 200 KB single sentence: ${sent.ms.toFixed(0)} ms, ${sent.outcome}`);
  // superlinear: 10× the size takes over 20× the time, 100× over 200×, or the growth exponent between the two
  // largest sizes is above 1.6 (a quadratic step gives 2; a 1 MB document's own heap, all of it live, already
  // makes GC and cache misses grow the time per byte by up to ~2× over 100 KB, an exponent of 1.2–1.5)
  const quad = j.pathological.filter((p) => (p.ratio10 != null && p.ratio10 > 20) || (p.ratio100 != null && p.ratio100 > 200) || (p.exponent != null && p.exponent > 1.6));
  if (quad.length) out.push(`  SUPERLINEAR: ${quad.map((p) => `${p.kind} (×${p.ratio10?.toFixed(0)} time for ×10 size; exponent ${p.exponent?.toFixed(2)})`).join(', ')}`);
  out.push(`\nbench took ${j.benchSeconds.toFixed(0)} s`);
  process.stdout.write(out.join('\n') + '\n\n');
}

// ---------------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const mode = argv[1];
  const rest = argv.slice(2);
  const run = { single: childSingle, steady: childSteady, workers: childWorkers, patho: childPatho, calibrate: childCalibrate }[mode];
  if (!run) { log(`unknown child mode ${mode}`); process.exit(2); }
  await run(rest);
} else {
  await main();
}
