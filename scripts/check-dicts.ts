// Validates dictionary folders: node dist/scripts/check-dicts.js [DIR ...] (default: dictionaries)
import { duplicateIds, emptyDictionarySet, formatProblem, loadDictionaryDir } from '../src/dictionary/load.js';

const dirs = process.argv.slice(2);
const set = emptyDictionarySet();
const problems = (dirs.length ? dirs : ['dictionaries']).flatMap((d) => loadDictionaryDir(set, d));
problems.push(...duplicateIds(set));
for (const p of problems) console.error(formatProblem(p));
const byType: Record<string, number> = {};
for (const e of set.entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
console.log(JSON.stringify({ entities: byType, positions: set.positions.length, topics: set.topics.length, problems: problems.length }));
process.exitCode = problems.length ? 1 : 0;
