// Build step: bundle the CLI into one script and make V8's code cache for it (see src/cli/bundled.ts).
//   node dist/scripts/bundle-cli.js
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { BUNDLE, CODE_CACHE } from '../src/cli/bundled.js';

const root = join(import.meta.dirname, '..', '..');
const external = (id: string) => id.startsWith('node:') || builtinModules.includes(id);
// az and commander, which every run loads, go into the bundle (and so into the code cache); the
// library requires az (src/morph/az.ts: an ES import of it is slow), which a bundler cannot follow,
// so here that module imports it. franc, compromise, zod and iconv-lite, loaded only when needed, stay out.
const AZ_MODULE = join(root, 'dist', 'src', 'morph', 'az.js');
const bundleAz = { name: 'bundle-az', load: (id: string) => (id === AZ_MODULE ? "import Az from 'az';\nexport { Az };\n" : null) };
// commander loads node:child_process (~4 ms) for executable subcommands, which this CLI has none of:
// in the bundle it is loaded only if one were ever spawned
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'lazy-child-process',
  transform: (code: string, id: string) => (id.includes('/commander/lib/command.js') && code.includes(CHILD_PROCESS)
    ? code.replace(CHILD_PROCESS, "const childProcess = { get spawn() { return require('node:child_process').spawn; } };")
    : null),
};

async function bundleCli(): Promise<void> {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({ input: join(root, 'dist', 'src', 'cli', 'main.js'), platform: 'node', external, plugins: [bundleAz, lazyChildProcess], logLevel: 'warn' });
  await bundle.write({ file: BUNDLE, format: 'cjs' });
  await bundle.close();
  // the run whose compiled functions the cache keeps: the CLI on the sample article
  const sample = join(root, 'samples', 'ru-kazpravda-ashimbaev-al-habbash.txt');
  if (!existsSync(sample)) return;
  const run = spawnSync(process.execPath, [join(root, 'bin', 'sobesednik.js'), sample], {
    env: { ...process.env, SOBESEDNIK_WRITE_CODE_CACHE: '1', SOBESEDNIK_NO_BUNDLE: '' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0 || !existsSync(CODE_CACHE)) throw new Error(`the bundled CLI failed on ${sample} (exit ${run.status})`);
}

// a bundle from an earlier build must not outlive the modules it was made from
for (const f of [BUNDLE, CODE_CACHE]) rmSync(f, { force: true });
try {
  await bundleCli();
  console.log(`bundled the CLI into ${BUNDLE}${existsSync(CODE_CACHE) ? ` with its code cache ${CODE_CACHE}` : ''}`);
} catch (e) {
  // the CLI still works without it, from the ES modules (the tests insist on the bundle, so CI notices)
  for (const f of [BUNDLE, CODE_CACHE]) rmSync(f, { force: true });
  console.warn(`warning: the CLI was not bundled (${(e as Error).message}); it will start from the ES modules, ~0.1 s slower`);
}
