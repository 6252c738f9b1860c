// Corpus-scale runs: streaming, --jobs, folders and patterns, encodings, limits and faults.
// Like cli.test.ts these spawn the built binary. No test depends on timing: the early-close
// and interrupt tests wait for output lines, not for a clock.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { RELAUNCH_MIN_BYTES } from '../src/cli/relaunch.js';

const BIN = join(ROOT, 'bin', 'sobesednik.js');
const cli = (args: string[], input?: string | Buffer) => {
  const r = spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
};
const tmp = mkdtempSync(join(tmpdir(), 'sobesednik-batch-'));
afterAll(() => {
  try { chmodSync(join(tmp, 'locked', 'inner'), 0o755); } catch { /* not created */ }
  rmSync(tmp, { recursive: true, force: true }); // the 50 MB file must not pile up in /tmp
});
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
};
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l));
const noStack = (err: string) => expect(err).not.toMatch(/\n\s+at |^\w*Error:/m);
const RU = 'Президент Казахстана Касым-Жомарт Токаев встретился с Президентом Франции в Астане и обсудил торговлю.';
const RU2 = 'Министр иностранных дел России Сергей Лавров провел переговоры с послом Италии в Москве.';
const SLOW = 180_000; // a hang guard for tests that spawn several runs on a busy machine; nothing here measures time
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'factru-dev.jsonl');
const corpusLines = (n: number) => readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim()).slice(0, n);
/** A result without its document id: the same text read from different files compares equal. */
const body = (line: string) => { const j = JSON.parse(line); delete j.document.id; return JSON.stringify(j); };

describe('streaming contract: one line out per non-blank line in, in order', () => {
  it('gives an error record in place of each bad line and skips blank lines', () => {
    const p = file('mixed.jsonl', [
      JSON.stringify({ id: 'a', text: RU }),
      '',
      '{"id": "b", "text": ',               // not JSON
      '   ',
      JSON.stringify({ id: 'c', body: RU }), // no text
      '[1, 2]',                              // not an object
      JSON.stringify({ id: 'd', text: '  ' }),
      JSON.stringify({ id: 'e', text: RU2 }) + '\r', // CRLF line end
      JSON.stringify({ id: 'f', text: RU }),  // no newline at the end
    ].join('\n'));
    const r = cli([p]);
    expect(r.code).toBe(1);
    expect(parse(r.lines).map((l) => [l.document.id, l.error?.code ?? 'ok'])).toEqual([
      ['a', 'ok'], ['mixed:3', 'bad-jsonl'], ['c', 'no-text'], ['mixed:6', 'bad-jsonl'], ['d', 'empty'], ['e', 'ok'], ['f', 'ok'],
    ]);
    expect(r.err.trim().split('\n')).toHaveLength(4); // one line per failed document
    noStack(r.err);
  });

  it('gives a too-long record for a 50 MB line without holding it, and goes on with the next line', () => {
    const p = join(tmp, 'huge.jsonl');
    const fd = openSync(p, 'w');
    writeSync(fd, '{"id": "huge", "text": "');
    const chunk = Buffer.alloc(1 << 20, 'а '); // 1 MiB of «а а а»
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    writeSync(fd, '"}\n' + JSON.stringify({ id: 'small', text: RU }) + '\n');
    closeSync(fd);
    const r = cli(['--jobs', '1', p]);
    expect(r.code).toBe(1);
    const lines = parse(r.lines);
    expect(lines.map((l) => [l.document.id, l.error?.code ?? 'ok'])).toEqual([['huge', 'too-long'], ['small', 'ok']]);
    expect(lines[0].error.message).toMatch(/longer than .*--max-chars 1000000/);
  }, SLOW);

  it('--max-chars applies to text files and JSONL lines alike', () => {
    const t = file('limit/long.txt', RU);
    const j = file('limit/long.jsonl', JSON.stringify({ id: 'x', text: RU }) + '\n' + JSON.stringify({ id: 'y', text: 'Токаев.' }) + '\n');
    const r = cli(['--jobs', '1', '--max-chars', '50', '--lang', 'ru', t, j]);
    expect(r.code).toBe(1);
    expect(parse(r.lines).map((l) => [l.document.id, l.error?.code ?? 'ok'])).toEqual([['long', 'too-long'], ['x', 'too-long'], ['y', 'ok']]);
  });

  it('keeps the count: an empty file and a missing one among good files each get their record', () => {
    const files = [file('count/1.txt', RU), file('count/2.txt', ''), join(tmp, 'count', 'missing.txt'), file('count/4.txt', RU2)];
    for (const jobs of ['1', '2']) {
      const r = cli(['--jobs', jobs, ...files]);
      expect(r.code).toBe(1);
      expect(parse(r.lines).map((l) => [l.document.id, l.error?.code ?? 'ok'])).toEqual([['1', 'ok'], ['2', 'empty'], ['missing', 'not-found'], ['4', 'ok']]);
    }
  }, SLOW);
});

