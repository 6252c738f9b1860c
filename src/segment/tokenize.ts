import type { Token, TokenKind } from '../doc.js';
import { HAS_LETTER, IS_UPPER, TOKEN } from './patterns.js';
import { interned } from '../interned.js';

export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

// TOKEN is the grammar of tokens. Matching it, and the Unicode-property tests and toLowerCase that
// describe each token, cost ~1 µs a token on Cyrillic text (an eighth of all the time on cached text).
// So the commonest tokens (words and initials in Latin and Cyrillic letters, single punctuation marks)
// are read here with character tables built from the same Unicode properties, and every other token
// (numbers, domains, hashtags, words with letters of other scripts or astral characters) is matched by
// TOKEN itself at its position. Both give the same tokens; a test compares them on random text.
const WORD = 1; // [\p{L}\p{M}\p{N}]
const LETTER = 2; // \p{L}
const UPPER = 4; // \p{Lu}
const LOWER = 8; // \p{Ll}
const CASED = 16; // changed by toLowerCase
const SPACE = 32; // \s
const TABLED: Array<[number, number]> = [[0, 0x500], [0x2000, 0x2070]]; // Basic Latin to Cyrillic; General Punctuation
const CLASS = new Uint8Array(0x2070);
{
  // one scan per property over all the tabled characters (testing them one by one took ~5 ms at start-up)
  let all = '';
  for (const [from, to] of TABLED) for (let c = from; c < to; c++) all += String.fromCharCode(c);
  const mark = (re: RegExp, flag: number) => { for (const m of all.matchAll(re)) CLASS[m[0].charCodeAt(0)] |= flag; };
  mark(/[\p{L}\p{M}\p{N}]/gu, WORD);
  mark(/\p{L}/gu, LETTER);
  mark(/\p{Lu}/gu, UPPER);
  mark(/\p{Ll}/gu, LOWER);
  mark(/\s/gu, SPACE);
  for (const ch of all) if (ch.toLowerCase() !== ch) CLASS[ch.charCodeAt(0)] |= CASED;
}
const tabled = (c: number) => c < 0x500 || (c >= 0x2000 && c < 0x2070);
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2011 || c === 0x2010 || c === 0x2d; // ' ’ ‑ ‐ -
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');
const YO = 0x451;
const NOT_TABLED = -1;

/** Whether the capital at i starts an initial («В.»: a dot, and not two letters after it), or null
 * when a character that decides it is outside the tables. */
function initialAt(text: string, i: number): boolean | null {
  if (text.charCodeAt(i + 1) !== 0x2e) return false;
  for (let k = i + 2; k < i + 4; k++) {
    const d = text.charCodeAt(k);
    if (d !== d) return true; // the end of the text (NaN)
    if (!tabled(d)) return null;
    if (!(CLASS[d] & LETTER)) return true;
  }
  return false;
}

/** Where the word at i ends, or NOT_TABLED when a character it may take is outside the tables. */
function wordEnd(text: string, i: number, c: number): number {
  const n = text.length;
  if (c < 0x80) {
    if (!(CLASS[c] & LETTER)) return NOT_TABLED; // digits: numbers and domains
    // a domain needs a dot right after the first run of [A-Za-z0-9-]
    let j = i + 1;
    while (j < n && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 0x2d)) j++;
    if (text.charCodeAt(j) === 0x2e) return NOT_TABLED;
  }
  let j = i;
  for (;;) {
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (!tabled(d)) {
        if (mayBeWordChar(text, j)) return NOT_TABLED;
        break;
      }
      if (!(CLASS[d] & WORD)) break;
    }
    if (j + 1 < n && isJoiner(text.charCodeAt(j))) {
      const d = text.charCodeAt(j + 1);
      if (!tabled(d)) return mayBeWordChar(text, j + 1) ? NOT_TABLED : j;
      if (CLASS[d] & WORD) { j += 2; continue; }
    }
    return j;
  }
}

function mayBeWordChar(text: string, j: number): boolean {
  const d = text.charCodeAt(j);
  return (d >= 0xd800 && d <= 0xdfff) || /[\p{L}\p{M}\p{N}]/u.test(text[j]);
}

