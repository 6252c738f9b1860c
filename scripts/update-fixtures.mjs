#!/usr/bin/env node
// Regenerates the golden files in test/fixtures/ from the built CLI. Review the diff before committing.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'sobesednik.js');
for (const f of readdirSync(join(root, 'samples')).filter((x) => x.endsWith('.txt'))) {
  const path = join(root, 'samples', f);
  const id = basename(f, '.txt');
  writeFileSync(join(root, 'test', 'fixtures', `${id}.json`), execFileSync('node', [bin, '--pretty', path], { encoding: 'utf8' }));
  writeFileSync(join(root, 'test', 'fixtures', `${id}.digest.txt`), execFileSync('node', [bin, '--format', 'text', path], { encoding: 'utf8' }));
  console.log(`updated test/fixtures/${id}.json and .digest.txt`);
}
