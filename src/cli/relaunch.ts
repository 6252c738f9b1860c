// A large batch on one or two cores runs in a new node process started with one V8 platform thread.
// Node gives V8 four platform threads, and V8's optimizing compiler runs up to four compilations on them
// at once: over the first few thousand articles (~3 s of compiling, see bench/HISTORY.md) they took the
// extractors' cores away from them. With one platform thread, on this 2-core machine: the CLI over the
// 10 MB JSONL corpus 6.09 → 5.40 s in one process (mean of 5 alternating runs, 4 faster) and 7.7 → 6.8 s
// with --jobs 2 (3 of 3); the extractor alone +10% (19 of 23 alternating pairs faster). The flag can
// only be given when node starts, hence the new process; the ~0.15 s this process spent up to here is
// why small batches stay in it. The output is the same bytes either way.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export const POOL_FLAG = '--v8-pool-size=1';
/** Batches whose files hold fewer bytes than this (and standard input from a pipe, whose size is unknown) stay in this process. */
export const RELAUNCH_MIN_BYTES = 4 * 1024 * 1024;

export interface RelaunchCase {
  cores: number;
  /** The bytes of the input files (standard input's too, when it is a file), or null when a pipe is among the inputs. */
  inputBytes: number | null;
  execArgv: readonly string[];
  nodeOptions: string | undefined;
}

export function shouldRelaunch(c: RelaunchCase): boolean {
  if (c.cores > 2 || c.inputBytes === null || c.inputBytes < RELAUNCH_MIN_BYTES) return false;
  // a pool size the user chose (on the command line or in NODE_OPTIONS) is kept; it also marks the new process
  return ![...c.execArgv, ...(c.nodeOptions ?? '').split(/\s+/)].some((a) => a.startsWith('--v8-pool-size'));
}

/** Runs this command again in a new process with POOL_FLAG; resolves with its exit code, or with null when
 * it could not be started (the caller then goes on in this process). */
export function relaunch(): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, POOL_FLAG, ...process.argv.slice(1)], { stdio: 'inherit' });
    // Ctrl-C reaches the whole process group, so the new process stops by itself (passing SIGINT on would
    // count as a second Ctrl-C there, which quits at once); a signal sent to this process alone is passed on
    const onInt = () => {};
    const onTerm = () => child.kill('SIGTERM');
    const onHup = () => child.kill('SIGHUP');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    process.on('SIGHUP', onHup);
    const done = (code: number | null) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
      resolve(code);
    };
    child.on('error', () => { if (child.pid === undefined) done(null); }); // not started (a failed kill() also lands here)
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}
