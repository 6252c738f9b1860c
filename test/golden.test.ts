import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entity, itemAt, mapped, mention } from '../src/doc.js';
import { remembered } from '../src/detached.js';
import { emptyDoc, ENGLISH_STAGES, STAGES } from '../src/pipeline.js';
import { context, extractor, ROOT, SAMPLE, SAMPLE_PATH } from './helpers.js';

// Golden files are whole outputs: any change in behaviour shows up here as a diff.
// After an intended change: npm run build && node scripts/update-fixtures.mjs, and review the diff.
describe('golden outputs of samples/', () => {
  for (const f of readdirSync(join(ROOT, 'samples')).filter((x) => x.endsWith('.txt'))) {
    const id = basename(f, '.txt');
    it(`${f} gives its golden JSON`, () => {
      const text = readFileSync(join(ROOT, 'samples', f), 'utf8');
      const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', `${id}.json`), 'utf8'));
      expect(extractor().extract(text, { id })).toEqual(expected);
    });
  }
});

describe('the seed article', () => {
  it('passes every check of ../shared/eval/check-seed.mjs (must and should)', () => {
    const checker = join(ROOT, '..', 'shared', 'eval', 'check-seed.mjs');
    const result = JSON.stringify(extractor().extract(SAMPLE, { id: 'ru-kazpravda-ashimbaev-al-habbash' }));
    const out = execFileSync('node', [checker, SAMPLE_PATH, '-'], { input: result, encoding: 'utf8' });
    expect(out.split('\n').filter((l) => l.startsWith('FAIL'))).toEqual([]);
  });
  it('every offset points at its text', () => {
    const r = extractor().extract(SAMPLE);
    const spans = [
      ...r.entities.flatMap((e) => [...e.mentions, ...(e.roles ?? []).map((x) => x.evidence)]),
      ...r.meetings.flatMap((m) => [...m.evidence, ...m.topics.map((t) => t.evidence)]),
      ...r.quotes,
    ];
    expect(spans.length).toBeGreaterThan(50);
    for (const s of spans) expect(SAMPLE.slice(s.start, s.end)).toBe(s.text);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(extractor().extract(SAMPLE))).toBe(JSON.stringify(extractor().extract(SAMPLE)));
  });
});

// Mentions and entities are read in the stages' hottest loops, which V8 keeps fast only while one object
// shape reaches them (see mention() in src/doc.ts): a mention written as a literal shows up here.
describe('mentions and entities have one object shape each, after every stage', () => {
  for (const f of readdirSync(join(ROOT, 'samples')).filter((x) => x.endsWith('.txt'))) {
    it(f, () => {
      const text = readFileSync(join(ROOT, 'samples', f), 'utf8');
      const lang = f.startsWith('en-') ? 'en' : 'ru';
      const shapes = (list: object[]) => [...new Set(list.map((o) => Object.keys(o).join(',')))];
      const mentionShape = Object.keys(mention({ first: 0, last: 0, type: 'state', kind: 'name', ref: '', reason: '' })).join(',');
      let doc = emptyDoc('t', text, lang, null);
      for (const [name, stage] of lang === 'en' ? ENGLISH_STAGES : STAGES) {
        doc = stage(doc, context());
        expect({ name, shapes: shapes(doc.mentions) }).toEqual({ name, shapes: doc.mentions.length ? [mentionShape] : [] });
        if (doc.entities.length) expect({ name, shapes: shapes(doc.entities) }).toEqual({ name, shapes: [Object.keys(entity(doc.entities[0])).join(',')] });
      }
      expect(doc.mentions.length).toBeGreaterThan(20);
      expect(doc.entities.length).toBeGreaterThan(5);
    });
  }
});

// Arrays the stages hand on are made by mapped(), not .map(): V8's optimized .map makes holey arrays and its
// unoptimized one packed arrays, and code meeting both kinds deopted (see mapped() in src/doc.ts).
describe('itemAt()', () => {
  it('reads inside the list only, and does not count a negative index from the end', () => {
    const xs = ['а', 'б'];
    expect([itemAt(xs, 0), itemAt(xs, 1), itemAt(xs, 2), itemAt(xs, -1), itemAt([], 0)]).toEqual(['а', 'б', undefined, undefined, undefined]);
  });
});

