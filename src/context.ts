import { FormTable } from './segment/form-table.js';
import type { Knowledge } from './dictionary/knowledge.js';
import type { Analyzer } from './morph/analyzer.js';

/** What every stage may read: compiled knowledge and the morphology analyzer. */
export interface Context {
  knowledge: Knowledge;
  morph: Analyzer;
  /** Word forms by token kind and text, shared by the documents of one extractor. */
  tokenKeyCache: FormTable;
}

export function createContext(knowledge: Knowledge, morph: Analyzer): Context {
  return { knowledge, morph, tokenKeyCache: new FormTable() };
}
