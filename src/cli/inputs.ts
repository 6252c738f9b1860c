// Where documents come from: files, standard input, JSONL lines. Each yields either a text
// to extract or an error that becomes that document's error record.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeUtf8, InputError } from '../read/decode.js';

export interface InputDoc {
  id: string;
  text?: string;
  date?: string | null;
  error?: { code: string; message: string };
  /** Where it came from, for messages: «file.txt», «file.jsonl:3». */
  origin: string;
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

/** A whole plain-text file. */
export function readTextFile(path: string): InputDoc {
  const id = idFromPath(path);
  try {
    if (statSync(path).isDirectory()) return { id, origin: path, error: { code: 'is-directory', message: 'is a directory, not a file' } };
    return { id, origin: path, text: decodeUtf8(readFileSync(path)) };
  } catch (e) {
    return { id, origin: path, error: fileError(e) };
  }
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export function textFromBytes(bytes: Buffer, id: string, origin: string): InputDoc {
  try {
    return { id, origin, text: decodeUtf8(bytes) };
  } catch (e) {
    return { id, origin, error: fileError(e) };
  }
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

/** JSONL documents from a stream, one line at a time (bounded memory). */
export async function* readJsonl(stream: NodeJS.ReadableStream, name: string): AsyncGenerator<InputDoc> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    yield parseJsonlLine(line, `${name}:${n}`, `${idFromPath(name)}:${n}`);
  }
}

export function openJsonl(path: string): NodeJS.ReadableStream {
  return createReadStream(path);
}
