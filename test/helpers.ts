// Shared set-up for stage tests: one compiled knowledge base and analyzer, and a way to run
// the pipeline up to a named stage on a text of our own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, type Context } from '../src/context.js';
import type { Doc } from '../src/doc.js';
import { compileKnowledge } from '../src/dictionary/knowledge.js';
import { createExtractor, loadDictionaries, type Extractor } from '../src/index.js';
import { Analyzer } from '../src/morph/analyzer.js';
import { emptyDoc, STAGES } from '../src/pipeline.js';

export const ROOT = join(import.meta.dirname, '..');
export const SAMPLE_PATH = join(ROOT, 'samples', 'ru-kazpravda-ashimbaev-al-habbash.txt');
export const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

let ctx: Context | null = null;
export function context(): Context {
  ctx ??= createContext(compileKnowledge(loadDictionaries()), new Analyzer());
  return ctx;
}

let ex: Extractor | null = null;
export function extractor(): Extractor {
  ex ??= createExtractor({ validate: true });
  return ex;
}

/** Runs the pipeline on text up to and including the named stage. */
export function runUntil(text: string, stage: string, date: string | null = null): Doc {
  let d = emptyDoc('t', text, 'ru', date);
  for (const [name, fn] of STAGES) {
    d = fn(d, context());
    if (name === stage) return d;
  }
  return d;
}

export function spanText(d: Doc, first: number, last: number): string {
  return d.text.slice(d.tokens[first].start, d.tokens[last].end);
}

/** Full extraction result of a text (validated against the output schema). */
export function run(text: string, date?: string) {
  return extractor().extract(text, { lang: 'ru', date });
}

export function entityNamed(r: ReturnType<typeof run>, name: string) {
  return r.entities.find((e) => e.name === name);
}