/** Splits text into tokens with offsets; sentence indices are filled in by splitSentences. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end = NOT_TABLED;
    let kind: TokenKind = 'punct';
    if (tabled(c) && c !== 0x23 && c !== 0x2d) { // «#» and «-» may start a hashtag or a domain
      const cls = CLASS[c];
      if (cls & SPACE) { i++; continue; }
      if (!(cls & WORD)) end = i + 1; // a punctuation mark
      else {
        // an ASCII capital before a dot may start a domain: wordEnd leaves it to TOKEN
        const initial = c >= 0x80 && cls & UPPER ? initialAt(text, i) : false;
        if (initial) { end = i + 2; kind = 'initial'; } else if (initial === false) { end = wordEnd(text, i, c); kind = 'word'; }
      }
    }
    if (end !== NOT_TABLED) {
      out.push(tabledToken(text, i, end, kind, prevEnd));
    } else {
      TOKEN_AT.lastIndex = i;
      const m = TOKEN_AT.exec(text);
      if (!m) { i++; continue; } // whitespace outside the tables
      end = i + m[0].length;
      out.push(describe(i, m[0], m[1] ? 'hashtag' : m[2] ? 'domain' : m[3] ? 'number' : m[4] ? 'initial' : m[5] ? 'word' : 'punct', prevEnd));
    }
    i = end;
    prevEnd = end;
  }
  return out;
}

function describe(start: number, raw: string, kind: TokenKind, prevEnd: number): Token {
  const first = raw[0];
  const letters = HAS_LETTER.test(raw);
  return {
    start,
    end: start + raw.length,
    text: raw,
    kind: kind === 'word' && !letters ? 'number' : kind,
    norm: foldCase(raw),
    cap: letters && first !== first.toLowerCase(),
    upper: kind === 'word' && raw.length >= 2 && IS_UPPER.test(raw),
    spaceBefore: start > prevEnd || start === 0,
    sentence: -1,
    form: undefined, // set by the segmenter: a slot of the token's own, not a property added later to each token
  };
}

/** The text and the folded text of each one-character token in the tables, as internalized strings. V8 gives
 * a one-character slice of Latin-1 such a string itself, but makes a new string of any other («—», ««», «в»,
 * «и»: a third of the one-character tokens), and the stages compare these with constants (see interned.ts). */
const ONE_CHAR: Array<{ text: string; norm: string }> = [];
for (const [from, to] of TABLED) {
  for (let c = from; c < to; c++) {
    const ch = String.fromCharCode(c);
    ONE_CHAR[c] = { text: interned(ch), norm: interned(foldCase(ch)) };
  }
}

/** The folded text of a word with a capital or «ё». A capitalized word (its first letter the only one
 * toLowerCase changes, and no «ё») is its folded first letter and the rest as it is: toLowerCase on a
 * Cyrillic string leaves V8's fast path, and capitalized words are a sixth of all tokens. */
function foldedCapitalized(raw: string, first: number, cased: number, yo: boolean): string {
  return cased === 1 && !yo && CLASS[first] & CASED ? ONE_CHAR[first].norm + raw.slice(1) : foldCase(raw);
}

/** A token whose characters are all in the tables: described by them. */
function tabledToken(text: string, start: number, end: number, kind: TokenKind, prevEnd: number): Token {
  let flags = 0;
  let uppers = 0;
  let cased = 0;
  let yo = false;
  for (let j = start; j < end; j++) {
    const d = text.charCodeAt(j);
    const f = CLASS[d];
    flags |= f;
    if (f & UPPER) uppers++;
    if (f & CASED) cased++;
    if (d === YO) yo = true;
  }
  const first = text.charCodeAt(start);
  const one = end - start === 1 ? ONE_CHAR[first] : undefined;
  const raw = one !== undefined ? one.text : text.slice(start, end);
  const letters = (flags & LETTER) !== 0;
  return {
    start,
    end,
    text: raw,
    kind: kind === 'word' && !letters ? 'number' : kind,
    norm: one !== undefined ? one.norm : !(flags & CASED) && !yo ? raw : foldedCapitalized(raw, first, cased, yo),
    cap: letters && (CLASS[first] & CASED) !== 0,
    upper: kind === 'word' && end - start >= 2 && !(flags & LOWER) && uppers >= 2,
    spaceBefore: start > prevEnd || start === 0,
    sentence: -1,
    form: undefined, // set by the segmenter: a slot of the token's own, not a property added later to each token
  };
}
