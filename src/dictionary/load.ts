// Reading and validating dictionary folders. This is the only module of the library that
// touches the file system, and only when the caller asks for a folder to be loaded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { dictionarySchemas } from '../output/contract.js';
import type { EntityEntry, PositionEntry, TopicCategory } from './schema.js';
import type { Triggers } from './triggers-schema.js';
import type { EnglishCues } from './english-schema.js';

export interface DictionaryProblem {
  file: string;
  entry: string | null;
  field: string | null;
  message: string;
}

export interface DictionarySet {
  entities: Array<EntityEntry & { source: string }>;
  positions: PositionEntry[];
  topics: TopicCategory[];
  triggers: Triggers | null;
  /** Cue words of the English pipeline (dictionaries/english.json). */
  english: EnglishCues | null;
}

export class DictionaryError extends Error {
  constructor(readonly problems: DictionaryProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DictionaryError';
  }
}

export function formatProblem(p: DictionaryProblem): string {
  const where = [p.file, p.entry && `entry ${p.entry}`, p.field && `field ${p.field}`].filter(Boolean).join(': ');
  return `${where}: ${p.message}`;
}

export function emptyDictionarySet(): DictionarySet {
  return { entities: [], positions: [], topics: [], triggers: null, english: null };
}

/** Every .json file under dir, sorted, skipping folders whose name starts with "_" (generator inputs). */
export function listDictionaryFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) { if (!name.startsWith('_')) walk(p); } else if (name.endsWith('.json')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function issuesOf(file: string, data: unknown, error: z.ZodError): DictionaryProblem[] {
  return error.issues.map((iss) => {
    const path = iss.path.map(String);
    let entry: string | null = null;
    let field: string | null = path.join('.') || null;
    const listKey = path[0];
    if ((listKey === 'entries' || listKey === 'positions' || listKey === 'categories') && path.length > 1) {
      const item = (data as Record<string, unknown[]>)[listKey]?.[Number(path[1])] as Record<string, unknown> | undefined;
      entry = typeof item?.id === 'string' ? item.id : `#${path[1]}`;
      field = path.slice(2).join('.') || null;
    }
    return { file, entry, field, message: iss.message };
  });
}

/** Parses one file's JSON into the set; returns the problems found (none when it is valid). */
export function addDictionaryJson(set: DictionarySet, file: string, json: string): DictionaryProblem[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return [{ file, entry: null, field: null, message: `not valid JSON (${(e as Error).message})` }];
  }
  const obj = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const { EntityFile, PositionFile, TopicFile, TriggerFile, EnglishCueFile } = dictionarySchemas();
  if ('entries' in obj) {
    const r = EntityFile.safeParse(data);
    if (!r.success) return issuesOf(file, data, r.error);
    for (const e of r.data.entries) set.entities.push({ ...e, source: file });
  } else if ('positions' in obj) {
    const r = PositionFile.safeParse(data);
    if (!r.success) return issuesOf(file, data, r.error);
    set.positions.push(...r.data.positions);
  } else if ('categories' in obj) {
    const r = TopicFile.safeParse(data);
    if (!r.success) return issuesOf(file, data, r.error);
    set.topics.push(...r.data.categories);
  } else if (obj.language === 'en') {
    const r = EnglishCueFile.safeParse(data);
    if (!r.success) return issuesOf(file, data, r.error);
    set.english = r.data;
  } else if ('meetingVerbs' in obj) {
    const r = TriggerFile.safeParse(data);
    if (!r.success) return issuesOf(file, data, r.error);
    set.triggers = r.data;
  } else {
    return [{ file, entry: null, field: null, message: 'unknown dictionary kind: expected a top-level "entries", "positions", "categories" or "meetingVerbs"' }];
  }
  return [];
}

/** Loads every dictionary file of dir into set; relative file names appear in problems. */
export function loadDictionaryDir(set: DictionarySet, dir: string): DictionaryProblem[] {
  const problems: DictionaryProblem[] = [];
  let files: string[];
  try {
    files = listDictionaryFiles(dir);
  } catch (e) {
    return [{ file: dir, entry: null, field: null, message: `cannot read dictionary folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }];
  }
  for (const f of files) problems.push(...addDictionaryJson(set, relative(process.cwd(), f) || f, readFileSync(f, 'utf8')));
  return problems;
}

/** Duplicate ids within one set: the same id defined twice is a mistake, not an override. */
export function duplicateIds(set: DictionarySet): DictionaryProblem[] {
  const seen = new Map<string, string>();
  const out: DictionaryProblem[] = [];
  for (const e of set.entities) {
    const prev = seen.get(e.id);
    if (prev) out.push({ file: e.source, entry: e.id, field: 'id', message: `duplicate id, already defined in ${prev}` });
    else seen.set(e.id, e.source);
  }
  const pos = new Set<string>();
  for (const p of set.positions) {
    if (pos.has(p.id)) out.push({ file: 'positions', entry: p.id, field: 'id', message: 'duplicate position id' });
    pos.add(p.id);
  }
  return out;
}