describe('remembered()', () => {
  it('computes a word\'s value once, and starts again past its limit', () => {
    const cache = new Map<string, string>();
    const made: string[] = [];
    const make = (w: string) => { made.push(w); return w.toUpperCase(); };
    expect([remembered(cache, 2, 'а', make), remembered(cache, 2, 'а', make), remembered(cache, 2, 'б', make)]).toEqual(['А', 'А', 'Б']);
    expect(made).toEqual(['а', 'б']);
    expect(remembered(cache, 2, 'в', make)).toBe('В');
    expect([...cache.keys()]).toEqual(['в']);
  });
});

describe('mapped()', () => {
  it('maps as Array.prototype.map does, index included', () => {
    const items = ['а', 'б', 'в'];
    expect(mapped(items, (x, i) => `${i}:${x}`)).toEqual(items.map((x, i) => `${i}:${x}`));
    expect(mapped([], (x) => x)).toEqual([]);
  });
  it('gives a packed array whether its caller runs optimized or not', () => {
    const script = `
      import { mapped } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'doc.js')).href)};
      const viaMapped = (xs) => mapped(xs, (x) => ({ x }));
      const viaMap = (xs) => xs.map((x) => ({ x }));
      const xs = [1, 2, 3];
      %PrepareFunctionForOptimization(mapped); %PrepareFunctionForOptimization(viaMapped); %PrepareFunctionForOptimization(viaMap);
      const before = [%HasHoleyElements(viaMapped(xs)), %HasHoleyElements(viaMap(xs))];
      %OptimizeFunctionOnNextCall(viaMapped); %OptimizeFunctionOnNextCall(viaMap);
      const after = [%HasHoleyElements(viaMapped(xs)), %HasHoleyElements(viaMap(xs))];
      console.log(JSON.stringify({ mapped: [before[0], after[0]], map: [before[1], after[1]] }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out.mapped).toEqual([false, false]);
    // what mapped() is for, on this V8 (Node 20): the optimized .map gives a holey array
    expect(out.map).toEqual([false, true]);
  });
});

// Strings the stages compare with constants («p.pos === 'NOUN'», «m.kind === 'adjective'») are V8's internalized
// strings, as the constants are (see src/interned.ts).
describe('strings compared with constants', () => {
  it('are internalized: mention kinds and types, one-character tokens, and the grammemes of every parse of the sample', () => {
    const at = (f: string) => JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', f)).href);
    const script = `
      const { STAGES, emptyDoc } = await import(${at('pipeline.js')});
      const { createContext } = await import(${at('context.js')});
      const { Analyzer } = await import(${at('morph/analyzer.js')});
      const { readArtifact } = await import(${at('dictionary/artifact.js')});
      const { assembleKnowledge } = await import(${at('dictionary/knowledge.js')});
      const { readFileSync } = await import('node:fs');
      const a = readArtifact(${JSON.stringify(join(ROOT, 'dist', 'knowledge.utf16le.json'))}, ${JSON.stringify(join(ROOT, 'dictionaries') + '/')});
      const ctx = createContext(assembleKnowledge(a.set, a.tables, a.universe, a.lemmaForms), new Analyzer());
      let d = emptyDoc('x', readFileSync(${JSON.stringify(SAMPLE_PATH)}, 'utf8'), 'ru', null);
      for (const [, stage] of STAGES) d = stage(d, ctx);
      const bad = new Set();
      const check = (field, v) => { if (typeof v === 'string' && !%IsInternalizedString(v)) bad.add(field + '=' + v); };
      for (const m of d.mentions) { check('kind', m.kind); check('type', m.type); }
      for (const t of d.tokens) if (t.text.length === 1) { check('one-character text', t.text); check('one-character norm', t.norm); }
      for (const t of d.tokens) for (const p of ctx.morph.parseToken(t)) {
        check('pos', p.pos); check('case', p.case); check('number', p.number); check('gender', p.gender);
        for (const g of p.tags) check('tag', g);
      }
      console.log(JSON.stringify({ mentions: d.mentions.length, bad: [...bad].sort() }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out.mentions).toBeGreaterThan(20);
    expect(out.bad).toEqual([]);
  });
});
