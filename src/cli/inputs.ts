// Where documents come from: files, folders, glob patterns, standard input, JSONL lines. Each
// yields either a text to extract or an error that becomes that document's error record.
// Nothing here holds more than one document (or one JSONL line, capped) at a time.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { addAbortSignal, type Readable } from 'node:stream';
import { decodeUtf8, InputError } from '../read/decode.js';
import { bomEncoding, decodeAs, decodeText, detectSingleByte, iconvLite, type EncodingName, type SingleByte } from './encoding.js';
import { glob, isGlob } from './glob.js';

export interface InputDoc {
  id: string;
  text?: string;
  date?: string | null;
  error?: { code: string; message: string };
  /** Where it came from, for messages: «file.txt», «file.jsonl:3». */
  origin: string;
}

/** One input after expanding folders and patterns. */
export type Source =
  | { kind: 'stdin'; jsonl: boolean }
  | { kind: 'file'; path: string; id: string; jsonl: boolean; size: number; expanded?: boolean }
  | { kind: 'error'; path: string; id: string; error: { code: string; message: string }; expanded?: boolean };

export interface ReadOptions {
  /** --encoding: no guessing. */
  encoding?: EncodingName;
  /** --max-chars: longer documents become `too-long` error records without being processed. */
  maxChars: number;
  /** --id, for a single text document. */
  id?: string;
  /** A warning for stderr (without the «sobesednik: » prefix). */
  warn(message: string): void;
  /** Stops reading (SIGINT, closed output): open streams are destroyed. */
  signal: AbortSignal;
  /** Bytes consumed so far, for the progress line. */
  onBytes?(n: number): void;
}

const FILE_ERRORS: Record<string, [string, string]> = {
  ENOENT: ['not-found', 'no such file'],
  EISDIR: ['is-directory', 'is a directory, not a file'],
  EACCES: ['unreadable', 'permission denied'],
  EPERM: ['unreadable', 'permission denied'],
};

function fileError(e: unknown): { code: string; message: string } {
  if (e instanceof InputError) return { code: e.code, message: e.message };
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const [c, m] = FILE_ERRORS[code] ?? ['unreadable', `cannot read (${code || (e as Error).message})`];
  return { code: c, message: m };
}

export function isJsonlPath(path: string): boolean {
  return ['.jsonl', '.ndjson'].includes(extname(path).toLowerCase());
}

export function idFromPath(path: string): string {
  return basename(path, extname(path)) || path;
}

/** A path below a folder or pattern base → its id: the relative path without the extension. */
function relativeId(base: string, path: string): string {
  const rel = relative(base || '.', path).split('\\').join('/');
  const ext = extname(rel);
  return (ext ? rel.slice(0, -ext.length) : rel) || idFromPath(path);
}

function tooLong(maxChars: number, what = 'text'): { code: string; message: string } {
  return { code: 'too-long', message: `${what} is longer than --max-chars (${maxChars} characters); not processed` };
}

/** `*.txt` files under a folder, recursively, sorted by name at each level; hidden names are skipped. */
function walkFolder(root: string, out: Source[], kind: (p: string) => boolean, seen = new Set<string>()): void {
  const visit = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      out.push({ kind: 'error', path: dir, id: relativeId(root, dir) || idFromPath(dir), error: fileError(e), expanded: true });
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (name.startsWith('.')) continue; // hidden files and folders (.git, .cache) are not documents
      const path = join(dir, name);
      let st;
      try {
        st = statSync(path);
      } catch (e) {
        if (name.toLowerCase().endsWith('.txt')) out.push({ kind: 'error', path, id: relativeId(root, path), error: fileError(e), expanded: true });
        continue;
      }
      if (st.isDirectory()) {
        const key = `${st.dev}:${st.ino}`; // symbolic-link loops
        if (seen.has(key)) continue;
        seen.add(key);
        visit(path);
      } else if (st.isFile() && name.toLowerCase().endsWith('.txt')) {
        out.push({ kind: 'file', path, id: relativeId(root, path), jsonl: kind(path), size: st.size, expanded: true });
      }
    }
  };
  try { const st = statSync(root); seen.add(`${st.dev}:${st.ino}`); } catch { /* reported by visit */ }
  visit(root);
}

