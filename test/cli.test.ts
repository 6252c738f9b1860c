import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_PATH } from './helpers.js';
import { workerCount, WORKERS_MIN_BYTES } from '../src/cli/main.js';
import { RELAUNCH_MIN_BYTES, shouldRelaunch } from '../src/cli/relaunch.js';

// These tests spawn the built binary (npm test builds first), as a user would run it.
const BIN = join(ROOT, 'bin', 'sobesednik.js');
const cli = (args: string[], input?: string | Buffer) => {
  const r = spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'sobesednik-cli-'));
const file = (name: string, content: string | Buffer) => { const p = join(tmp, name); writeFileSync(p, content); return p; };
// every state of the generated dictionary, as `dict list` and `dict check` must report them
const STATES = JSON.parse(readFileSync(join(ROOT, 'dictionaries', 'states.json'), 'utf8')).entries.length;
const RU = 'Президент Казахстана Касым-Жомарт Токаев встретился с Президентом Франции в Астане и обсудил торговлю.';

describe('CLI: the quick start', () => {
  it('runs the bundle the build made, with its code cache accepted, and prints what the ES modules print', () => {
    expect(existsSync(join(ROOT, 'dist', 'src', 'cli.bundle.cjs'))).toBe(true);
    const env = { ...process.env, SOBESEDNIK_DEBUG: '1' };
    const bundled = spawnSync('node', [BIN, SAMPLE_PATH], { encoding: 'utf8', env });
    expect(bundled.stderr).toMatch(/started from .*cli\.bundle\.cjs, code cache accepted/);
    const modules = spawnSync('node', [BIN, SAMPLE_PATH], { encoding: 'utf8', env: { ...env, SOBESEDNIK_NO_BUNDLE: '1' } });
    expect(modules.stderr).not.toMatch(/started from/);
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).toBe(modules.stdout);
  });
});

describe('CLI: when worker threads start', () => {
  it('starts them for streams and for enough text, or when --jobs asks; never for one document', () => {
    const run = (jobs: number | null, cores: number, streams: boolean, textDocs: number, textBytes: number) => workerCount({ jobs, cores, streams, textDocs, textBytes });
    expect(run(null, 8, false, 2, 10_000)).toBe(0); // two articles: starting workers would take longer than reading them
    expect(run(null, 8, false, 300, WORKERS_MIN_BYTES)).toBe(7); // a core is left to the main thread
    expect(run(null, 8, false, 3, WORKERS_MIN_BYTES)).toBe(3);
    expect(run(4, 8, false, 2, 10_000)).toBe(2); // asked for
    expect(run(4, 8, false, 1, WORKERS_MIN_BYTES)).toBe(0);
    expect(run(null, 8, true, 0, 0)).toBe(7);
    expect(run(null, 2, true, 0, 0)).toBe(1); // on 2 cores: in-process
  });
});

describe('CLI: when a batch moves to a process with one V8 platform thread', () => {
  it('moves large batches of files on one or two cores, unless the pool size was given', () => {
    const big = { cores: 2, inputBytes: RELAUNCH_MIN_BYTES, execArgv: [], nodeOptions: undefined };
    expect(shouldRelaunch(big)).toBe(true);
    expect(shouldRelaunch({ ...big, inputBytes: RELAUNCH_MIN_BYTES - 1 })).toBe(false); // starting again would cost more than it saves
    expect(shouldRelaunch({ ...big, inputBytes: null })).toBe(false); // standard input: its size is unknown
    expect(shouldRelaunch({ ...big, cores: 4 })).toBe(false); // measured on 2 cores only
    expect(shouldRelaunch({ ...big, execArgv: ['--v8-pool-size=1'] })).toBe(false); // the new process itself
    expect(shouldRelaunch({ ...big, nodeOptions: '--max-old-space-size=500 --v8-pool-size=8' })).toBe(false); // the user's choice
    expect(shouldRelaunch({ ...big, execArgv: ['--expose-gc'], nodeOptions: '--max-old-space-size=500' })).toBe(true);
  });
});

describe('CLI: documents in, JSON out', () => {
  it('reads a file and prints one JSON object whose id is the file name', () => {
    const r = cli([SAMPLE_PATH]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.document.id).toBe('ru-kazpravda-ashimbaev-al-habbash');
    expect(j.meetings).toHaveLength(2);
    expect(r.out.trim().split('\n')).toHaveLength(1); // compact when not on a terminal
  });
  it('validates on request (--validate) without changing a byte; --no-validate is still accepted', () => {
    const plain = cli([SAMPLE_PATH]);
    const validated = cli(['--validate', SAMPLE_PATH]);
    expect(validated.code).toBe(0);
    expect(validated.err).toBe('');
    expect(validated.out).toBe(plain.out);
    expect(cli(['--no-validate', SAMPLE_PATH]).out).toBe(plain.out);
  });
  it('reads standard input, with --id and --pretty', () => {
    const r = cli(['--id', 'abc', '--pretty'], RU);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).document.id).toBe('abc');
    expect(r.out.split('\n').length).toBeGreaterThan(20);
  });
  it.each(['ru-kazpravda-ashimbaev-al-habbash', 'en-kazpravda-ashimbaev-al-habbash'])('prints the digest of %s with --format text, as in the golden file', (id) => {
    const r = cli(['--format', 'text', join(ROOT, 'samples', `${id}.txt`)]);
    expect(r.out).toBe(readFileSync(join(ROOT, 'test', 'fixtures', `${id}.digest.txt`), 'utf8'));
  });
  it('turns JSONL into JSONL in input order, with an error record for each bad line', () => {
    const p = file('batch.jsonl', [
      JSON.stringify({ id: 'a', text: RU, date: '2024-05-14' }),
      '{not json',
      JSON.stringify({ id: 'c', body: 'no text' }),
      JSON.stringify({ id: 'd', text: RU }),
    ].join('\n') + '\n');
    const r = cli([p]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.document.id, l.error?.code ?? 'ok'])).toEqual([['a', 'ok'], ['batch:2', 'bad-jsonl'], ['c', 'no-text'], ['d', 'ok']]);
    expect(lines[0].document.date).toBe('2024-05-14');
    expect(r.err.trim().split('\n')).toHaveLength(2);
  });
  it('gives several files one line each, an error record for the missing one, and goes on', () => {
    const good = file('good.txt', RU);
    const r = cli([good, join(tmp, 'missing.txt'), SAMPLE_PATH]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.document.id)).toEqual(['good', 'missing', 'ru-kazpravda-ashimbaev-al-habbash']);
    expect(lines[1].error).toEqual({ code: 'not-found', message: 'no such file' });
  });
});