describe('--jobs', () => {
  it.skipIf(!existsSync(CORPUS))('gives the same lines in the same order with 2 worker threads as in-process, on 50 documents', () => {
    const p = file('corpus50.jsonl', corpusLines(50).join('\n') + '\n');
    const one = cli(['--jobs', '1', p]);
    const two = cli(['--jobs', '2', p]);
    expect(one.lines).toHaveLength(50);
    expect(two.code).toBe(one.code);
    expect(two.out).toBe(one.out);
    expect(parse(two.lines).map((l) => l.document.id)).toEqual(corpusLines(50).map((l) => JSON.parse(l).id));
  }, SLOW);

  it('reports a broken dictionary from the worker threads with exit code 3', () => {
    const d = join(tmp, 'baddict');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'x.json'), JSON.stringify({ description: 'd', source: 's', entries: [{ id: 'org:x', type: 'organization', name: 'X', kind: 'bank' }] }));
    const r = cli(['--jobs', '2', '--dict', d, file('dict/a.txt', RU), file('dict/b.txt', RU2)]);
    // once in CI the process died of a signal here (see Pool.close): the message says which, and what it printed
    expect(r.code, `signal ${r.signal}; stderr: ${r.err.slice(-800)}`).toBe(3);
    expect(r.err).toMatch(/x\.json: entry org:x: field kind/);
    expect(r.out).toBe('');
  });

  it('refuses a --jobs or --max-chars that is not a positive whole number (exit 2)', () => {
    expect(cli(['--jobs', '0', 'x.txt']).code).toBe(2);
    expect(cli(['--max-chars', 'many', 'x.txt']).code).toBe(2);
    expect(cli(['--encoding', 'latin-1', 'x.txt']).code).toBe(2);
  });
});

