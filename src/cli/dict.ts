// `sobesednik dict check|list`: dictionaries as a user sees them.
import { DictionaryError, loadDictionaries } from '../index.js';
import { duplicateIds, emptyDictionarySet, formatProblem, loadDictionaryDir } from '../dictionary/load.js';

interface Writer { write(s: string): Promise<void> }

export async function dictCheck(dirs: string[], out: Writer): Promise<number> {
  const set = emptyDictionarySet();
  const problems = dirs.flatMap((d) => loadDictionaryDir(set, d));
  problems.push(...duplicateIds(set));
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  const counts: Record<string, number> = {};
  for (const e of set.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  if (set.positions.length) counts.position = set.positions.length;
  if (set.topics.length) counts.topic = set.topics.length;
  await out.write(`${problems.length ? `${problems.length} problem(s)` : 'ok'}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'no entries'}\n`);
  return problems.length ? 3 : 0;
}

export async function dictList(o: { type?: string; dict: string[]; jsonl?: boolean }, out: Writer): Promise<number> {
  let set;
  try {
    set = loadDictionaries({ dictionaries: o.dict });
  } catch (e) {
    if (e instanceof DictionaryError) { process.stderr.write(`sobesednik: dictionary error: ${e.message}\n`); return 3; }
    throw e;
  }
  const rows: Array<Record<string, unknown>> = [
    ...set.entities.map(({ source, ...e }) => ({ ...e, file: source })),
    ...set.positions.map((p) => ({ ...p, type: 'position' })),
    ...set.topics.map((t) => ({ ...t, type: 'topic' })),
  ].filter((r) => !o.type || r.type === o.type);
  for (const r of rows) {
    await out.write(o.jsonl ? `${JSON.stringify(r)}\n` : `${String(r.type).padEnd(13)} ${String(r.id).padEnd(40)} ${String(r.name ?? r.title ?? r.label)}\n`);
  }
  return 0;
}
