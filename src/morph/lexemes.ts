// Every dictionary form of given lemmas («посол» → посла, послу, послы, …), for the build step: a word that
// is none of them cannot have one of them as its lemma, so it need not be analysed for lemma keys.
import { Az } from './az.js';
import { initMorphology } from './analyzer.js';
import { foldCase } from '../segment/tokenize.js';

/** Paradigm fields of az's dictionary parses (az 0.2.3), which its typings omit. */
interface DictionaryParse { formCnt?: number; inflect(form: number): { word?: string } | false }

export function lemmaForms(lemmas: Iterable<string>): string[] {
  initMorphology();
  const out = new Set<string>();
  for (const lemma of lemmas) {
    out.add(lemma);
    // all of the lemma's parses, not the analyzer's first 8: more forms only mean more words analysed
    // names and places (Geox) are found only when capitalized: «евросоюз» → «Евросоюз»
    const capitalized = lemma[0].toUpperCase() + lemma.slice(1);
    for (const p of [...Az.Morph(lemma), ...Az.Morph(capitalized)] as unknown as DictionaryParse[]) {
      if (!p.formCnt) continue; // a guess from the ending has no paradigm to enumerate
      for (let f = 0; f < p.formCnt; f++) {
        const form = p.inflect(f);
        if (form && form.word) out.add(foldCase(form.word));
      }
    }
  }
  return [...out].sort();
}
