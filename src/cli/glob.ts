// A small glob matcher for quoted patterns (shells expand unquoted ones themselves):
// `*` and `?` match within one path segment, `**` matches any number of segments. Names
// that start with a dot are matched only by a pattern segment that starts with a dot.
// Results are files only, sorted segment by segment, so runs are deterministic.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function isGlob(s: string): boolean {
  return /[*?]/.test(s);
}

function segmentRegex(seg: string): RegExp {
  const body = seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

/** Code-unit order, segment by segment: «a/b.txt» < «a-b.txt» is decided at the first segment. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/'), y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

function entries(dir: string): Array<{ name: string; dir: boolean; file: boolean }> {
  let names: string[];
  try {
    names = readdirSync(dir === '' ? '.' : dir);
  } catch {
    return []; // unreadable folders simply match nothing
  }
  return names.map((name) => {
    try {
      const s = statSync(join(dir === '' ? '.' : dir, name));
      return { name, dir: s.isDirectory(), file: s.isFile() };
    } catch {
      return { name, dir: false, file: false };
    }
  });
}

export interface GlobResult {
  /** The folder before the first wildcard segment ('' for the current folder). */
  base: string;
  /** Matching files, as paths that start with base. */
  files: string[];
}

export function glob(pattern: string): GlobResult {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0).filter((s) => s !== '' && s !== '.');
  if (segs[segs.length - 1] === '**') segs.push('*');
  let k = 0;
  while (k < segs.length - 1 && !isGlob(segs[k]!)) k++;
  const baseSegs = segs.slice(0, k);
  const base = (absolute ? '/' : '') + baseSegs.join('/');
  const rest = segs.slice(k);
  const found = new Set<string>();
  const visited = new Set<string>();
  const walk = (dir: string, i: number): void => {
    let real = dir;
    try { real = realpathSync(dir === '' ? '.' : dir); } catch { /* keep the path */ }
    const key = `${real}\0${i}`; // also stops symbolic-link loops under **
    if (visited.has(key)) return;
    visited.add(key);
    const seg = rest[i]!;
    const last = i === rest.length - 1;
    const list = entries(dir);
    if (seg === '**') {
      walk(dir, i + 1);
      for (const e of list) if (e.dir && !e.name.startsWith('.')) walk(dir ? join(dir, e.name) : e.name, i);
      return;
    }
    const re = isGlob(seg) ? segmentRegex(seg) : null;
    for (const e of list) {
      if (re ? !re.test(e.name) || (e.name.startsWith('.') && !seg.startsWith('.')) : e.name !== seg) continue;
      const path = dir ? join(dir, e.name) : e.name;
      if (last) { if (e.file) found.add(path); } else if (e.dir) walk(path, i + 1);
    }
  };
  walk(base, 0);
  return { base, files: [...found].sort(comparePaths) };
}
