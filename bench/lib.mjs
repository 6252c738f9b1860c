// Shared helpers of the benchmark: the corpus, one timed pass, pathological documents.
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(BENCH_DIR, '..');
export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus');
export const DIST_URL = pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'index.js')).href;

/** Text sizes are UTF-8 bytes; 1 MB = 10^6 bytes (memory too). */
export const MB = 1e6;
export const TARGET_BYTES = 10 * MB;
/** The warm-up slice: the last ~50 KB of the (unrepeated) corpus, so it overlaps little with the 1× prefix. */
export const WARM_BYTES = 50_000;

const utf8 = (s) => Buffer.byteLength(s, 'utf8');

/** A small deterministic PRNG, so every process sees the same article order. */
function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The articles of ../shared/corpus/*.jsonl (those with a non-empty `text`), shuffled with a fixed seed. */
/** The lines of a file, read 1 MB at a time: reading the 15 MB NEREL file whole left ~40 MB of
 * resident memory behind that counted in every child's peak RSS. */
function* jsonLines(path) {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let rest = Buffer.alloc(0);
  try {
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      const buf = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let from = 0;
      for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, from)) {
        yield buf.toString('utf8', from, nl);
        from = nl + 1;
      }
      rest = Buffer.from(buf.subarray(from));
    }
    if (rest.length) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function loadBase() {
  const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl')).sort();
  const base = [];
  for (const f of files) {
    let i = 0;
    for (const line of jsonLines(join(CORPUS_DIR, f))) {
      i++;
      if (!line.trim()) continue;
      const o = JSON.parse(line);
      if (typeof o.text !== 'string' || !o.text.trim()) continue;
      base.push({ id: `${f.replace(/\.jsonl$/, '')}:${o.id ?? i}`, text: o.text, bytes: utf8(o.text) });
    }
  }
  // a shuffled order makes every prefix (1×, 10×) a fair sample of the whole corpus
  const rand = mulberry32(20261127);
  for (let i = base.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [base[i], base[j]] = [base[j], base[i]];
  }
  return { files, base };
}

/** The base articles repeated (in the same order) until there are at least minBytes of text. */
export function buildCorpus(base, minBytes = TARGET_BYTES) {
  const articles = [];
  let bytes = 0;
  for (let copy = 0; bytes < minBytes; copy++) {
    for (const a of base) {
      articles.push({ id: copy ? `${a.id}#${copy}` : a.id, text: a.text, bytes: a.bytes });
      bytes += a.bytes;
      if (bytes >= minBytes) break;
    }
  }
  return { articles, bytes, copies: bytes / base.reduce((s, a) => s + a.bytes, 0) };
}

/** The shortest prefix of articles with at least minBytes of text. */
export function prefix(articles, minBytes) {
  const out = [];
  let bytes = 0;
  for (const a of articles) {
    if (bytes >= minBytes) break;
    out.push(a);
    bytes += a.bytes;
  }
  return out;
}

/** The warm-up slice: articles from the end of the base list, ~WARM_BYTES. */
export function warmSlice(base) {
  return prefix([...base].reverse(), WARM_BYTES);
}

export const sumBytes = (arts) => arts.reduce((s, a) => s + a.bytes, 0);
export const sumChars = (arts) => arts.reduce((s, a) => s + a.text.length, 0);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Extracts every article once; errors are counted, never thrown. Returns wall and CPU time, per-chunk
 * rates, and the split between distinct text (copy 0 of the corpus) and repeated copies (ids with `#`).
 * `fresh` (optional): a factory called, untimed, before each new copy of the corpus, so that the
 * extractor's own caches start empty for every copy.
 */
