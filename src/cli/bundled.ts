// The CLI's quick start. Loading the ~75 ES modules of dist/ (resolving, reading and compiling each)
// and compiling the functions a first document runs took ~90 ms of a ~500 ms one-article run. So the
// build bundles the CLI into one CommonJS script (dist/src/cli.bundle.cjs, scripts/bundle-cli.ts),
// runs it once on the sample article and saves V8's code cache of everything compiled by then
// (cli.bundle.cache). Here the script is compiled with that cache, which V8 checks against its
// version and flags and rejects when they differ: then it compiles as usual. Without the bundle (a
// build that did not make it, or SOBESEDNIK_NO_BUNDLE=1) the ES modules are imported instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { sourcePath } from '../package-files.js';

export type Main = (argv: string[]) => Promise<number>;

export const BUNDLE = sourcePath('cli.bundle.cjs');
export const CODE_CACHE = sourcePath('cli.bundle.cache');
/** Set by the build: after the run, save the code cache (the build runs the sample article this way). */
const WRITE_CACHE = 'SOBESEDNIK_WRITE_CODE_CACHE';

function read(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** The bundled CLI's main(), or null when there is no bundle, it is not wanted, or it does not load. */
export function bundledMain(): Main | null {
  if (process.env.SOBESEDNIK_NO_BUNDLE) return null;
  const source = read(BUNDLE);
  if (!source) return null;
  const debug = (line: string) => { if (process.env.SOBESEDNIK_DEBUG) process.stderr.write(`sobesednik: ${line}\n`); };
  const write = Boolean(process.env[WRITE_CACHE]);
  const cachedData = write ? undefined : read(CODE_CACHE) ?? undefined;
  let script: Script;
  let main: Main | undefined;
  try {
    script = new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, { filename: BUNDLE, cachedData });
    debug(`started from ${BUNDLE}, code cache ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected (compiled anew)' : 'accepted'}`);
    const module = { exports: {} as { main?: Main } };
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
    main = module.exports.main;
  } catch (e) {
    debug(`the bundle did not load (${(e as Error).message}); starting from the ES modules`);
    return null;
  }
  if (!main) return null;
  if (!write) return main;
  const run = main;
  return async (argv) => {
    const code = await run(argv);
    try {
      writeFileSync(CODE_CACHE, script.createCachedData());
    } catch (e) {
      process.stderr.write(`sobesednik: could not write the code cache ${CODE_CACHE}: ${(e as Error).message}\n`);
    }
    return code;
  };
}
