import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLetters, detectLanguage } from '../src/language/detect.js';
import { decodeUtf8, InputError, stripBom } from '../src/read/decode.js';

describe('read', () => {
  it('decodes UTF-8, removes a BOM and keeps the text otherwise as it is', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Казахстан\r\nи Палестина')]);
    expect(decodeUtf8(bytes)).toBe('Казахстан\r\nи Палестина');
    expect(stripBom('\uFEFFтекст')).toBe('текст');
  });
  it('refuses invalid UTF-8 and binary data instead of replacing bytes', () => {
    expect(() => decodeUtf8(new Uint8Array([0xcf, 0xf0, 0xe8]))).toThrow(InputError);
    expect(() => decodeUtf8(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(/binary/);
  });
});

describe('language', () => {
  it.each([
    ['Председатель Сената Парламента Маулен Ашимбаев встретился с Верховным судьей Палестины и обсудил гуманитарную ситуацию.', 'ru'],
    ['Голова Верховної Ради України зустрівся з послом Франції та обговорив питання співпраці між країнами.', 'uk'],
    ['The Chairman of the Senate met the Supreme Judge of Palestine and discussed the humanitarian situation.', 'en'],
    ['Сенат Төрағасы Мәулен Әшімбаев Палестина Президентінің дін мәселелері жөніндегі кеңесшісімен кездесті.', 'kk'],
    ['Путин прибыл.', 'ru'],
    ['12 345 — 678', 'und'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('letter counts for language detection', () => {
  // what countLetters replaced: one regular expression per code point
  const reference = (sample: string) => {
    let letters = 0;
    let cyr = 0;
    for (const ch of sample) {
      if (!/\p{L}/u.test(ch)) continue;
      letters++;
      if (/[\u0400-\u04FF]/.test(ch)) cyr++;
    }
    return { letters, cyr };
  };
  it('counts as /\\p{L}/u does, on every character of the Cyrillic block and of ASCII', () => {
    let all = '';
    for (let c = 0; c < 0x500; c++) all += String.fromCharCode(c);
    expect(countLetters(all)).toEqual(reference(all));
    expect(countLetters('҂҃ Ѐяӿ')).toEqual({ letters: 3, cyr: 3 });
  });
  it('counts as /\\p{L}/u does on any text, astral letters and lone surrogates included', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('я', 'Ӂ', '҂', '\u0487', 'Z', '1', ' ', 'ß', '中', '𝔸', '\ud835', '\udd38'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 60 });
    fc.assert(fc.property(text, (s) => { expect(countLetters(s)).toEqual(reference(s)); }), { numRuns: 2000, seed: 7 });
  });
});
