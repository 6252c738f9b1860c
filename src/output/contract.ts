// The zod schemas, loaded on first use. Importing zod and compiling a schema on its first parse
// cost ~120 ms, a sixth of a one-article CLI run, and only validation, `sobesednik schema` and
// dictionaries read from JSON need them. Node ≥ 20.19 loads an ES module synchronously with
// require(). Under vitest the sources are TypeScript, which require() cannot read, so
// test/setup.ts gives these functions the statically imported modules instead.
import { createRequire } from 'node:module';
import { sourcePath } from '../package-files.js';

type OutputSchemas = typeof import('./schema.js');
type DictionarySchemas = typeof import('../dictionary/schema.js') & typeof import('../dictionary/triggers-schema.js') & typeof import('../dictionary/english-schema.js');

const load = createRequire(import.meta.url);
let output: OutputSchemas | null = null;
let dictionary: DictionarySchemas | null = null;

export function outputSchemas(): OutputSchemas {
  return (output ??= load(sourcePath('output/schema.js')) as OutputSchemas);
}

export function dictionarySchemas(): DictionarySchemas {
  return (dictionary ??= {
    ...(load(sourcePath('dictionary/schema.js')) as object), ...(load(sourcePath('dictionary/triggers-schema.js')) as object),
    ...(load(sourcePath('dictionary/english-schema.js')) as object),
  } as DictionarySchemas);
}
