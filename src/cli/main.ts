// The command line: parses flags, reads inputs, writes results, maps failures to exit codes.
// Documents stream through in input order: a reader takes them one at a time, an extractor
// (in-process, or a pool of worker threads with --jobs) processes them, and a writer prints
// them in order. At most a few documents per job are in flight, so memory stays bounded.
import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createExtractor, DictionaryError, jsonSchema, SCHEMA_VERSION, type Extractor } from '../index.js';
import { ENCODINGS, type EncodingName } from './encoding.js';
import { documents, expandInputs, isJsonlPath, type InputDoc, type ReadOptions, type Source } from './inputs.js';
import { dictCheck, dictList } from './dict.js';
import { tuneHeap } from './heap.js';
import { Progress } from './progress.js';
import { relaunch, shouldRelaunch, POOL_FLAG } from './relaunch.js';
import { Pool, processDocument, WorkerInitError, type Outcome, type WorkerConfig } from './workers.js';

/** Exit codes (documented in the README). */
export const EXIT = { ok: 0, documentFailed: 1, usage: 2, dictionary: 3, internal: 70, output: 74, interrupted: 130, terminated: 143 } as const;

export const DEFAULT_MAX_CHARS = 1_000_000;

interface RunOptions {
  dict: string[];
  id?: string;
  lang: 'auto' | 'ru' | 'en';
  date?: string;
  pretty?: boolean;
  compact?: boolean;
  jsonl?: boolean;
  input?: 'text' | 'jsonl';
  format: 'json' | 'text';
  validate?: boolean;
  jobs?: number;
  encoding?: EncodingName;
  maxChars: number;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ sobesednik samples/ru-kazpravda-ashimbaev-al-habbash.txt | jq '.meetings'
  $ cat article.txt | sobesednik --date 2024-05-14 --id my-article
  $ sobesednik --format text samples/*.txt
  $ sobesednik corpus.jsonl > results.jsonl        # {"id","text","date"?} per line in, one result per line out
  $ sobesednik --jobs 4 'articles/**/*.txt' > results.jsonl
  $ sobesednik --encoding windows-1251 old-archive/
  $ sobesednik --dict my-dictionaries/ article.txt
  $ sobesednik schema > result.schema.json
  $ sobesednik dict check my-dictionaries/

Exit codes: 0 all documents processed; 1 one or more documents failed (each gets an error
record in batch mode); 2 usage error; 3 dictionary error; 70 internal error; 74 the output
could not be written; 130 interrupted (SIGINT).`;

/** Standard output with backpressure; a closed pipe (EPIPE) ends the run quietly. */
class Output {
  private broken = false;
  private failure: string | null = null;
  private readonly waiters = new Set<() => void>();
  private closeListener: (() => void) | null = null;
  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && !this.failure) this.failure = e.code ?? e.message;
      this.broken = true;
      this.release();
      this.closeListener?.();
    });
  }
  get closed(): boolean { return this.broken; }
  /** Why writing failed, other than a closed pipe. */
  get error(): string | null { return this.failure; }
  onClose(f: () => void): void { this.closeListener = f; }
  /** Lets every pending write() return (the run is stopping). */
  release(): void { for (const w of this.waiters) w(); this.waiters.clear(); }
  async write(s: string): Promise<void> {
    if (this.broken) return;
    if (!this.stream.write(s)) {
      await new Promise<void>((resolve) => {
        const done = () => { this.stream.off('drain', done); this.waiters.delete(done); resolve(); };
        this.waiters.add(done);
        this.stream.on('drain', done);
      });
    }
  }
}

function errorRecord(doc: InputDoc, code: string, message: string): string {
  return JSON.stringify({ schemaVersion: SCHEMA_VERSION, document: { id: doc.id }, error: { code, message } });
}

/** Wakes every waiter on each change; waiters re-check their condition. */
class Signal {
  private waiters: Array<() => void> = [];
  wait(): Promise<void> { return new Promise((r) => this.waiters.push(r)); }
  notify(): void { const w = this.waiters; this.waiters = []; for (const r of w) r(); }
}

/** Text files below this many bytes in all are read in-process unless --jobs asks for workers: a worker
 * builds its own extractor (~0.25 s) and then starts from cold caches and unoptimized code, so its first
 * ~500 KB run several times slower than later text. */
export const WORKERS_MIN_BYTES = 512 * 1024;

/** How many worker threads to start (0 or 1: none, the extractor runs in this thread). By default one
 * core is left to this thread (reading, ordering, writing) and to V8's background threads (its optimizing
 * compiler, GC): on 2 cores, two workers took 47% more CPU than one in-process extractor (each warms its
 * own caches and code) and ran slower. */
export function workerCount(o: { jobs: number | null; cores: number; streams: boolean; textDocs: number; textBytes: number }): number {
  const jobs = o.jobs ?? Math.max(1, o.cores - 1);
  if (o.streams) return jobs;
  if (o.jobs === null && o.textBytes < WORKERS_MIN_BYTES) return 0;
  return o.textDocs > 1 ? Math.min(jobs, o.textDocs) : 0;
}

const fileBytes = (sources: Source[]) => sources.reduce((n, s) => n + (s.kind === 'file' ? s.size : 0), 0);

/** The size of standard input when it is a file (`< corpus.jsonl`), or null (a pipe's size is unknown). */
function stdinFileBytes(): number | null {
  try {
    const st = fstatSync(0);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

interface Processor {
  submit(doc: InputDoc): Promise<Outcome>;
  close(): Promise<void>;
}

async function run(files: string[], opts: RunOptions, out: Output): Promise<number> {
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    process.stderr.write(`sobesednik: invalid --date ${JSON.stringify(opts.date)}: expected YYYY-MM-DD\n`);
    return EXIT.usage;
  }
  const started = Date.now();
  const sources: Source[] = expandInputs(files, opts.input);
  const expanded = sources.some((s) => s.kind !== 'stdin' && s.expanded); // a folder or a pattern: always one line per document
  const anyJsonl = opts.input === 'jsonl' || files.some(isJsonlPath) || sources.some((s) => s.kind !== 'error' && s.jsonl);
  const batch = Boolean(opts.jsonl) || anyJsonl || sources.length > 1 || expanded;
  const pretty = opts.pretty || (!opts.compact && !batch && process.stdout.isTTY === true);
  const config: WorkerConfig = { dictionaries: opts.dict, validate: opts.validate === true, lang: opts.lang, format: opts.format, pretty: Boolean(pretty) };

  const texts = sources.filter((s) => s.kind === 'file' && !s.jsonl);
  const cores = availableParallelism();
  const poolSize = workerCount({
    jobs: opts.jobs ?? null, cores, streams: sources.some((s) => s.kind !== 'error' && s.jsonl),
    textDocs: texts.length, textBytes: fileBytes(texts),
  });
  const useWorkers = poolSize > 1;
  const stdinBytes = sources.some((s) => s.kind === 'stdin') ? stdinFileBytes() : 0;
  const inputBytes = stdinBytes === null ? null : fileBytes(sources) + stdinBytes;
  if (shouldRelaunch({ cores, inputBytes, execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS })) {
    if (process.env.SOBESEDNIK_DEBUG) process.stderr.write(`sobesednik: ${cores} cores: running the batch in a new process with ${POOL_FLAG}\n`);
    const code = await relaunch();
    if (code !== null) return code;
  }
  let processor: Processor;
  try {
    if (useWorkers) {
      const pool = new Pool(poolSize, config);
      try {
        await pool.start();
      } catch (e) {
        await pool.close();
        throw e;
      }
      processor = { submit: (doc) => pool.submit({ id: doc.id, text: doc.text!, date: doc.date ?? opts.date ?? null }), close: () => pool.close() };
    } else {
      const extractor: Extractor = createExtractor({ dictionaries: opts.dict, validate: opts.validate });
      processor = {
        submit: (doc) => Promise.resolve(processDocument(extractor, config, { id: doc.id, text: doc.text!, date: doc.date ?? opts.date ?? null })),
        close: async () => {},
      };
    }
  } catch (e) {
    if (e instanceof DictionaryError || (e instanceof WorkerInitError && e.dictionary)) {
      for (const line of e.message.split('\n')) process.stderr.write(`sobesednik: dictionary error: ${line}\n`);
      return EXIT.dictionary;
    }
    if (e instanceof WorkerInitError && process.env.SOBESEDNIK_DEBUG && e.detail) process.stderr.write(`${e.detail}\n`);
    throw e;
  }

  const onlyTextFiles = sources.every((s) => s.kind === 'error' || (s.kind === 'file' && !s.jsonl));
  const progress = new Progress(process.stderr, batch && process.stderr.isTTY === true && !opts.quiet, {
    docs: onlyTextFiles ? sources.length : undefined,
    bytes: inputBytes ?? undefined,
  });
  const say = (line: string) => progress.log(`sobesednik: ${line}\n`);

  // stopping: SIGINT/SIGTERM or a closed output; what was written stays, line by line
  const abort = new AbortController();
  let stopped = false;
  let interrupted: number | null = null;
  const changed = new Signal();
  const stop = () => {
    if (stopped) return;
    stopped = true;
    abort.abort();
    out.release();
    changed.notify();
    void processor.close();
  };
  const onSignal = (code: number) => () => {
    if (interrupted !== null) process.exit(code); // a second Ctrl-C: now
    interrupted = code;
    stop();
  };
  const onInt = onSignal(EXIT.interrupted);
  const onTerm = onSignal(EXIT.terminated);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  out.onClose(stop);

  const readOpts: ReadOptions = {
    encoding: opts.encoding,
    maxChars: opts.maxChars,
    id: opts.id,
    warn: (m) => { if (!opts.quiet) say(m); },
    signal: abort.signal,
    onBytes: (n) => progress.addBytes(n),
  };
  const window = useWorkers ? 4 * poolSize : 2; // documents between reading and writing
  const queue: Array<{ doc: InputDoc; outcome: Promise<Outcome> | null }> = [];
  let readerDone = false;
  let failed = 0;
  let count = 0;

  const emit = async (doc: InputDoc, outcome: Outcome | null) => {
    count++;
    const error = doc.error ?? (outcome && !outcome.ok ? outcome : null);
    if (!error) {
      progress.doc(false);
      await out.write((outcome as { output: string }).output);
      return;
    }
    failed++;
    progress.doc(true);
    say(`${doc.origin}: ${error.message}`);
    const stack = (error as { stack?: string }).stack;
    if (process.env.SOBESEDNIK_DEBUG && stack) progress.log(`${stack}\n`);
    if (batch) await out.write(errorRecord(doc, error.code, error.message) + '\n');
  };

  const reader = (async () => {
    try {
      for await (const doc of documents(sources, readOpts)) {
        while (queue.length >= window && !stopped) await changed.wait();
        if (stopped) break;
        queue.push({ doc, outcome: doc.error ? null : processor.submit(doc) });
        changed.notify();
      }
    } finally {
      readerDone = true;
      changed.notify();
    }
  })();
  const writer = (async () => {
    for (;;) {
      while (!queue.length && !readerDone && !stopped) await changed.wait();
      if (stopped || !queue.length) return;
      const item = queue[0]!;
      const outcome = item.outcome ? await item.outcome : null;
      if (stopped) return;
      queue.shift();
      changed.notify();
      await emit(item.doc, outcome);
    }
  })();
  try {
    await Promise.all([reader, writer]);
  } finally {
    stop();
    await processor.close();
    progress.finish();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
  if (process.env.SOBESEDNIK_DEBUG) {
    const s = (Date.now() - started) / 1000;
    process.stderr.write(`sobesednik: ${count} documents in ${s.toFixed(1)} s (${(count / s).toFixed(1)} docs/s, ${useWorkers ? `${poolSize} worker threads` : 'in-process'}), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
  }
  if (interrupted !== null) return interrupted;
  if (out.error) {
    process.stderr.write(`sobesednik: cannot write the output (${out.error})\n`);
    return EXIT.output;
  }
  if (count === 0 && !batch && !out.closed) {
    process.stderr.write('sobesednik: no input\n');
    return EXIT.documentFailed;
  }
  return failed ? EXIT.documentFailed : EXIT.ok;
}