export function timedPass(extractor, articles, { label = 'pass', lang = 'ru', chunkBytes = MB, progress = true, fresh = null } = {}) {
  const errors = {};
  let crash = null;
  const chunks = [];
  let chunkStart = performance.now();
  let chunkB = 0;
  let done = 0;
  let lastReport = performance.now();
  const total = sumBytes(articles);
  const copyOf = (a) => Number(a.id.split('#')[1] ?? 0);
  let copy = 0;
  let excluded = 0; // wall time spent in `fresh` (not counted)
  let excludedCpu = 0;
  let distinct = null; // { articles, bytes, ms } of copy 0, set when copy 1 starts
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const a of articles) {
    if (copyOf(a) !== copy) {
      if (!distinct) distinct = { articles: n, bytes: done, ms: performance.now() - t0 };
      copy = copyOf(a);
      if (fresh) {
        const t = performance.now();
        const c = process.cpuUsage();
        extractor = fresh();
        const d = process.cpuUsage(c);
        excludedCpu += (d.user + d.system) / 1000;
        excluded += performance.now() - t;
        chunkStart += performance.now() - t;
      }
    }
    n++;
    try {
      extractor.extract(a.text, { id: a.id, lang });
    } catch (e) {
      const code = e?.name === 'ExtractionError' ? e.code : 'crash';
      errors[code] = (errors[code] ?? 0) + 1;
      if (code === 'crash' && !crash) crash = `${a.id}: ${e?.name}: ${e?.message}`;
    }
    done += a.bytes;
    chunkB += a.bytes;
    const now = performance.now();
    if (chunkB >= chunkBytes) {
      chunks.push({ bytes: chunkB, ms: now - chunkStart });
      chunkB = 0;
      chunkStart = now;
    }
    if (progress && now - lastReport > 10_000) {
      lastReport = now;
      process.stderr.write(`  [${label}] ${(done / MB).toFixed(2)}/${(total / MB).toFixed(2)} MB, ${((now - t0) / 1000).toFixed(0)} s\n`);
    }
  }
  const ms = performance.now() - t0 - excluded;
  const cpu = process.cpuUsage(cpu0);
  if (chunkB > 0) chunks.push({ bytes: chunkB, ms: performance.now() - chunkStart });
  distinct ??= { articles: articles.length, bytes: total, ms };
  const repeated = { articles: articles.length - distinct.articles, bytes: total - distinct.bytes, ms: ms - distinct.ms };
  return {
    articles: articles.length, bytes: total, chars: sumChars(articles), ms, cpuMs: (cpu.user + cpu.system) / 1000 - excludedCpu,
    errors, crash, chunks, distinct, repeated, excludedMs: excluded,
  };
}

// ---------------------------------------------------------------------------------------------
// Pathological documents (issue 6): each kind is built to a target size in UTF-8 bytes.

/** A text of `unit` repeated to at least `bytes` bytes. */
const repeatTo = (unit, bytes) => unit.repeat(Math.ceil(bytes / utf8(unit)));

/** Running prose with every punctuation mark and line break removed: one sentence of `bytes` bytes. */
function sentenceOf(bytes, base) {
  let out = '';
  for (const a of base) {
    out += a.text.replace(/[^\p{L}\p{N}]+/gu, ' ');
    if (utf8(out) >= bytes + 1000) break;
  }
  // cut at a space near the target size (Cyrillic is two bytes a letter)
  let s = out;
  while (utf8(s) > bytes) s = s.slice(0, Math.floor(s.length * (bytes / utf8(s))) - 1);
  return s.slice(0, s.lastIndexOf(' ')).trim() || s;
}

export const PATHOLOGICAL = {
  'caps («ООН ООН …»)': (bytes) => repeatTo('ООН ', bytes),
  'quotes nested («««…»»»)': (bytes) => {
    const k = Math.ceil(bytes / 4); // « and » are two bytes each
    return '«'.repeat(k) + 'ООН' + '»'.repeat(k);
  },
  'quotes runs («««ООН»»» …)': (bytes) => repeatTo('«««ООН»»» ', bytes),
  'hyphens («-—-—»)': (bytes) => repeatTo('-—', bytes),
  'dots («. . .»)': (bytes) => repeatTo('. ', bytes),
  'one sentence, no punctuation': (bytes, base) => sentenceOf(bytes, base),
};

export { utf8 };
