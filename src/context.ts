import type { Knowledge } from './dictionary/knowledge.js';
import type { Analyzer } from './morph/analyzer.js';

/** What every stage may read: compiled knowledge and the morphology analyzer. */
export interface Context {
  knowledge: Knowledge;
  morph: Analyzer;
}
