// The built-in dictionaries, validated and compiled at build time into dist/ (the phrase tables as JSON,
// and the forms of the lemma keys as a word list), so that creating an extractor neither re-validates
// nor re-compiles them.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MentionKind } from '../doc.js';
import { wordKeys, type Phrase, type PhraseTable } from '../gazetteer/compile.js';
import type { Tables } from './knowledge.js';
import { listDictionaryFiles, type DictionarySet } from './load.js';

export const ARTIFACT_VERSION = 3;

/** A phrase word as [folded word, exact text, capitalized]: its keys are derived again when first needed. */
type SerialWord = [string | null, string | null, boolean];
type SerialPhrase = [SerialWord[], number, MentionKind, boolean, number];
interface SerialTable { phrases: SerialPhrase[]; byKey: Record<string, number[]>; size: number }

export interface Artifact {
  version: number;
  /** Size and modification time of every dictionary file it was built from. */
  fingerprint: string;
  set: DictionarySet;
  tables: Record<string, SerialTable | Record<string, SerialTable>>;
  /** Every key a phrase word is stored under (Knowledge.keyUniverse), precomputed. */
  universe: string[];
}

/** A cheap fingerprint of a dictionary folder: file names, sizes and modification times. */
export function fingerprint(dir: string): string {
  return listDictionaryFiles(dir).map((f) => {
    const st = statSync(f);
    return `${f.slice(dir.length)}:${st.size}:${Math.round(st.mtimeMs)}`;
  }).join('|');
}

function serializeTable(t: PhraseTable<number>): SerialTable {
  const index = new Map<Phrase<number>, number>();
  const phrases: SerialPhrase[] = [];
  const byKey: Record<string, number[]> = {};
  for (const [key, list] of t.byKey) {
    if (!list) continue;
    byKey[key] = list.map((p) => {
      let i = index.get(p);
      if (i === undefined) {
        i = phrases.length;
        index.set(p, i);
        phrases.push([p.words.map((w) => [w.norm, w.exact, w.cap]), p.value, p.kind, p.ambiguous, p.priority]);
      }
      return i;
    });
  }
  return { phrases, byKey, size: t.size };
}

/** A table whose phrases are built from their serial form on first lookup: a document touches few keys,
 * and building all of them made start-up slower than the rest of it together. Its byKey holds only the
 * keys looked up so far, so such a table is for matching, not for iterating or adding phrases. */
function deserializeTable(s: SerialTable): PhraseTable<number> {
  // JSON.parse gives byKey a prototype: a key such as "constructor" must not be found on it
  Object.setPrototypeOf(s.byKey, null);
  const built: Array<Phrase<number> | undefined> = new Array(s.phrases.length);
  const phrase = (i: number): Phrase<number> => {
    const [words, value, kind, ambiguous, priority] = s.phrases[i];
    return { words: words.map(([norm, exact, cap]) => ({ keys: norm === null ? null : wordKeys(norm, cap), norm, exact, cap })), value, kind, ambiguous, priority };
  };
  // a token's keys are in some table, rarely in all: a miss is remembered too (as null)
  const load = (key: string) => s.byKey[key]?.map((i) => (built[i] ??= phrase(i))) ?? null;
  return { byKey: new Map(), size: s.size, load };
}

export function writeArtifact(path: string, dir: string, set: DictionarySet, tables: Tables, universe: Set<string>, lemmaForms: string[]): void {
  const phrases: Record<string, SerialTable> = {};
  for (const [k, t] of Object.entries(tables.phrases)) phrases[k] = serializeTable(t);
  const artifact: Artifact = {
    version: ARTIFACT_VERSION,
    fingerprint: fingerprint(dir),
    set: { ...set, entities: set.entities.map((e) => ({ ...e, source: e.source.slice(e.source.indexOf('dictionaries')) })) },
    tables: { entities: serializeTable(tables.entities), titles: serializeTable(tables.titles), topicTerms: serializeTable(tables.topicTerms), phrases },
    universe: [...universe],
  };
  writeFileSync(path, JSON.stringify(artifact), 'utf16le');
  writeFileSync(formsPath(path), lemmaForms.join('\n'), 'utf16le');
}

/** The prebuilt set and tables, or null when the artifact is missing or older than the dictionaries. */
export function readArtifact(path: string, dir: string): { set: DictionarySet; tables: Tables; universe: Set<string>; lemmaForms: string | null } | null {
  let a: Artifact;
  try {
    a = JSON.parse(readFileSync(path, 'utf16le')) as Artifact;
  } catch {
    return null;
  }
  if (a.version !== ARTIFACT_VERSION || a.fingerprint !== fingerprint(dir)) return null;
  const t = a.tables as { entities: SerialTable; titles: SerialTable; topicTerms: SerialTable; phrases: Record<string, SerialTable> };
  const phrases = Object.fromEntries(Object.entries(t.phrases).map(([k, v]) => [k, deserializeTable(v)])) as unknown as Tables['phrases'];
  return {
    set: a.set,
    universe: new Set(a.universe),
    lemmaForms: readOptional(formsPath(path)),
    tables: { entities: deserializeTable(t.entities), titles: deserializeTable(t.titles), topicTerms: deserializeTable(t.topicTerms), phrases },
  };
}

// Both files are UTF-16LE: Node decodes UTF-8 Cyrillic at ~100 MB/s, and reading the two took ~35 ms of
// start-up; UTF-16LE is copied as it is (~4 ms).
export const ARTIFACT_NAME = 'knowledge.utf16le.json';
export const LEMMA_FORMS_NAME = 'lemma-forms.utf16le.txt';
/** Knowledge.lemmaForms, one per line, in a text file beside the artifact: as a JSON string it took ~20 ms to parse. */
const formsPath = (artifact: string) => join(dirname(artifact), LEMMA_FORMS_NAME);

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, 'utf16le');
  } catch {
    return null;
  }
}