describe('folders and patterns', () => {
  const dir = join(tmp, 'tree');
  file('tree/b.txt', RU2);
  file('tree/a.txt', RU);
  file('tree/sub/c.txt', RU);
  file('tree/sub/deeper/d.TXT', RU2);
  file('tree/notes.md', RU);
  file('tree/.hidden/e.txt', RU);

  it('reads the .txt files of a folder recursively, sorted, with ids relative to the folder', () => {
    const r = cli(['--jobs', '1', dir]);
    expect(r.code).toBe(0);
    expect(parse(r.lines).map((l) => l.document.id)).toEqual(['a', 'b', 'sub/c', 'sub/deeper/d']); // .txt in any case; hidden folders skipped
  });

  it('expands quoted glob patterns itself: *, ** and ?', () => {
    const r = cli(['--jobs', '1', join(dir, '*.txt'), join(dir, '**', '*.txt'), join(dir, 's?b', '**'), join(dir, '*.nothing')]);
    expect(r.code).toBe(1);
    expect(parse(r.lines).map((l) => l.document.id)).toEqual([
      'a', 'b', //                   *.txt
      'a', 'b', 'sub/c', //          **/*.txt: the pattern is case-sensitive (not d.TXT), dot folders are skipped
      'sub/c', 'sub/deeper/d', //    s?b/**: ids are relative to the folder before the first wildcard
      join(dir, '*.nothing'), //     no match: an error record
    ]);
    expect(r.err).toMatch(/\*\.nothing: no file matches this pattern/);
  }, SLOW);

  it('reports a folder with no .txt files', () => {
    mkdirSync(join(tmp, 'empty-dir'), { recursive: true });
    const r = cli([join(tmp, 'empty-dir')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is a directory with no \.txt files/);
  });

  it('gives an error record for a file in a folder that cannot be read, and goes on', () => {
    const d = join(tmp, 'loop');
    file('loop/good.txt', RU);
    symlinkSync('bad.txt', join(d, 'bad.txt')); // a symbolic link to itself: ELOOP, even for root
    const r = cli(['--jobs', '1', d]);
    expect(r.code).toBe(1);
    expect(parse(r.lines).map((l) => [l.document.id, l.error?.code ?? 'ok'])).toEqual([['bad', 'unreadable'], ['good', 'ok']]);
    noStack(r.err);
  });

  // chmod 000 does not stop root (CI runs as root): then the run goes as user nobody when that
  // is possible, and the test is skipped only when neither way makes permissions bite
  const locked = join(tmp, 'locked');
  file('locked/inner/a.txt', RU);
  chmodSync(tmp, 0o755);
  chmodSync(join(locked, 'inner'), 0o000);
  let permissionsBite = true;
  try { readdirSync(join(locked, 'inner')); permissionsBite = false; } catch { /* as expected for a normal user */ }
  const asNobody = !permissionsBite && process.getuid?.() === 0
    && spawnSync('runuser', ['-u', 'nobody', '--', 'node', BIN, 'schema'], { cwd: tmp }).status === 0;
  it.skipIf(!permissionsBite && !asNobody)('gives an unreadable record for a folder without read permission (skipped when root cannot run as nobody)', () => {
    const r = asNobody
      ? spawnSync('runuser', ['-u', 'nobody', '--', 'node', BIN, '--jobs', '1', locked], { encoding: 'utf8', cwd: tmp })
      : spawnSync('node', [BIN, '--jobs', '1', locked], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout.split('\n')[0]!)).toMatchObject({ document: { id: 'inner' }, error: { code: 'unreadable', message: 'permission denied' } });
    noStack(r.stderr);
  });
});