describe('CLI: bad input gets one clear line and an exit code, never a stack trace', () => {
  const bad: Array<[string, () => string[], number, RegExp, (string | Buffer)?]> = [
    ['missing file', () => [join(tmp, 'nope.txt')], 1, /nope\.txt: no such file/],
    ['a directory', () => { mkdirSync(join(tmp, 'dir'), { recursive: true }); return [join(tmp, 'dir')]; }, 1, /is a directory/],
    ['a binary file', () => [file('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))], 1, /binary data/],
    // bytes that are neither UTF-8 nor Russian in windows-1251 or KOI8-R (no NUL bytes, so not «binary»)
    ['invalid UTF-8', () => [file('random.txt', Buffer.from(Array.from({ length: 600 }, (_, i) => 0x80 + ((i * 7919 + 13) % 128))))], 1, /invalid UTF-8, and not windows-1251 or KOI8-R/],
    ['empty text', () => [file('empty.txt', '  \n')], 1, /empty text/],
    ['Ukrainian text', () => [file('uk.txt', 'Президент України Володимир Зеленський зустрівся з прем\'єр-міністром Польщі Дональдом Туском у Києві. Сторони обговорили питання безпеки, енергетики та співпраці між двома країнами.')], 1, /neither Russian nor English \(detected: Ukrainian\).*--lang ru or --lang en/],
    ['a bad date', () => ['--date', '14.05.2024', SAMPLE_PATH], 2, /invalid --date/],
    ['an unknown option', () => ['--frobnicate'], 2, /unknown option/],
    ['a broken dictionary', () => { const d = join(tmp, 'dict'); mkdirSync(d, { recursive: true }); writeFileSync(join(d, 'x.json'), JSON.stringify({ description: 'd', source: 's', entries: [{ id: 'org:x', type: 'organization', name: 'X', kind: 'bank' }] })); return ['--dict', d, SAMPLE_PATH]; }, 3, /x\.json: entry org:x: field kind/],
  ];
  it.each(bad)('%s', (_name, args, code, message) => {
    const r = cli(args());
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  it('decodes a windows-1251 file with a warning that names the encoding (it used to be an invalid-UTF-8 error)', () => {
    const p = file('cp1251.txt', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xc0, 0xf1, 0xf2, 0xe0, 0xed, 0xe5])); // «Привет Астане»
    const r = cli([p]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`sobesednik: ${p}: decoded as windows-1251\n`);
    expect(JSON.parse(r.out).document.chars).toBe(13);
  });
  it('refuses German, which is not English', () => {
    const r = cli([], 'Der Bundeskanzler traf sich in Berlin mit dem Präsidenten Frankreichs, um über Handel und Energie zu sprechen.');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/detected: German/);
  });
  it('reads an English article with the English pipeline, and --lang en forces it', () => {
    const r = cli([join(ROOT, 'samples', 'en-kazpravda-ashimbaev-al-habbash.txt')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.document.language).toBe('en');
    expect(out.meetings.map((m: { participants: string[] }) => m.participants)).toEqual([
      ['person:ashimbaev-maulen', 'person:al-habbash-mahmoud-sidki'], ['person:tokaev-kassym-zhomart', 'person:abbas-mahmoud'],
    ]);
    expect(JSON.parse(cli(['--lang', 'en'], 'Tokayev met Macron.').out).document.language).toBe('en');
  });
  it('--lang ru processes text the detector does not call Russian', () => {
    expect(cli(['--lang', 'ru'], 'Kazakhstan and Russia.').code).toBe(0);
  });
});

describe('CLI: schema and dictionaries', () => {
  it('prints the JSON Schema of the output', () => {
    const r = cli(['schema']);
    const schema = JSON.parse(r.out);
    expect(r.code).toBe(0);
    expect(schema.$schema).toMatch(/json-schema/);
    expect(JSON.stringify(schema)).toContain('schemaVersion');
  });
  it('checks a dictionary folder', () => {
    const r = cli(['dict', 'check', 'dictionaries']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^ok: .*${STATES} state`));
  });
  it('lists loaded entries of a type as JSONL', () => {
    const lines = cli(['dict', 'list', '--type', 'state', '--jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(STATES);
    expect(lines.find((s) => s.id === 'state:KZ').name).toBe('Казахстан');
  });
});