/**
 * Command-line arguments → sources, in order: "-" is standard input; a folder gives its `*.txt`
 * files (recursively, sorted); a path that does not exist but has `*` or `?` is a glob pattern.
 */
export function expandInputs(args: string[], input?: 'text' | 'jsonl'): Source[] {
  const jsonl = (p: string) => input === 'jsonl' || (input !== 'text' && isJsonlPath(p));
  const out: Source[] = [];
  for (const arg of args.length ? args : ['-']) {
    if (arg === '-') { out.push({ kind: 'stdin', jsonl: input === 'jsonl' }); continue; }
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && isGlob(arg)) {
        const { base, files } = glob(arg);
        if (!files.length) out.push({ kind: 'error', path: arg, id: arg, error: { code: 'not-found', message: 'no file matches this pattern' } });
        for (const f of files) {
          let size = 0;
          try { size = statSync(f).size; } catch { /* reported when read */ }
          out.push({ kind: 'file', path: f, id: relativeId(base, f), jsonl: jsonl(f), size, expanded: true });
        }
        continue;
      }
      out.push({ kind: 'error', path: arg, id: idFromPath(arg), error: fileError(e) });
      continue;
    }
    if (st.isDirectory()) {
      const before = out.length;
      walkFolder(arg, out, jsonl);
      if (out.length === before) out.push({ kind: 'error', path: arg, id: idFromPath(arg), error: { code: 'is-directory', message: 'is a directory with no .txt files' }, expanded: true });
      continue;
    }
    out.push({ kind: 'file', path: arg, id: idFromPath(arg), jsonl: jsonl(arg), size: st.size });
  }
  return out;
}

/** The most bytes a text of maxChars characters can take in any supported encoding (UTF-8: 3 per UTF-16 unit). */
const maxTextBytes = (maxChars: number) => 3 * maxChars + 3;

function decodeDoc(bytes: Uint8Array, id: string, origin: string, opts: ReadOptions): InputDoc {
  try {
    const d = decodeText(bytes, opts.encoding);
    if (d.guessed) opts.warn(`${origin}: decoded as ${d.encoding}`);
    if (d.text.length > opts.maxChars) return { id, origin, error: tooLong(opts.maxChars) };
    return { id, origin, text: d.text };
  } catch (e) {
    return { id, origin, error: fileError(e) };
  }
}

/** A whole plain-text file. */
export function readTextFile(path: string, id: string, opts: ReadOptions): InputDoc {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { id, origin: path, error: { code: 'is-directory', message: 'is a directory, not a file' } };
    if (st.size > maxTextBytes(opts.maxChars)) { opts.onBytes?.(st.size); return { id, origin: path, error: tooLong(opts.maxChars, 'file') }; }
    const bytes = readFileSync(path);
    opts.onBytes?.(bytes.length);
    return decodeDoc(bytes, id, path, opts);
  } catch (e) {
    return { id, origin: path, error: fileError(e) };
  }
}

/** All of standard input as one document (reading stops keeping bytes past the limit). */
export async function readStdinText(id: string, opts: ReadOptions): Promise<InputDoc> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = addAbortSignal(opts.signal, process.stdin);
  try {
    for await (const c of stream) {
      size += (c as Buffer).length;
      opts.onBytes?.((c as Buffer).length);
      if (size <= maxTextBytes(opts.maxChars)) chunks.push(c as Buffer);
      else chunks.length = 0;
    }
  } catch (e) {
    if (opts.signal.aborted) return { id, origin: 'stdin', error: { code: 'interrupted', message: 'interrupted' } };
    return { id, origin: 'stdin', error: fileError(e) };
  }
  if (size > maxTextBytes(opts.maxChars)) return { id, origin: 'stdin', error: tooLong(opts.maxChars) };
  return decodeDoc(Buffer.concat(chunks), id, 'stdin', opts);
}

