// The library: createExtractor loads dictionaries once; extract() is synchronous and pure.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, type Context } from './context.js';
import { DictionaryError, duplicateIds, emptyDictionarySet, loadDictionaryDir, type DictionarySet } from './dictionary/load.js';
import { assembleKnowledge, compileKnowledge } from './dictionary/knowledge.js';
import { ARTIFACT_NAME, readArtifact } from './dictionary/artifact.js';
import { detectLanguage } from './language/detect.js';
import { Analyzer } from './morph/analyzer.js';
import { toResult } from './output/build.js';
import { outputSchemas } from './output/contract.js';
import type { Result, ErrorRecord } from './output/schema.js';
import { SCHEMA_VERSION } from './output/version.js';
import { sourcePath } from './package-files.js';
import { emptyDoc, runPipeline } from './pipeline.js';
import { stripBom } from './read/decode.js';

export { SCHEMA_VERSION, DictionaryError };

/** The JSON Schema of a result or error record. */
export function jsonSchema(): unknown {
  return outputSchemas().jsonSchema();
}
export type { Result, ErrorRecord };
export type { EntityOut, MeetingOut } from './output/schema.js';
export type { DictionaryProblem } from './dictionary/load.js';

/** Where the built-in dictionaries live: beside dist/ when built, beside src/ when run from source (tests). */
export const BUILTIN_DICTIONARIES = ['../../dictionaries/', '../dictionaries/']
  .map(sourcePath)
  .find((p) => existsSync(join(p, 'language.json'))) ?? sourcePath('../../dictionaries/');

export interface ExtractorOptions {
  /** Extra dictionary folders, merged over the built-in ones (later folders win on equal ids). */
  dictionaries?: string[];
  /** Load the built-in dictionaries (default true). */
  builtin?: boolean;
  /** Use the built-in dictionaries as compiled at build time (default true; false re-reads and re-validates them). */
  prebuilt?: boolean;
  /** Validate every result against the output schema before returning it (default false: the tests do it, and it
   * costs ~120 ms at start-up and ~3% of the time after). */
  validate?: boolean;
}

export interface ExtractOptions {
  id?: string;
  /** Publication date, ISO 8601 (YYYY-MM-DD); enables relative dates such as «вчера». */
  date?: string | null;
  /** 'auto' (default) reads Russian and English and refuses other languages; 'ru' and 'en' force a pipeline. */
  lang?: 'auto' | 'ru' | 'en';
}

/** A document that cannot be processed: code is stable, message is for people. */
export class ExtractionError extends Error {
  constructor(readonly code: 'empty' | 'unsupported-language' | 'too-long' | 'invalid-date', message: string) {
    super(message);
    this.name = 'ExtractionError';
  }
}

export interface Extractor {
  extract(text: string, options?: ExtractOptions): Result;
}

const LANGUAGE_NAMES: Record<string, string> = {
  uk: 'Ukrainian', be: 'Belarusian', kk: 'Kazakh', en: 'English', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian',
  pt: 'Portuguese', nl: 'Dutch', pl: 'Polish', tr: 'Turkish', und: 'undetermined',
};

export function loadDictionaries(options: ExtractorOptions = {}): DictionarySet {
  const set = emptyDictionarySet();
  const problems = [];
  if (options.builtin !== false) problems.push(...loadDictionaryDir(set, BUILTIN_DICTIONARIES));
  const builtinCount = set.entities.length;
  for (const dir of options.dictionaries ?? []) problems.push(...loadDictionaryDir(set, dir));
  // duplicates inside the built-in set are errors; a user entry may override a built-in id
  const builtinOnly = { ...set, entities: set.entities.slice(0, builtinCount) };
  problems.push(...duplicateIds(builtinOnly));
  if (problems.length) throw new DictionaryError(problems);
  return set;
}

/** The compiled built-in dictionaries, beside dist/src/ (absent when running from source). */
const ARTIFACT = sourcePath(`../${ARTIFACT_NAME}`);

function knowledgeFor(options: ExtractorOptions) {
  // user dictionaries are compiled at load; the built-in ones alone come prebuilt when the build made them
  const prebuilt = options.builtin !== false && options.prebuilt !== false && !options.dictionaries?.length ? readArtifact(ARTIFACT, BUILTIN_DICTIONARIES) : null;
  return prebuilt ? assembleKnowledge(prebuilt.set, prebuilt.tables, prebuilt.universe, prebuilt.lemmaForms) : compileKnowledge(loadDictionaries(options));
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const ctx: Context = createContext(knowledgeFor(options), new Analyzer());
  const validate = options.validate === true;
  return {
    extract(input: string, opts: ExtractOptions = {}): Result {
      const text = stripBom(input);
      if (!text.trim()) throw new ExtractionError('empty', 'empty text');
      if (opts.date != null && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new ExtractionError('invalid-date', `invalid date ${JSON.stringify(opts.date)}: expected YYYY-MM-DD`);
      // a forced language skips detection (a few per cent of a short article)
      const language = opts.lang === 'ru' || opts.lang === 'en' ? opts.lang : detectLanguage(text);
      if (language !== 'ru' && language !== 'en') {
        throw new ExtractionError('unsupported-language', `text is neither Russian nor English (detected: ${LANGUAGE_NAMES[language] ?? language}); use --lang ru or --lang en to process it anyway`);
      }
      const doc = runPipeline(emptyDoc(opts.id ?? 'document', text, language, opts.date ?? null), ctx);
      const result = toResult(doc);
      return validate ? outputSchemas().Result.parse(result) : result;
    },
  };
}

let shared: Extractor | null = null;

/** One-off extraction with the built-in dictionaries (the extractor is created on first use). */
export function extract(text: string, options: ExtractOptions = {}): Result {
  shared ??= createExtractor();
  return shared.extract(text, options);
}