describe('encodings', () => {
  it('decodes windows-1251, KOI8-R and UTF-16 LE/BE with a warning that names each, to the same result as UTF-8', () => {
    const utf8 = file('enc/utf8.txt', RU);
    const cases: Array<[string, string]> = [
      [file('enc/cp1251.txt', iconv.encode(RU, 'windows-1251')), 'windows-1251'],
      [file('enc/koi8.txt', iconv.encode(RU, 'koi8-r')), 'koi8-r'],
      [file('enc/u16le.txt', iconv.encode(RU, 'utf-16le', { addBOM: true })), 'utf-16le'],
      [file('enc/u16be.txt', iconv.encode(RU, 'utf-16be', { addBOM: true })), 'utf-16be'],
    ];
    const r = cli(['--jobs', '1', utf8, ...cases.map(([p]) => p)]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(cases.map(([p, enc]) => `sobesednik: ${p}: decoded as ${enc}\n`).join(''));
    expect(r.lines).toHaveLength(5);
    for (const line of r.lines.slice(1)) expect(body(line)).toBe(body(r.lines[0]!));
  });

  it('--encoding overrides detection and prints no warning; --quiet silences warnings', () => {
    const p = file('enc/forced.txt', iconv.encode(RU, 'windows-1251'));
    const forced = cli(['--encoding', 'windows-1251', p]);
    expect(forced.code).toBe(0);
    expect(forced.err).toBe('');
    expect(cli(['--quiet', p]).err).toBe('');
    expect(cli(['--encoding', 'utf-8', p]).err).toMatch(/invalid UTF-8/); // strict when asked for UTF-8
  }, SLOW);

  it('decodes JSONL in windows-1251 and UTF-16, one warning per file', () => {
    const cp = file('enc/cp.jsonl', iconv.encode([JSON.stringify({ id: 'a', text: RU }), JSON.stringify({ id: 'b', text: RU2 })].join('\n') + '\n', 'windows-1251'));
    const u16 = file('enc/u16.jsonl', iconv.encode(JSON.stringify({ id: 'c', text: RU }) + '\n', 'utf-16le', { addBOM: true }));
    const r = cli(['--jobs', '1', cp, u16]);
    expect(r.code).toBe(0);
    expect(parse(r.lines).map((l) => [l.document.id, l.entities.length > 0])).toEqual([['a', true], ['b', true], ['c', true]]);
    expect(r.err).toBe(`sobesednik: ${cp}: decoded as windows-1251\nsobesednik: ${u16}: decoded as utf-16le\n`);
  });

  it('keeps random bytes an error: binary with NUL bytes, invalid UTF-8 without', () => {
    let seed = 42;
    const random = (n: number, lo: number) => Buffer.from(Array.from({ length: n }, () => { seed = (seed * 1103515245 + 12345) % 2147483648; return lo + (seed >> 16) % (256 - lo); }));
    const withNul = file('enc/random0.txt', random(4096, 0));
    const high = file('enc/random1.txt', random(4096, 0x80));
    const r = cli(['--jobs', '1', withNul, high]);
    expect(r.code).toBe(1);
    expect(parse(r.lines).map((l) => l.error?.code)).toEqual(['binary', 'invalid-utf8']);
    noStack(r.err);
  });
});

/** A JSONL file of more than RELAUNCH_MIN_BYTES: the corpus's lines again and again under new ids, one bad line among them. */
let bigJsonl: string | null = null;
const bigBatch = () => {
  if (bigJsonl) return bigJsonl;
  const docs = corpusLines(Infinity).map((l) => JSON.parse(l) as { id: string; text: string });
  const lines: string[] = [];
  for (let bytes = 0, k = 0; bytes <= RELAUNCH_MIN_BYTES; k++) {
    const d = docs[k % docs.length]!;
    const line = k === 7 ? '{"id": "broken", "text": ' : JSON.stringify({ id: `${d.id}#${k}`, text: d.text });
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return (bigJsonl = file('big/batch.jsonl', lines.join('\n') + '\n'));
};

describe.skipIf(!existsSync(CORPUS))('a large batch on one or two cores runs in a process with one V8 platform thread', () => {
  it('writes the same bytes and exit code as a run that stays in its process', () => {
    const p = bigBatch();
    const debug = { ...process.env, SOBESEDNIK_DEBUG: '1' };
    const run = (nodeFlags: string[], jobs: string) => spawnSync('node', [...nodeFlags, BIN, '--jobs', jobs, p], { encoding: 'utf8', cwd: ROOT, env: debug, maxBuffer: 256 * 1024 * 1024 });
    const stayed = run(['--v8-pool-size=4'], '1');
    const note = /running the batch in a new process with --v8-pool-size=1/;
    expect(stayed.stderr).not.toMatch(note);
    expect(stayed.status).toBe(1); // the bad line
    const lines = stayed.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(readFileSync(p, 'utf8').split('\n').filter(Boolean).length);
    expect(JSON.parse(lines[7]!).error.code).toBe('bad-jsonl');
    const fromStdin = (stdin: number | 'pipe') => spawnSync('node', [BIN, '--jobs', '1', '--input', 'jsonl'], {
      encoding: 'utf8', cwd: ROOT, env: debug, maxBuffer: 256 * 1024 * 1024, stdio: [stdin, 'pipe', 'pipe'], input: stdin === 'pipe' ? readFileSync(p) : undefined,
    });
    const piped = fromStdin('pipe'); // a pipe's size is unknown: the run stays
    expect(piped.stderr).not.toMatch(note);
    const fd = openSync(p, 'r');
    const redirected = fromStdin(fd); // `< batch.jsonl`: standard input is a file, whose size is known
    closeSync(fd);
    // the bad line's record is named after its source («batch:8», «stdin:8»)
    for (const [moved, same] of [[run([], '1'), stayed], [run([], '2'), stayed], [redirected, piped]] as const) {
      if (availableParallelism() <= 2) expect(moved.stderr).toMatch(note);
      else expect(moved.stderr).not.toMatch(note);
      expect(moved.status).toBe(1);
      expect(moved.stdout).toBe(same.stdout);
    }
    expect(piped.stdout.split('\n').filter((l) => !l.includes('"error"'))).toEqual(stayed.stdout.split('\n').filter((l) => !l.includes('"error"')));
  }, SLOW);
});

describe('faults: closed pipe and interrupt', () => {
  /** Spawns the binary; resolves with the first `n` lines of standard output once they are there. */
  const start = (args: string[]) => {
    const child = spawn('node', [BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const lines = (n: number) => new Promise<string[]>((resolve, reject) => {
      const check = () => {
        const got = out.split('\n');
        if (got.length > n) { child.stdout.off('data', onData); resolve(got.slice(0, n)); }
      };
      const onData = (d: Buffer) => { out += d.toString('utf8'); check(); };
      child.stdout.on('data', onData);
      child.on('close', () => reject(new Error(`exited before ${n} lines: ${err}`)));
    });
    return { child, exited, lines, output: () => out, errors: () => err };
  };

  it.skipIf(!existsSync(CORPUS))('ends quietly when the reader closes the pipe after one line (| head -1)', async () => {
    const p = file('faults/corpus.jsonl', corpusLines(60).join('\n') + '\n');
    for (const jobs of ['1', '2']) {
      const run = start(['--jobs', jobs, p]);
      const [first] = await run.lines(1);
      expect(JSON.parse(first!).document.id).toBe(JSON.parse(corpusLines(1)[0]!).id);
      run.child.stdout.destroy();
      const { code } = await run.exited;
      expect(code).toBe(0);
      expect(run.errors()).toBe('');
    }
  }, SLOW);

  it('stops on SIGINT with exit code 130, leaving only complete lines', async () => {
    for (const jobs of ['1', '2']) {
      const run = start(['--jobs', jobs, '--input', 'jsonl']);
      run.child.stdin.write(JSON.stringify({ id: 'a', text: RU }) + '\n' + JSON.stringify({ id: 'b', text: RU2 }) + '\n');
      await run.lines(2); // standard input stays open: the run is waiting for more
      run.child.kill('SIGINT');
      const { code } = await run.exited;
      expect(code).toBe(130);
      expect(run.output().endsWith('\n')).toBe(true);
      expect(parse(run.output().split('\n').filter(Boolean)).map((l) => l.document.id)).toEqual(['a', 'b']);
      noStack(run.errors());
    }
  }, SLOW);
  it.skipIf(!existsSync(CORPUS))('stops on SIGTERM with exit code 143, also when the batch moved to a new process', async () => {
    const run = start(['--jobs', '1', bigBatch()]);
    await run.lines(1);
    run.child.kill('SIGTERM'); // to the process started here only, as `kill PID` does
    const { code } = await run.exited;
    expect(code).toBe(143);
    expect(run.output().endsWith('\n')).toBe(true);
    expect(run.output().split('\n').filter(Boolean).length).toBeLessThan(readFileSync(bigBatch(), 'utf8').split('\n').filter(Boolean).length);
    noStack(run.errors());
  }, SLOW);
});

describe('the GNU parallel recipe of the README', () => {
  const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasParallel || !existsSync(CORPUS))('gives the same output as one run (skipped without GNU parallel)', () => {
    const lines = corpusLines(12);
    const p = file('parallel/in.jsonl', lines.join('\n') + '\n');
    const r = spawnSync('sh', ['-c', `parallel --will-cite --pipe -N 6 --keep-order node "${BIN}" --input jsonl --jobs 1 < "${p}"`], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(cli(['--jobs', '1', p]).out);
  }, SLOW);
});