function positiveInt(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) < 1 || !Number.isSafeInteger(Number(v))) throw new InvalidArgumentError(`${name} must be a whole number of at least 1.`);
    return Number(v);
  };
}

export function buildProgram(exit: { code: number }, out: Output): Command {
  const program = new Command();
  program
    .name('sobesednik')
    .enablePositionalOptions()
    .description('Who met whom, where, when and on what topics: entities, roles, meetings and quotes from Russian news, as JSON with evidence spans.')
    .argument('[files...]', 'text files (.txt) or JSONL files (.jsonl/.ndjson); "-" or none reads standard input')
    .option('--dict <dir>', 'an extra dictionary folder, merged over the built-in ones (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--id <id>', 'document id for a single document (default: the file name)')
    .addOption(new Option('--lang <lang>', 'auto: read Russian or English as detected, refuse other languages; ru, en: force that pipeline').choices(['auto', 'ru', 'en']).default('auto'))
    .option('--date <YYYY-MM-DD>', 'publication date, for relative dates such as «вчера»')
    .option('--pretty', 'indented JSON (default on a terminal for a single document)')
    .option('--compact', 'one-line JSON even on a terminal')
    .option('--jsonl', 'one compact JSON line per document, even for a single one')
    .addOption(new Option('--input <kind>', 'input format (default: by file extension)').choices(['text', 'jsonl']))
    .addOption(new Option('--format <format>', 'json, or a human-readable digest').choices(['json', 'text']).default('json'))
    .option('--validate', 'check each result against the output schema (for debugging; the tests do it)')
    .addOption(new Option('--no-validate').hideHelp()) // validating was the default once: scripts may still pass this
    .option('--jobs <n>', 'worker threads for several documents (default: the number of cores less one; 1: in-process)', positiveInt('--jobs'))
    .addOption(new Option('--encoding <name>', 'input encoding, instead of detecting it').choices([...ENCODINGS]))
    .option('--max-chars <n>', 'longer documents get a too-long error record instead of being processed', positiveInt('--max-chars'), DEFAULT_MAX_CHARS)
    .option('-q, --quiet', 'no progress line and no warnings on standard error')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run sobesednik --help for usage)')
    .action(async (files: string[], opts: RunOptions) => { exit.code = await run(files, opts, out); });
  program.command('schema').description('print the JSON Schema of the output').action(async () => {
    await out.write(JSON.stringify(jsonSchema(), null, 2) + '\n');
  });
  const dict = program.command('dict').description('inspect dictionaries');
  dict.command('check').argument('<dirs...>', 'dictionary folders').description('validate dictionary folders; print each problem with file, entry and field')
    .action(async (dirs: string[]) => { exit.code = await dictCheck(dirs, out); });
  dict.command('list').description('list the loaded dictionary entries')
    .option('--type <type>', 'only this type: state, organization, location, person, position, topic')
    .option('--dict <dir>', 'also load this folder (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--jsonl', 'one JSON entry per line')
    .action(async (o: { type?: string; dict: string[]; jsonl?: boolean }) => { exit.code = await dictList(o, out); });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  tuneHeap();
  process.stderr.on('error', () => { /* a closed stderr must not crash the run */ });
  const out = new Output(process.stdout);
  const exit = { code: EXIT.ok as number };
  const program = buildProgram(exit, out);
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    process.stderr.write(`sobesednik: internal error: ${(e as Error).message}\n`);
    if (process.env.SOBESEDNIK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return EXIT.internal;
  }
  return exit.code;
}
