import type { Knowledge } from './dictionary/knowledge.js';
import type { Analyzer } from './morph/analyzer.js';

/** What every stage may read: compiled knowledge and the morphology analyzer. */
export interface Context {
  knowledge: Knowledge;
  morph: Analyzer;
  /** Lookup keys by token text, with the bits of the tables that have phrases under them, shared by the
   * documents of one extractor. */
  tokenKeyCache: Map<string, { keys: string[]; tables: number }>;
}

export function createContext(knowledge: Knowledge, morph: Analyzer): Context {
  return { knowledge, morph, tokenKeyCache: new Map() };
}
