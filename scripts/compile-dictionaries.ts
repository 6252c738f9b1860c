// Build step: validate the built-in dictionaries and compile them into dist/ (see ARTIFACT_NAME).
//   node dist/scripts/compile-dictionaries.js
import { join } from 'node:path';
import { ARTIFACT_NAME, writeArtifact } from '../src/dictionary/artifact.js';
import { compileTables, keyTables } from '../src/dictionary/knowledge.js';
import { lemmaForms } from '../src/morph/lexemes.js';
import { BUILTIN_DICTIONARIES, DictionaryError, loadDictionaries } from '../src/index.js';

const out = join(import.meta.dirname, '..', ARTIFACT_NAME);
try {
  const set = loadDictionaries({ builtin: true, prebuilt: false });
  const tables = compileTables(set);
  const universe = keyTables(tables);
  const forms = lemmaForms([...universe.keys()].filter((k) => k.startsWith('l:')).map((k) => k.slice(2)));
  writeArtifact(out, BUILTIN_DICTIONARIES, set, tables, universe, forms);
  console.log(`compiled ${set.entities.length} entries, ${set.positions.length} positions, ${set.topics.length} topic categories into ${out}`);
} catch (e) {
  if (e instanceof DictionaryError) {
    console.error(`dictionary error:\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
