// The command line: parses flags, reads inputs, writes results, maps failures to exit codes.
import { statSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { createExtractor, DictionaryError, ExtractionError, jsonSchema, SCHEMA_VERSION, type Extractor } from '../index.js';
import { formatText } from './format-text.js';
import { idFromPath, isJsonlPath, openJsonl, readJsonl, readStdin, readTextFile, textFromBytes, type InputDoc } from './inputs.js';
import { dictCheck, dictList } from './dict.js';

/** Exit codes (documented in the README). */
export const EXIT = { ok: 0, documentFailed: 1, usage: 2, dictionary: 3, internal: 70 } as const;

interface RunOptions {
  dict: string[];
  id?: string;
  lang: 'auto' | 'ru';
  date?: string;
  pretty?: boolean;
  compact?: boolean;
  jsonl?: boolean;
  input?: 'text' | 'jsonl';
  format: 'json' | 'text';
  validate: boolean;
}

const EXAMPLES = `
Examples:
  $ sobesednik samples/ru-kazpravda-ashimbaev-al-habbash.txt | jq '.meetings'
  $ cat article.txt | sobesednik --date 2024-05-14 --id my-article
  $ sobesednik --format text samples/*.txt
  $ sobesednik corpus.jsonl > results.jsonl        # {"id","text","date"?} per line in, one result per line out
  $ sobesednik --dict my-dictionaries/ article.txt
  $ sobesednik schema > result.schema.json
  $ sobesednik dict check my-dictionaries/

Exit codes: 0 all documents processed; 1 one or more documents failed (each gets an error
record in batch mode); 2 usage error; 3 dictionary error; 70 internal error.`;

class Output {
  private broken = false;
  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') this.broken = true; else throw e; });
  }
  get closed(): boolean { return this.broken; }
  async write(s: string): Promise<void> {
    if (this.broken) return;
    if (!this.stream.write(s)) await new Promise<void>((resolve) => { this.stream.once('drain', resolve); this.stream.once('error', () => resolve()); });
  }
}

function errorRecord(doc: InputDoc, code: string, message: string): string {
  return JSON.stringify({ schemaVersion: SCHEMA_VERSION, document: { id: doc.id }, error: { code, message } });
}

async function* documents(files: string[], opts: RunOptions): AsyncGenerator<InputDoc> {
  const list = files.length ? files : ['-'];
  for (const f of list) {
    const jsonl = opts.input === 'jsonl' || (opts.input !== 'text' && f !== '-' && isJsonlPath(f));
    if (f === '-') {
      if (jsonl) yield* readJsonl(process.stdin, 'stdin');
      else yield textFromBytes(await readStdin(), opts.id ?? 'stdin', 'stdin');
      continue;
    }
    if (jsonl) {
      let isFile = false;
      try { isFile = statSync(f).isFile(); } catch { /* reported below */ }
      if (!isFile) { yield { ...readTextFile(f), id: idFromPath(f) }; continue; }
      yield* readJsonl(openJsonl(f), f);
      continue;
    }
    const d = readTextFile(f);
    yield opts.id && list.length === 1 ? { ...d, id: opts.id } : d;
  }
}

async function run(files: string[], opts: RunOptions, out: Output): Promise<number> {
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    process.stderr.write(`sobesednik: invalid --date ${JSON.stringify(opts.date)}: expected YYYY-MM-DD\n`);
    return EXIT.usage;
  }
  let extractor: Extractor;
  try {
    extractor = createExtractor({ dictionaries: opts.dict, validate: opts.validate });
  } catch (e) {
    if (e instanceof DictionaryError) {
      for (const line of e.message.split('\n')) process.stderr.write(`sobesednik: dictionary error: ${line}\n`);
      return EXIT.dictionary;
    }
    throw e;
  }
  const anyJsonl = opts.input === 'jsonl' || files.some(isJsonlPath);
  const batch = opts.jsonl || anyJsonl || files.length > 1;
  const pretty = opts.pretty || (!opts.compact && !batch && process.stdout.isTTY === true);
  let failed = 0;
  let count = 0;
  for await (const doc of documents(files, opts)) {
    if (out.closed) break;
    count++;
    let line: string;
    if (doc.error) {
      failed++;
      process.stderr.write(`sobesednik: ${doc.origin}: ${doc.error.message}\n`);
      if (!batch) continue;
      line = errorRecord(doc, doc.error.code, doc.error.message);
    } else {
      try {
        const result = extractor.extract(doc.text!, { id: doc.id, lang: opts.lang, date: doc.date ?? opts.date ?? null });
        if (opts.format === 'text') { await out.write(formatText(result, doc.text!) + '\n'); continue; }
        line = pretty ? JSON.stringify(result, null, 2) : JSON.stringify(result);
      } catch (e) {
        failed++;
        const code = e instanceof ExtractionError ? e.code : 'internal';
        const message = e instanceof ExtractionError ? e.message : `internal error: ${(e as Error).message}`;
        process.stderr.write(`sobesednik: ${doc.origin}: ${message}\n`);
        if (process.env.SOBESEDNIK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
        if (!batch) continue;
        line = errorRecord(doc, code, message);
      }
    }
    await out.write(line + '\n');
  }
  if (count === 0 && !batch) {
    process.stderr.write('sobesednik: no input\n');
    return EXIT.documentFailed;
  }
  return failed ? EXIT.documentFailed : EXIT.ok;
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
    .addOption(new Option('--lang <lang>', 'auto: refuse text that is not Russian; ru: process it anyway').choices(['auto', 'ru']).default('auto'))
    .option('--date <YYYY-MM-DD>', 'publication date, for relative dates such as «вчера»')
    .option('--pretty', 'indented JSON (default on a terminal for a single document)')
    .option('--compact', 'one-line JSON even on a terminal')
    .option('--jsonl', 'one compact JSON line per document, even for a single one')
    .addOption(new Option('--input <kind>', 'input format (default: by file extension)').choices(['text', 'jsonl']))
    .addOption(new Option('--format <format>', 'json, or a human-readable digest').choices(['json', 'text']).default('json'))
    .option('--no-validate', 'skip validating each result against the output schema')
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
