// The built-in dictionaries, validated and compiled at build time into dist/ (the phrase tables as JSON,
// and the forms of the lemma keys as a word list), so that creating an extractor neither re-validates
// nor re-compiles them.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mapped, type MentionKind } from '../doc.js';
import { wordKeys, type Phrase, type PhraseTable } from '../gazetteer/compile.js';
import type { Tables } from './knowledge.js';
import { sortedLines } from './sorted-lines.js';
import { interned } from '../interned.js';
import { listDictionaryFiles, type DictionarySet } from './load.js';

export const ARTIFACT_VERSION = 6;

/** A table as two strings of lines (see serializeTable): parsed as JSON objects, the tables took ~50 ms of
 * start-up, most of all of it. */
interface SerialTable { phrases: string; keys: string; size: number }

// Separators from the Private Use Area: JSON.stringify leaves them unescaped (an escape sends JSON.parse
// down its slow path for the whole string), and no dictionary word or key has them (checked when writing).
const LINE = '\uE000';
const FIELD = '\uE001';
const WORD = '\uE002';
const PART = '\uE003';
const NULL = '\uE004';
const SEPARATORS = /[\uE000-\uE004]/;

function clean(s: string): string {
  if (SEPARATORS.test(s)) throw new Error(`a dictionary word or key has a character the compiled tables use as a separator: ${JSON.stringify(s)}`);
  return s;
}
const text = (s: string | null) => (s === null ? NULL : clean(s));
const orNull = (s: string) => (s === NULL ? null : s);

function encodePhrase(p: Phrase<number>): string {
  const words = p.words.map((w) => [text(w.norm), text(w.exact), w.cap ? '1' : ''].join(PART)).join(WORD);
  return [words, p.value, p.kind, p.ambiguous ? '1' : '', p.priority].join(FIELD);
}

function decodePhrase(line: string): Phrase<number> {
  const [words, value, kind, ambiguous, priority] = line.split(FIELD);
  return {
    words: mapped(words.split(WORD), (w) => {
      const [norm, exact, cap] = w.split(PART);
      const n = orNull(norm);
      return { keys: n === null ? null : wordKeys(n, cap === '1'), norm: n, exact: orNull(exact), cap: cap === '1', ids: null };
    }),
    value: Number(value),
    kind: interned(kind) as MentionKind, // cut out of the line, it is no internalized string (see interned.ts)
    ambiguous: ambiguous === '1',
    priority: Number(priority),
  };
}

export interface Artifact {
  version: number;
  /** Size and modification time of every dictionary file it was built from. */
  fingerprint: string;
  set: DictionarySet;
  tables: Record<string, SerialTable | Record<string, SerialTable>>;
  /** Every key a phrase word is stored under (Knowledge.keyUniverse), precomputed. */
  universe: { keys: string[]; tables: number[] };
}

/** A cheap fingerprint of a dictionary folder: file names, sizes and modification times. */
export function fingerprint(dir: string): string {
  return listDictionaryFiles(dir).map((f) => {
    const st = statSync(f);
    return `${f.slice(dir.length)}:${st.size}:${Math.round(st.mtimeMs)}`;
  }).join('|');
}

/** `phrases`: one line per phrase; `keys`: one line per key, sorted, with where its phrases' lines start. */
function serializeTable(t: PhraseTable<number>): SerialTable {
  const at = new Map<Phrase<number>, number>();
  const phrases: string[] = [];
  let length = 0;
  const keys: Array<[string, string]> = [];
  for (const [key, list] of t.byKey) {
    if (!list) continue;
    const starts = list.map((p) => {
      let start = at.get(p);
      if (start === undefined) {
        const line = encodePhrase(p);
        start = length;
        length += line.length + LINE.length;
        at.set(p, start);
        phrases.push(line);
      }
      return start;
    });
    keys.push([clean(key), starts.join(',')]);
  }
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { phrases: phrases.join(LINE), keys: keys.map(([k, n]) => k + FIELD + n).join(LINE), size: t.size };
}

/** A table whose phrases are built from their lines on first lookup: a document touches few keys. Its
 * byKey holds only the keys looked up so far, so such a table is for matching, not for iterating or
 * adding phrases. */
function deserializeTable(s: SerialTable): PhraseTable<number> {
  const find = sortedLines(s.keys, LINE, FIELD);
  const built = new Map<number, Phrase<number>>();
  const phrase = (start: number): Phrase<number> => {
    let p = built.get(start);
    if (!p) {
      const end = s.phrases.indexOf(LINE, start);
      built.set(start, (p = decodePhrase(s.phrases.slice(start, end < 0 ? s.phrases.length : end))));
    }
    return p;
  };
  // a token's keys are in some table, rarely in all: a miss is remembered too (as null)
  const load = (key: string) => {
    const starts = find(key);
    return starts === null ? null : mapped(starts.split(','), (n) => phrase(Number(n))).slice(); // kept: at its length
  };
  return { byKey: new Map(), size: s.size, load };
}

export function writeArtifact(path: string, dir: string, set: DictionarySet, tables: Tables, universe: Map<string, number>, lemmaForms: string[]): void {
  const phrases: Record<string, SerialTable> = {};
  for (const [k, t] of Object.entries(tables.phrases)) phrases[k] = serializeTable(t);
  const artifact: Artifact = {
    version: ARTIFACT_VERSION,
    fingerprint: fingerprint(dir),
    set: { ...set, entities: set.entities.map((e) => ({ ...e, source: e.source.slice(e.source.indexOf('dictionaries')) })) },
    tables: { entities: serializeTable(tables.entities), titles: serializeTable(tables.titles), topicTerms: serializeTable(tables.topicTerms), phrases },
    universe: { keys: [...universe.keys()], tables: [...universe.values()] },
  };
  writeFileSync(path, JSON.stringify(artifact), 'utf16le');
  writeFileSync(formsPath(path), lemmaForms.join('\n'), 'utf16le');
}

/** The prebuilt set and tables, or null when the artifact is missing or older than the dictionaries. */
export function readArtifact(path: string, dir: string): { set: DictionarySet; tables: Tables; universe: Map<string, number>; lemmaForms: string | null } | null {
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
    universe: universeMap(a.universe),
    lemmaForms: readOptional(formsPath(path)),
    tables: { entities: deserializeTable(t.entities), titles: deserializeTable(t.titles), topicTerms: deserializeTable(t.topicTerms), phrases },
  };
}

/** The key universe as a Map, built without a [key, tables] pair per key (23,000 of them, at start-up). */
function universeMap(u: Artifact['universe']): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < u.keys.length; i++) m.set(u.keys[i], u.tables[i]);
  return m;
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
