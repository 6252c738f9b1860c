// Bytes to text for the command line: UTF-8 (strict), UTF-16 with a BOM, and the two legacy
// Russian code pages (windows-1251, KOI8-R), told apart by how Russian the decoded text looks.
// Every offset in the output refers to the decoded text.
import { createRequire } from 'node:module';
import { decodeUtf8, InputError } from '../read/decode.js';

type IconvLite = typeof import('iconv-lite');
let iconv: IconvLite | null = null;
/** iconv-lite (~50 ms to import) is loaded only when a file is not UTF-8. */
export function iconvLite(): IconvLite {
  return (iconv ??= createRequire(import.meta.url)('iconv-lite') as IconvLite);
}

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r'] as const;
export type EncodingName = (typeof ENCODINGS)[number];
export type SingleByte = 'windows-1251' | 'koi8-r';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** True when the encoding was guessed (not UTF-8 and not forced): the caller warns. */
  guessed: boolean;
}

/** Relative frequencies of Russian letters in running text (per mille, lowercase). */
const FREQ: Record<string, number> = {
  о: 109.7, е: 84.5, а: 80.1, и: 73.5, н: 67.0, т: 62.6, с: 54.7, р: 47.3, в: 45.4, л: 44.0,
  к: 34.9, м: 32.1, д: 29.8, п: 28.1, у: 26.2, я: 20.1, ы: 19.0, ь: 17.4, г: 17.0, з: 16.5,
  б: 15.9, ч: 14.4, й: 12.1, х: 9.7, ж: 9.4, ш: 7.3, ю: 6.4, ц: 4.8, щ: 3.6, э: 3.2, ф: 2.6,
  ъ: 0.4, ё: 0.4,
};
const BITS = new Map(Object.entries(FREQ).map(([k, v]) => [k, -Math.log2(v / 1000)]));
/** The commonest Russian letter pairs: a right decoding is full of them, a wrong one is not. */
const COMMON_PAIRS = new Set(('ст но то на ен ов ни ра во ко ро ре пр по ал ан ос ер ол ли ет ор ог ва ел та ти ка ле ны он от не ск ат де ом ем ль ит ия ла ин го ии ес ой ей ам ев ие ак ий ых ел ую ду об ми').split(' '));
const VOWELS = new Set('аеёиоуыэюя');

/** Punctuation and letters that legitimately appear in Russian (and Ukrainian/Belarusian) text. */
const ALLOWED_NON_ASCII = new Set('«»—–…„“”‘’‚№\u00a0·•°±§©®™€іїєґўІЇЄҐЎ');

export interface RussianScore {
  /** Higher is more Russian-like (minus the mean information of a letter, minus penalties). */
  score: number;
  /** False when the text cannot be a sensible decoding (odd symbols, mixed-case words, no Russian letters). */
  plausible: boolean;
}

const isRuLower = (c: number) => (c >= 0x430 && c <= 0x44f) || c === 0x451;
const isRuUpper = (c: number) => (c >= 0x410 && c <= 0x42f) || c === 0x401;

/** How much a decoded text looks like Russian: letter frequencies and case shape. */
export function scoreRussian(text: string): RussianScore {
  let letters = 0, uppers = 0, bits = 0, nonAscii = 0, odd = 0, caseBreaks = 0, prevLower = false;
  let pairs = 0, common = 0, impossible = 0, prev = ''; // prev: the previous Russian letter in this word, lowercased
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      prevLower = false;
      prev = '';
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) odd++;
      continue;
    }
    nonAscii++;
    const lower = isRuLower(c), upper = isRuUpper(c);
    if (lower || upper) {
      letters++;
      const ch = text[i]!.toLowerCase();
      bits += BITS.get(ch) ?? 10;
      if (prev) {
        pairs++;
        if (COMMON_PAIRS.has(prev + ch)) common++;
        if ((ch === 'ь' || ch === 'ъ') && VOWELS.has(prev)) impossible++;
      } else if (ch === 'ы' || ch === 'ь' || ch === 'ъ') impossible++; // no word starts with these
      prev = ch;
      if (upper) uppers++;
      if (upper && prevLower) caseBreaks++; // «оПХБЕР»: a wrong code page flips the case
      prevLower = lower;
      continue;
    }
    prevLower = false;
    prev = '';
    if (!ALLOWED_NON_ASCII.has(text[i]!)) odd++;
  }
  if (!letters) return { score: -Infinity, plausible: false };
  const meanBits = bits / letters;
  const score = -meanBits + 4 * (common / Math.max(pairs, 1)) - 10 * (impossible / letters) - 0.3 * (uppers / letters) - 8 * (caseBreaks / letters) - 20 * (odd / Math.max(nonAscii, 1));
  const plausible = odd <= 0.03 * nonAscii && letters >= 0.6 * nonAscii && caseBreaks <= 0.05 * letters
    && (letters < 30 || meanBits <= 5.2);
  return { score, plausible };
}