/** One JSONL line → a document; a line that is not a {"text": …} object is an error record. */
export function parseJsonlLine(line: string, origin: string, fallbackId: string): InputDoc {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return { id: fallbackId, origin, error: { code: 'bad-jsonl', message: `not valid JSON (${(e as Error).message})` } };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { id: fallbackId, origin, error: { code: 'bad-jsonl', message: 'line is not a JSON object' } };
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : fallbackId;
  if (typeof o.text !== 'string') return { id, origin, error: { code: 'no-text', message: 'no "text" string in this line' } };
  const date = typeof o.date === 'string' ? o.date.slice(0, 10) : null;
  return { id, origin, text: o.text, date };
}

/** The longest JSONL line kept in memory: the JSON of a maxChars text (at most 6 bytes a character, \uXXXX) plus 1 MiB for the other fields. */
export function maxLineBytes(maxChars: number): number {
  return Math.min(6 * maxChars + (1 << 20), 512 * (1 << 20));
}

type Chunk = Buffer | string;

/**
 * Splits a stream of chunks into lines without ever holding more than `cap` units of a line:
 * a longer line yields `line: null` and the first 4 KiB of it (`head`), the rest is skipped.
 */
async function* splitLines<T extends Chunk>(chunks: AsyncIterable<T>, cap: number, concat: (parts: T[]) => T, onSize?: (n: number) => void): AsyncGenerator<{ line: T | null; head: T | null }> {
  let parts: T[] = [];
  let size = 0;
  let head: T | null = null;
  let overflow = false;
  const add = (piece: T) => {
    if (overflow) return;
    if (size + piece.length > cap) {
      overflow = true;
      head = concat([...parts, piece.slice(0, 4096) as T]).slice(0, 4096) as T;
      parts = [];
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  const finish = () => {
    const r = { line: overflow ? null : concat(parts), head };
    parts = []; size = 0; head = null; overflow = false;
    return r;
  };
  let pending = false;
  for await (const chunk of chunks) {
    onSize?.(chunk.length);
    let start = 0;
    for (;;) {
      const nl = typeof chunk === 'string' ? chunk.indexOf('\n', start) : chunk.indexOf(10, start);
      const end = nl < 0 ? chunk.length : nl;
      if (end > start) { add(chunk.slice(start, end) as T); pending = true; }
      if (nl < 0) break;
      yield finish();
      pending = false;
      start = nl + 1;
    }
  }
  if (pending) yield finish();
}

async function* decodeChunks(first: Buffer | null, rest: AsyncIterator<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<string> {
  const decoder = iconvLite().getDecoder(encoding, { stripBOM: true });
  if (first) yield decoder.write(first);
  for (;;) {
    const r = await rest.next();
    if (r.done) break;
    yield decoder.write(r.value);
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

async function* prepend(first: Buffer | null, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (first) yield first;
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    yield r.value;
  }
}

const ID_IN_HEAD = /^\s*\{[^]*?"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)/;

/** JSONL documents from a stream, one line at a time (bounded memory). Blank lines yield nothing. */
export async function* readJsonl(stream: Readable, name: string, opts: ReadOptions): AsyncGenerator<InputDoc> {
  const cap = maxLineBytes(opts.maxChars);
  const base = idFromPath(name);
  addAbortSignal(opts.signal, stream);
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let fallback: SingleByte | null | undefined; // auto mode: the code page of this file's non-UTF-8 lines, once guessed
  let n = 0;
  try {
    // the first chunk decides: a UTF-16 BOM (or --encoding utf-16…) decodes to strings before splitting
    const r = await it.next();
    const first = r.done ? null : r.value;
    const bom = first ? bomEncoding(first) : null;
    const enc = opts.encoding ?? (bom === 'utf-16le' || bom === 'utf-16be' ? bom : undefined);
    const lines = enc === 'utf-16le' || enc === 'utf-16be'
      ? splitLines<string>(decodeChunks(first, it, enc), cap, (p) => p.join(''), (k) => opts.onBytes?.(2 * k))
      : splitLines<Buffer>(prepend(first, it), cap, (p) => (p.length === 1 ? Buffer.from(p[0]!) : Buffer.concat(p)), opts.onBytes);
    if (bom && !opts.encoding && bom !== 'utf-8') opts.warn(`${name}: decoded as ${bom}`);
    for await (const { line, head } of lines) {
      n++;
      const origin = `${name}:${n}`;
      const fallbackId = `${base}:${n}`;
      if (line === null) {
        const h = typeof head === 'string' ? head : (head as Buffer | null)?.toString('utf8') ?? '';
        const m = ID_IN_HEAD.exec(h);
        let id = fallbackId;
        if (m) { try { id = String(JSON.parse(m[1]!)); } catch { /* keep the fallback */ } }
        yield { id, origin, error: { code: 'too-long', message: `line is longer than ${cap} bytes, the limit for --max-chars ${opts.maxChars}; not processed` } };
        continue;
      }
      let text: string;
      if (typeof line === 'string') {
        text = line;
      } else {
        try {
          if (enc) text = decodeAs(line, enc);
          else {
            try {
              text = decodeUtf8(line);
            } catch (e) {
              if (!(e instanceof InputError) || e.code !== 'invalid-utf8') throw e;
              if (fallback === undefined || fallback === null) {
                fallback = detectSingleByte(line);
                if (fallback) opts.warn(`${name}: decoded as ${fallback}`);
              }
              if (!fallback) throw e;
              text = decodeAs(line, fallback);
            }
          }
        } catch (e) {
          yield { id: fallbackId, origin, error: fileError(e) };
          continue;
        }
      }
      if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (!text.trim()) continue;
      const doc = parseJsonlLine(text, origin, fallbackId);
      if (doc.text !== undefined && doc.text.length > opts.maxChars) { yield { id: doc.id, origin, error: tooLong(opts.maxChars) }; continue; }
      yield doc;
    }
  } catch (e) {
    if (opts.signal.aborted) return;
    yield { id: `${base}:${n + 1}`, origin: `${name}:${n + 1}`, error: fileError(e) };
  } finally {
    stream.destroy();
  }
}

/** Every document of every source, in order. */
export async function* documents(sources: Source[], opts: ReadOptions): AsyncGenerator<InputDoc> {
  const single = sources.length === 1;
  for (const s of sources) {
    if (opts.signal.aborted) return;
    if (s.kind === 'error') { yield { id: s.id, origin: s.path, error: s.error }; continue; }
    if (s.kind === 'stdin') {
      if (s.jsonl) yield* readJsonl(process.stdin, 'stdin', opts);
      else {
        const d = await readStdinText(opts.id && single ? opts.id : 'stdin', opts);
        if (d.error?.code === 'interrupted') return;
        yield d;
      }
      continue;
    }
    if (s.jsonl) {
      let stream: Readable;
      try {
        if (statSync(s.path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        stream = createReadStream(s.path, { highWaterMark: 1 << 16 });
        await new Promise<void>((resolve, reject) => { stream.once('open', () => resolve()); stream.once('error', reject); });
      } catch (e) {
        yield { id: s.id, origin: s.path, error: fileError(e) };
        continue;
      }
      yield* readJsonl(stream, s.path, opts);
      continue;
    }
    yield readTextFile(s.path, opts.id && single && !s.expanded ? opts.id : s.id, opts);
  }
}
