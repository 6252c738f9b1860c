import { describe, expect, it } from 'vitest';
import Az from 'az';
import { context, SAMPLE } from './helpers.js';
import { nominativePhrase } from '../src/morph/inflect.js';
import { tokenize } from '../src/segment/tokenize.js';
import { lemmaForms } from '../src/morph/lexemes.js';
import { azDictionary, azFindAll, azFollowString, azHyphenParsers, azSuffixKnown, CP1251_BYTE, dictionaryWord, morph } from '../src/morph/az-fast-paths.js';
import type { AzParse } from 'az';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LEMMA_START, lemmaStarts, startsLike } from '../src/morph/lemma-starts.js';

describe('morphology (az)', () => {
  it('gives lemma, case and name/geo tags', () => {
    const m = context().morph;
    const kz = m.parse('Казахстаном')[0];
    expect([kz.lemma, kz.case, kz.tags.includes('Geox')]).toEqual(['казахстан', 'ablt', true]);
    const ps = m.parse('Палестины')[0];
    expect([ps.lemma, ps.case]).toEqual(['палестина', 'gent']);
    expect(m.parse('Махмудом')[0].tags).toContain('Name');
    expect(m.parse('Ивановой').some((p) => p.tags.includes('Surn') && p.gender === 'femn')).toBe(true);
  });
  it('inflects a word as az does, for each set of grammemes asked for, again and again', () => {
    const m = context().morph;
    const adjective = (p: { pos: string; case: string | null }) => p.pos === 'ADJF' && p.case === 'ablt';
    const word = { text: 'Верховным', form: undefined };
    const own = (g: string[]) => Az.Morph('Верховным').find((p) => p.tag.ADJF && p.tag.ablt)?.inflect(g)?.word ?? null;
    for (let round = 0; round < 2; round++) {
      expect(m.inflect(word, adjective, ['sing', 'nomn', 'masc'])).toBe('верховный');
      expect(m.inflect(word, adjective, ['sing', 'nomn', 'femn'])).toBe('верховная');
      expect(m.inflect(word, adjective, ['plur', 'nomn'])).toBe(own(['plur', 'nomn']));
      expect(m.inflect(word, () => false, ['sing', 'nomn', 'masc'])).toBeNull();
    }
  });
  it('marks words found in the dictionary as known and guessed ones as not', () => {
    const m = context().morph;
    expect(m.parse('Сената')[0].known).toBe(true);
    expect(m.parse('Маулен')[0].known).toBe(false);
  });
  it('tells words az reads from its dictionary alone from words it would guess at', () => {
    const m = context().morph;
    expect(['министр', 'Сената', 'еще', 'ещё'].map((w) => m.known(w))).toEqual([true, true, true, true]);
    // a guess from the ending, a stutter reading («блоггеры» as «блогеры»), a prefix guess
    expect(['Ашимбаева', 'блоггеры', 'пророссийскими'].map((w) => m.known(w))).toEqual([false, false, false]);
  });
  it('gives each parse the lemma that az itself normalises it to (the analyzer computes it directly)', () => {
    const m = context().morph;
    const words = [...new Set(tokenize(SAMPLE).filter((t) => t.kind === 'word').map((t) => t.text))];
    words.push('пророссийскими', 'блоггеры', 'ещё', 'Ашимбаевым', 'по-русски', 'наилучший', 'Кот-д\'Ивуар', 'XVI');
    for (const w of words) {
      const own = Az.Morph(w).slice(0, 8).map((p) => (p.normalize()?.word ?? p.word ?? '').toLowerCase().replace(/ё/g, 'е'));
      expect(m.parse(w).map((p) => p.lemma), w).toEqual(own);
    }
  });
  it('guesses unknown words exactly as az does (its SuffixKnown, replaced by a faster copy)', () => {
    context();
    const ours = (Az.Morph as unknown as { Parsers: Record<string, (w: string, c: object) => unknown[]> }).Parsers.SuffixKnown;
    const config = { ignoreCase: false, replacements: { е: 'ё' } };
    const show = (ps: unknown[]) => ps.map((p) => { const q = p as { score: number; tag: object; toString(): string }; return `${q.toString()} ${String(q.tag)} ${q.score}`; });
    const words = [...new Set(tokenize(SAMPLE).filter((t) => t.kind === 'word' && t.text.length >= 4 && !context().morph.known(t.text)).map((t) => t.text))];
    words.push('Ашимбаевым', 'Хаббашем', 'Токаева', 'позавчерашний', 'наиважнейшими', 'блоггеры', 'Ёлкиной', 'кибератаками');
    expect(words.length).toBeGreaterThan(20);
    for (const w of words) expect(show(ours(w, config)), w).toEqual(show(azSuffixKnown!(w, config)));
  });
  it('skips az\'s hyphen parsers only for words without a hyphen, where they find nothing', () => {
    context();
    const parsers = (Az.Morph as unknown as { Parsers: Record<string, (w: string, c: object) => unknown[]> }).Parsers;
    const config = { ignoreCase: false, replacements: { е: 'ё' }, stutter: Infinity, typos: 0 };
    const show = (ps: unknown[]) => ps.map((p) => { const q = p as { score: number; tag: object; toString(): string }; return `${q.toString()} ${String(q.tag)} ${q.score}`; });
    const words = [...new Set(tokenize(SAMPLE).filter((t) => t.kind === 'word').map((t) => t.text))];
    words.push('смотри-ка', 'кто-то', 'по-западному', 'по-русски', 'интернет-магазин', 'Аль-Хаббаш', 'северо-восток', 'вице-премьер', 'Кот-д\'Ивуар', 'ПО-ЗАПАДНОМУ');
    const names = Object.keys(azHyphenParsers);
    expect(names).toEqual(['HyphenParticle', 'HyphenAdverb', 'HyphenWords']);
    let found = 0;
    for (const name of names) {
      for (const w of words) {
        const ours = show(parsers[name](w, config));
        expect(ours, `${name} ${w}`).toEqual(show(azHyphenParsers[name](w, config)));
        found += ours.length;
      }
    }
    expect(found).toBeGreaterThan(10);
  });
  it('reads dictionary words exactly as az does (its Dictionary parser, replaced by a copy)', () => {
    context();
    const ours = (Az.Morph as unknown as { Parsers: Record<string, (w: string, c: object) => unknown[]> }).Parsers.Dictionary;
    const config = { ignoreCase: false, replacements: { е: 'ё' }, stutter: Infinity, typos: 0 };
    const show = (ps: unknown[]) => ps.map((p) => { const q = p as { score: number; tag: object; stutterCnt: number; toString(): string }; return `${q.toString()} ${String(q.tag)} ${q.score} ${q.stutterCnt}`; });
    const words = [...new Set(tokenize(SAMPLE).map((t) => t.text))];
    words.push('Москва', 'МОСКВА', 'москва', 'Иванов', 'иванов', 'нееет', 'ввиду', 'класс', 'еще', 'Ёлкин', 'ООН', 'А', 'iPhone', '');
    for (const w of words) expect(show(ours(w, config)), w).toEqual(show(azDictionary!(w, config)));
    // a name's parses need a capital: «москва» has fewer than «Москва»
    expect(ours('москва', config).length).toBeLessThan(ours('Москва', config).length);
  });
  it('searches az\'s dictionaries as az does, «е» read as «е» or «ё» and doubled letters as one or two (the shortcut against az\'s own search)', () => {
    context();
    const dawg = (Az as unknown as { DAWG: { prototype: { findAll: unknown } } }).DAWG.prototype;
    const words = [...new Set(tokenize(SAMPLE).filter((t) => t.kind === 'word').map((t) => t.text))];
    words.push('еще', 'все', 'ее', 'елка', 'Берет', 'звезды', 'передает', 'Ёлкиной', 'четверг', 'всем', 'ЕС', 'Евросоюз', 'ее-то', 'нееет', 'Ашимбаеве');
    words.push('класс', 'Россия', 'программа', 'Аль-Хаббаш', 'д-да', 'ннн', 'пееервый', 'сссср', 'ввиду', 'нн-н');
    expect(words.filter((w) => /(.)\1|(.)-\2/i.test(w)).length).toBeGreaterThan(20);
    expect(words.filter((w) => /е/i.test(w)).length).toBeGreaterThan(100);
    const show = (w: string) => Az.Morph(w).map((p) => `${p.toString()} ${String(p.tag)} ${p.score} ${p.parser} ${(p as { stutterCnt?: number }).stutterCnt}`);
    const ours = words.map(show);
    const shortcut = dawg.findAll;
    dawg.findAll = azFindAll;
    try {
      expect(ours).toEqual(words.map(show));
    } finally {
      dawg.findAll = shortcut;
    }
  });
  it('walks az\'s dictionaries letter by letter as az does (its CP1251 table read from an array), and searches them in az\'s order', () => {
    context();
    // the table is Windows-1251, without 0x98 (no character), as in az
    const decoder = new TextDecoder('windows-1251');
    const expected = new Map<number, number>();
    for (let b = 0; b < 256; b++) if (b !== 0x98) expected.set(decoder.decode(Uint8Array.of(b)).charCodeAt(0), b);
    for (let c = 0; c < 0x10000; c++) expect(c < CP1251_BYTE.length ? CP1251_BYTE[c] : -1, `U+${c.toString(16)}`).toBe(expected.get(c) ?? -1);
    // and the walks agree: every code unit from the root, and words and their prefixes from where they lead
    const DAWG = (Az as unknown as { DAWG: { fromArrayBuffer(b: ArrayBuffer, f: string): object } }).DAWG;
    const dicts = join(dirname(createRequire(import.meta.url).resolve('az/package.json')), 'dicts');
    const load = (file: string, format: string) => { const b = readFileSync(join(dicts, file)); return DAWG.fromArrayBuffer(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), format); };
    const words = [...new Set(tokenize(SAMPLE).map((t) => t.text))];
    words.push('ёлка', 'ЁЛКА', 'ҐАНОК', 'naïve', 'слово:NOUN', '№', '—', '\u0098', 'e\u0301');
    for (const d of [load('words.dawg', 'words'), load('p_t_given_w.intdawg', 'int')]) {
      const ours = (s: string, i?: number) => (d as { followString(s: string, i?: number): number }).followString(s, i);
      const az = (s: string, i?: number) => azFollowString!.call(d as never, s, i);
      for (let c = 0; c < 0x10000; c++) expect(ours(String.fromCharCode(c))).toBe(az(String.fromCharCode(c)));
      let found = 0;
      for (const w of words) {
        for (let n = 1; n <= w.length; n++) expect(ours(w.slice(0, n)), w.slice(0, n)).toBe(az(w.slice(0, n)));
        const at = az(w.slice(0, 1));
        if (at !== -1) { found++; expect(ours(w.slice(1), at)).toBe(az(w.slice(1), at)); }
      }
      expect(found).toBeGreaterThan(100);
    }
    // whole searches, in az's order of results, with «е» → «ё» and stutter
    const dawg = load('words.dawg', 'words') as { findAll(s: string, r: object, stutter: number, typos: number): unknown[] };
    const odd = ['нееет', 'д-да', 'ннн', 'пееервый', 'ссср', 'класс', 'программа', 'ее-то', 'еее', 'ввиду', 'нн-н', 'ее'];
    for (const w of [...odd, ...words.map((x) => x.toLowerCase())]) {
      expect(JSON.stringify(dawg.findAll(w, { е: 'ё' }, Infinity, 0)), w).toBe(JSON.stringify(azFindAll!.call(dawg as never, w, { е: 'ё' }, Infinity, 0)));
    }
    expect(odd.filter((w) => dawg.findAll(w, { е: 'ё' }, Infinity, 0).length > 1).length).toBeGreaterThan(3);
    // dictionaryWord: az's search finds the word as written (е read as е or ё), with no stutter reading
    const stutters = (w: string) => /(.)\1/.test(w) || /(.)-\1/.test(w);
    const all = [...odd, 'ещё', 'еще', 'елка', 'ёлка', 'ее', 'минис', 'прези', 'встре', ...words.map((x) => x.toLowerCase())];
    const known = all.map((w) => dictionaryWord(w));
    expect(known).toEqual(all.map((w) => !stutters(w) && azFindAll!.call(dawg as never, w, { е: 'ё' }, 0, 0).length > 0));
    expect(known.filter(Boolean).length).toBeGreaterThan(100);
    expect(known.filter((k) => !k).length).toBeGreaterThan(10);
  });
  it('analyses a word as Az.Morph does (its parser loop, rewritten)', () => {
    context();
    const words = [...new Set(tokenize(SAMPLE).map((t) => t.text))];
    words.push('нееет', 'д-да', 'ввиду', 'класс', 'Аль-Хаббаш', 'кто-то', 'по-русски', 'XIV', '2024', '3,5', 'iPhone', 'А', 'Н', 'ООН', 'ЛенСпецСМУ', 'Токаев', 'Ашимбаевым', 'псевдонаучный', 'сверхдержава', 'ёлка', 'еще', '');
    expect(words.length).toBeGreaterThan(200);
    const show = (ps: AzParse[]) => ps.map((p) => `${String(p)} ${String(p.tag)} ${p.score} ${p.parser}`);
    let guessed = 0;
    for (const w of words) {
      const ours = show(morph(w));
      expect(ours, w).toEqual(show(Az.Morph(w)));
      if (ours.some((x) => !x.endsWith(' Dictionary'))) guessed++;
    }
    expect(guessed).toBeGreaterThan(20);
  });
  it('lists every dictionary form of a lemma, names and places included', () => {
    const forms = lemmaForms(['посол', 'евросоюз']);
    for (const f of ['посол', 'посла', 'послами', 'евросоюзом', 'евросоюзе']) expect(forms).toContain(f);
    expect(forms).not.toContain('министра');
  });
  it('puts a noun phrase into the nominative up to its head', () => {
    const text = 'Верховным судьей Палестины';
    const toks = tokenize(text);
    expect(nominativePhrase(text, toks, 0, 2, 1, context().morph)).toBe('Верховная судья Палестины');
    expect(nominativePhrase(text, toks, 0, 2, 1, context().morph, 'masc')).toBe('Верховный судья Палестины');
    const t2 = 'гуманитарной ситуации в Секторе Газа';
    expect(nominativePhrase(t2, tokenize(t2), 0, 4, 1, context().morph)).toBe('гуманитарная ситуация в Секторе Газа');
  });
});

describe('lemma starts', () => {
  it('tells whether a word starts like one of the lemmas, as comparing its first three letters does', () => {
    const lemmas = ['встретиться', 'провести', 'ёлка', 'по', 'meet', 'обсудить', 'Ӏаз'];
    const set = lemmaStarts({}, 'test', () => lemmas);
    const plain = (w: string) => lemmas.some((l) => l.slice(0, LEMMA_START) === w.slice(0, LEMMA_START));
    const words = ['встречусь', 'встр', 'вст', 'провели', 'прово', 'ёлки', 'елки', 'по', 'пол', 'п', '', 'meeting', 'mee', 'обсуждали', 'обс-', 'о6с', 'ӏаза', 'Ӏаза', 'вcтреча' /* Latin c */, 'вAтреча' /* A: the low byte of «с» */, 'ве'];
    for (const w of words) expect(startsLike(set, w), w).toBe(plain(w));
    expect(words.filter((w) => startsLike(set, w))).toEqual(['встречусь', 'встр', 'вст', 'провели', 'прово', 'ёлки', 'по', 'meeting', 'mee', 'обсуждали', 'обс-', 'Ӏаза']);
  });
});