/** Picks windows-1251 or KOI8-R for bytes that are not UTF-8, or null when neither reads as Russian. */
export function detectSingleByte(bytes: Uint8Array): SingleByte | null {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const cp = scoreRussian(iconvLite().decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), 'windows-1251'));
  const koi = scoreRussian(iconvLite().decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), 'koi8-r'));
  const best: [SingleByte, RussianScore] = koi.score > cp.score ? ['koi8-r', koi] : ['windows-1251', cp];
  return best[1].plausible ? best[0] : null;
}

/** UTF-16 without a BOM: almost every high byte of a character is 0x00 (ASCII) or 0x04 (Cyrillic). */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  const n = Math.min(bytes.length, 65536);
  let le = 0, be = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i + 1] === 0 || bytes[i + 1] === 4) le++;
    if (bytes[i] === 0 || bytes[i] === 4) be++;
  }
  const pairs = Math.floor(n / 2);
  if (le >= 0.95 * pairs && be < 0.5 * pairs) return 'utf-16le';
  if (be >= 0.95 * pairs && le < 0.5 * pairs) return 'utf-16be';
  return null;
}

export function bomEncoding(bytes: Uint8Array): EncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/** Decodes with a named encoding, no guessing (a BOM of that encoding is removed). */
export function decodeAs(bytes: Uint8Array, encoding: EncodingName): string {
  if (encoding === 'utf-8') return stripBom(decodeUtf8(bytes));
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (buf.length % 2) throw new InputError('invalid-encoding', `invalid ${encoding.toUpperCase()}: odd number of bytes`);
    return stripBom(iconvLite().decode(buf, encoding, { stripBOM: true }));
  }
  if (bytes.includes(0)) throw new InputError('binary', 'binary data (NUL bytes), not text');
  return stripBom(iconvLite().decode(buf, encoding));
}

/**
 * Bytes of one document to text. With `forced`, that encoding is used as is. Otherwise a BOM
 * decides; then strict UTF-8; then windows-1251 or KOI8-R if the text reads as Russian in one
 * of them. Throws InputError: 'binary' (NUL bytes), 'invalid-utf8' (nothing fits).
 */
export function decodeText(bytes: Uint8Array, forced?: EncodingName): Decoded {
  if (forced) return { text: decodeAs(bytes, forced), encoding: forced, guessed: false };
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes, bom), encoding: bom, guessed: bom !== 'utf-8' };
  if (bytes.includes(0)) {
    const u16 = utf16WithoutBom(bytes);
    if (u16) {
      const text = decodeAs(bytes, u16);
      if (scoreRussian(text).plausible || !/[^\t\n\r\u0020-\u007e]/.test(text)) return { text, encoding: u16, guessed: true };
    }
    throw new InputError('binary', 'binary data (NUL bytes), not text');
  }
  try {
    return { text: decodeUtf8(bytes), encoding: 'utf-8', guessed: false };
  } catch (e) {
    if (!(e instanceof InputError) || e.code !== 'invalid-utf8') throw e;
  }
  const single = detectSingleByte(bytes);
  if (!single) throw new InputError('invalid-utf8', 'invalid UTF-8, and not windows-1251 or KOI8-R text either (use --encoding to say which)');
  return { text: decodeAs(bytes, single), encoding: single, guessed: true };
}
