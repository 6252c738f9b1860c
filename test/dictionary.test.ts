import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortedLines, sortedWords } from '../src/dictionary/sorted-lines.js';
import { addDictionaryJson, duplicateIds, emptyDictionarySet, listDictionaryFiles, loadDictionaryDir } from '../src/dictionary/load.js';
import { BUILTIN_DICTIONARIES, createExtractor, DictionaryError } from '../src/index.js';

const userDir = (files: Record<string, unknown>) => {
  const dir = mkdtempSync(join(tmpdir(), 'sobesednik-dict-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
};

describe('dictionary schema', () => {
  it('rejects a broken entry naming file, entry and field', () => {
    const set = emptyDictionarySet();
    const problems = addDictionaryJson(set, 'x.json', JSON.stringify({
      description: 'd', source: 's',
      entries: [{ id: 'state:kz', type: 'state', iso2: 'Kazakhstan', name: 'Казахстан' }],
    }));
    expect(problems.map((p) => [p.file, p.entry, p.field])).toEqual([['x.json', 'state:kz', 'id'], ['x.json', 'state:kz', 'iso2']]);
  });
  it('rejects invalid JSON and unknown kinds', () => {
    const set = emptyDictionarySet();
    expect(addDictionaryJson(set, 'a.json', '{ nope')[0].message).toMatch(/not valid JSON/);
    expect(addDictionaryJson(set, 'b.json', '{"things": []}')[0].message).toMatch(/unknown dictionary kind/);
  });
  it('loads every built-in file without a problem or duplicate id', () => {
    const set = emptyDictionarySet();
    const files = listDictionaryFiles(BUILTIN_DICTIONARIES);
    expect(files.length).toBeGreaterThan(10);
    expect(loadDictionaryDir(set, BUILTIN_DICTIONARIES)).toEqual([]);
    expect(duplicateIds(set)).toEqual([]);
    expect(set.entities.filter((e) => e.type === 'state').length).toBeGreaterThanOrEqual(195);
  });
  it('reports a duplicate id across files', () => {
    const entry = { id: 'org:x', type: 'organization', name: 'Икс', kind: 'company' };
    const dir = userDir({ 'a.json': { description: 'd', source: 's', entries: [entry] }, 'b.json': { description: 'd', source: 's', entries: [entry] } });
    const set = emptyDictionarySet();
    loadDictionaryDir(set, dir);
    expect(duplicateIds(set).map((p) => [p.entry, p.field])).toEqual([['org:x', 'id']]);
  });
});

describe('user dictionaries', () => {
  it('adds a person who is then found in inflected forms', () => {
    const dir = userDir({
      'people.json': {
        description: 'test', source: 'test',
        entries: [{ id: 'person:zhaksybekov-erlan', type: 'person', name: 'Ерлан Жаксыбеков', english: ['Erlan Zhaksybekov'], nameParts: { first: 'Ерлан', middle: null, last: 'Жаксыбеков' }, gender: 'm', country: 'KZ', roles: [{ title: 'аким', since: '2020' }] }],
      },
    });
    const ex = createExtractor({ dictionaries: [dir] });
    const r = ex.extract('Встреча с Ерланом Жаксыбековым прошла в Астане. Позже Жаксыбекова поздравили коллеги.', { lang: 'ru' });
    const p = r.entities.find((e) => e.id === 'person:zhaksybekov-erlan')!;
    expect(p.dictionaryId).toBe('person:zhaksybekov-erlan');
    expect(p.mentions.map((m) => m.text)).toEqual(['Ерланом Жаксыбековым', 'Жаксыбекова']);
    // the same entry by its English name, in English text: one id for both languages
    const en = ex.extract('Erlan Zhaksybekov met with Kassym-Jomart Tokayev in Astana. Zhaksybekov thanked the President.', { lang: 'en' });
    expect(en.entities.find((e) => e.id === 'person:zhaksybekov-erlan')?.mentions.map((m) => m.text)).toEqual(['Erlan Zhaksybekov', 'Zhaksybekov']);
  });
  it('fails to load with a DictionaryError that names the problem', () => {
    const dir = userDir({ 'bad.json': { description: 'd', source: 's', entries: [{ id: 'person:x', type: 'person', name: 'X' }] } });
    expect(() => createExtractor({ dictionaries: [dir] })).toThrow(DictionaryError);
    try { createExtractor({ dictionaries: [dir] }); } catch (e) { expect((e as Error).message).toMatch(/bad\.json: entry person:x: field nameParts/); }
  });
});

describe('generated states', () => {
  it('are current with their generator', () => {
    expect(() => execFileSync('node', [join(BUILTIN_DICTIONARIES, '..', 'scripts', 'gen-states.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
    const text = readFileSync(join(BUILTIN_DICTIONARIES, 'states.json'), 'utf8');
    const kz = JSON.parse(text).entries.find((e: { id: string }) => e.id === 'state:KZ');
    expect(kz).toMatchObject({ iso2: 'KZ', name: 'Казахстан', abbreviations: expect.arrayContaining(['РК']) });
  });
});

describe('the compiled artifact in dist/', () => {
  it('gives the same results as compiling the dictionaries at load', async () => {
    const dist = await import('../dist/src/index.js');
    const text = readFileSync(join(BUILTIN_DICTIONARIES, '..', 'samples', 'ru-kazpravda-ashimbaev-al-habbash.txt'), 'utf8');
    expect(dist.createExtractor().extract(text)).toEqual(dist.createExtractor({ prebuilt: false }).extract(text));
  });
  it('is ignored when the dictionaries changed after the build', async () => {
    const { ARTIFACT_NAME, readArtifact } = await import('../src/dictionary/artifact.js');
    expect(readArtifact(join(BUILTIN_DICTIONARIES, '..', 'dist', ARTIFACT_NAME), BUILTIN_DICTIONARIES)).not.toBeNull();
    const dir = userDir({ 'a.json': { description: 'd', source: 's', entries: [] } });
    expect(readArtifact(join(BUILTIN_DICTIONARIES, '..', 'dist', ARTIFACT_NAME), dir)).toBeNull();
  });
});

describe('sorted word lists', () => {
  it('finds exactly the listed words, first, last and prefixes of others included', () => {
    const words = ['а', 'аб', 'абв', 'б', 'ёж', 'посла', 'после', 'я'].sort();
    // by binary search, from a Set from the first lookup, and switching to one after five
    for (const setAfter of [Infinity, 0, 5]) {
      const has = sortedWords(words.join('\n'), setAfter);
      for (const w of ['аб', 'аа', ...words]) expect(has(w), w).toBe(words.includes(w));
      for (const w of ['', 'абвг', 'аа', 'пос', 'посл', 'посланник', 'яя', 'ж', 'e']) expect(has(w), w).toBe(false);
    }
  });
  it('gives the payload of a keyed line, whatever the separators sort like', () => {
    // keys that are prefixes of others, so that the search meets a line's key ending inside the key sought
    const keys = ['абвгдеж', 'аб-вгд', 'x:--', 'ёлка'].flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1)));
    const entries = [...new Set(keys)].map((k, i): [string, string] => [k, i % 3 ? String(i) : '']);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    // searched over character positions, and over indexed lines (what a long run switches to)
    for (const indexAfter of [Infinity, 0]) {
      const find = sortedLines(entries.map(([k, v]) => k + '\uE001' + v).join('\uE000'), '\uE000', '\uE001', indexAfter);
      for (const [k, v] of entries) expect(find(k), k).toBe(v);
      for (const k of ['абвгдежз', 'аб-вгдж', 'x:-+', 'б', 'ёлки', '']) expect(find(k), k).toBeNull();
    }
    expect(sortedLines('а\tодин\nб')('б')).toBe('');
  });
  it('agrees with a Map on random keys from a small alphabet', () => {
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const word = () => Array.from({ length: 1 + rand(5) }, () => 'аб-в'[rand(4)]).join('');
    const map = new Map<string, string>();
    for (let i = 0; i < 300; i++) map.set(word(), rand(3) ? String(i) : '');
    const sorted = [...map].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    // 2,000 lookups: the first ones over character positions, the rest over indexed lines
    const find = sortedLines(sorted.map(([k, v]) => (v ? k + '\t' + v : k)).join('\n'), '\n', '\t', 500);
    for (let i = 0; i < 2000; i++) {
      const w = word();
      expect(find(w), w).toBe(map.get(w) ?? null);
    }
  });
});
