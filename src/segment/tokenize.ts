import type { Token, TokenKind } from '../doc.js';
import { HAS_LETTER, IS_UPPER, TOKEN } from './patterns.js';

export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

/** Splits text into tokens with offsets; sentence indices are filled in by splitSentences. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let prevEnd = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const kind: TokenKind = m[1] ? 'hashtag' : m[2] ? 'domain' : m[3] ? 'number' : m[4] ? 'initial' : m[5] ? 'word' : 'punct';
    const start = m.index;
    const first = raw[0];
    const letters = HAS_LETTER.test(raw);
    out.push({
      start,
      end: start + raw.length,
      text: raw,
      kind: kind === 'word' && !letters ? 'number' : kind,
      norm: foldCase(raw),
      cap: letters && first !== first.toLowerCase(),
      upper: kind === 'word' && raw.length >= 2 && IS_UPPER.test(raw),
      spaceBefore: start > prevEnd || start === 0,
      sentence: -1,
    });
    prevEnd = start + raw.length;
  }
  return out;
}
