import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractor, ROOT, SAMPLE, SAMPLE_PATH } from './helpers.js';

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
