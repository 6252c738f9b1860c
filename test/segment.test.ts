import { describe, expect, it } from 'vitest';
import { foldCase, tokenize } from '../src/segment/tokenize.js';
import { FormTable } from '../src/segment/form-table.js';
import { scratchBytes, scratchInts, startScratch } from '../src/scratch.js';
import { lemmaStarts, startsLike, tokenStartsLike } from '../src/morph/lemma-starts.js';
import { HAS_LETTER, IS_UPPER, TOKEN, abbreviationBase } from '../src/segment/patterns.js';
import { splitParagraphs, splitSentences } from '../src/segment/sentences.js';
import { findQuoteSpans } from '../src/segment/quotes.js';
import { context, SAMPLE } from './helpers.js';
import { createContext, type Context } from '../src/context.js';
import type { Doc, Token, TokenKind, WordForm } from '../src/doc.js';
import { lemmaForms } from '../src/morph/lexemes.js';
import { emptyDoc } from '../src/pipeline.js';
import { segment } from '../src/segment/index.js';

const sentences = (text: string) => {
  const { sentences: s } = splitSentences(tokenize(text), splitParagraphs(text), context().knowledge.cues.sentenceAbbreviations);
  return s.map((x) => text.slice(x.start, x.end));
};

describe('tokenize', () => {
  it('keeps offsets exact for every token', () => {
    const text = 'Касым-Жомарт Токаев, VI-го саммита; Kazpravda.kz #Казахстан 28.07.2016 «ёлка» 59-летний';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('keeps hyphenated words, domains, hashtags, numbers and dates whole', () => {
    const toks = tokenize('Касым-Жомарт Аль-Хаббаш VI-го Kazpravda.kz #Ашимбаев 28.07.2016 200.2 59-летний').map((t) => [t.text, t.kind]);
    expect(toks).toEqual([
      ['Касым-Жомарт', 'word'], ['Аль-Хаббаш', 'word'], ['VI-го', 'word'], ['Kazpravda.kz', 'domain'],
      ['#Ашимбаев', 'hashtag'], ['28.07.2016', 'number'], ['200.2', 'number'], ['59-летний', 'number'],
    ]);
  });
  it('separates quotes and punctuation, folds ё in norm and marks capitals', () => {
    const t = tokenize('«Ёлка», ООН.');
    expect(t.map((x) => x.text)).toEqual(['«', 'Ёлка', '»', ',', 'ООН', '.']);
    expect(t[1].norm).toBe('елка');
    expect(t[1].cap).toBe(true);
    expect(t[4].upper).toBe(true);
    expect(t[1].upper).toBe(false);
  });
  it('reads a capital with a dot as an initial', () => {
    expect(tokenize('В. В. Путин').map((t) => t.kind)).toEqual(['initial', 'initial', 'word']);
  });
});

describe('sentences', () => {
  it('does not end a sentence after abbreviations and initials', () => {
    expect(sentences('Встреча прошла в г. Астане 5 мая. В. В. Путин прибыл т.е. вовремя. Все довольны.')).toEqual([
      'Встреча прошла в г. Астане 5 мая.', 'В. В. Путин прибыл т.е. вовремя.', 'Все довольны.',
    ]);
  });
  it('ends sentences at line breaks and keeps closing quotes', () => {
    expect(sentences('Заголовок без точки\nОн сказал: «Да.» Потом ушёл.')).toEqual(['Заголовок без точки', 'Он сказал: «Да.»', 'Потом ушёл.']);
  });
  it('does not split before a lowercase word', () => {
    expect(sentences('Цена выросла на 2.5 проц. по сравнению с маем.')).toHaveLength(1);
  });
});

describe('quotation spans', () => {
  it('finds top-level «…» with nested quotes inside', () => {
    const text = '«Мы за принцип «Два государства». Так», – сказал он. «Да будет так»';
    const toks = tokenize(text);
    const spans = findQuoteSpans(toks);
    expect(spans.map((s) => text.slice(toks[s.open].start, toks[s.close].end))).toEqual([
      '«Мы за принцип «Два государства». Так»', '«Да будет так»',
    ]);
  });
});

describe('lookup keys', () => {
  // the build lists every form of the lemma keys (dist/lemma-forms.utf16le.txt); compiled at load, the
  // knowledge has no such list and the segmenter analyses every word starting like a lemma key
  const text = `${SAMPLE}\nПосла Японии приняли в Евросоюзе. Блоггеры и антропологи обсудили ввод посольств; к вечеру встретились кандидаты.`;
  const withForms = (): Context => {
    const k = context().knowledge;
    const lemmas = [...k.keyUniverse.keys()].filter((key) => key.startsWith('l:')).map((key) => key.slice(2));
    return createContext({ ...k, lemmaForms: lemmaForms(lemmas).join('\n') }, context().morph);
  };
  it('are the same whether the lemma lookups are narrowed by the listed forms or not', () => {
    const listed = segment(emptyDoc('t', text, 'ru', null), withForms());
    const loose = segment(emptyDoc('t', text, 'ru', null), context());
    expect(listed.keys).toEqual(loose.keys);
    const keysOf = (d: Doc, word: string) => d.keys[d.tokens.findIndex((t) => t.text === word)];
    expect(keysOf(listed, 'Посла')).toContain('l:посол');
    expect(keysOf(listed, 'к')).not.toContain('l:кандидат'); // «к» is az's abbreviation of «кандидат»
  });

  it('come with one word form per text, which keeps the parses the stages ask for', () => {
    const ctx = createContext(context().knowledge, context().morph);
    const doc = segment(emptyDoc('t', text, 'ru', null), ctx);
    const [a, b] = doc.tokens.filter((t) => t.text === 'Палестины');
    expect(a.form).toBeDefined();
    expect(b.form).toBe(a.form);
    expect(doc.keys[doc.tokens.indexOf(a)]).toBe(a.form!.keys);
    const parses = ctx.morph.parseToken(a);
    expect(parses).toEqual(ctx.morph.parse('Палестины'));
    expect(a.form!.parses).toBe(parses);
    expect(ctx.morph.parseToken(b)).toBe(parses);
    // a word the segmenter analysed for its lemma keys keeps those parses: the stages do not look them up again
    const met = doc.tokens.find((t) => t.text === 'обменялись')!;
    expect(doc.keys[doc.tokens.indexOf(met)]).toContain('l:обменяться');
    expect(met.form!.parses).toEqual(ctx.morph.parse('обменялись'));
  });
});

describe('tokenizer fast path', () => {
  // the grammar as one regular expression: what tokenize() must agree with, token for token
  function byExpression(text: string): Token[] {
    const out: Token[] = [];
    TOKEN.lastIndex = 0;
    let prevEnd = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      const raw = m[0];
      const kind = m[1] ? 'hashtag' : m[2] ? 'domain' : m[3] ? 'number' : m[4] ? 'initial' : m[5] ? 'word' : 'punct';
      const letters = HAS_LETTER.test(raw);
      out.push({
        start: m.index, end: m.index + raw.length, text: raw, kind: kind === 'word' && !letters ? 'number' : kind, norm: foldCase(raw),
        cap: letters && raw[0] !== raw[0].toLowerCase(), upper: kind === 'word' && raw.length >= 2 && IS_UPPER.test(raw),
        spaceBefore: m.index > prevEnd || m.index === 0, sentence: -1,
      });
      prevEnd = m.index + raw.length;
    }
    return out;
  }
  it('gives the tokens of the TOKEN expression on the sample and on random text', () => {
    expect(tokenize(SAMPLE)).toEqual(byExpression(SAMPLE));
    const pieces = ['а', 'Б', 'ё', 'Ё', 'x', 'Y', '0', '7', '.', ',', '-', '‐', '‑', "'", '’', '#', '_', ' ', '\n', '\u00a0', '«', '»', '“', '—', '…',
      'қ', 'Қ', 'α', 'Ω', '中', '😀', '\u0301', '²', '№', 'ǅ', 'İ', '\u2028', '\u200b', 'ß', 'ﬁ', '١', '\ud800', 'В.', 'А.Б.', 'т.е.', 'kazpravda.kz',
      'www.', '.рф', 'U.S.', '2022-м', '28.07.2016', '#тег', "Кот-д'Ивуар", 'VI-го', 'Ǆ.', 'Ab.Cd', 'ООН', 'МИДом', 'Я.😀', 'Э.қы', 'Ю.ab', 'Σ', 'ς', 'Ёлка', 'ЁЛКА', 'Ёлкё'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let j = 1 + Math.floor(rand() * 12); j > 0; j--) s += pieces[Math.floor(rand() * pieces.length)];
      expect(tokenize(s), JSON.stringify(s)).toEqual(byExpression(s));
    }
  });
});

describe('abbreviationBase', () => {
  it('reads an abbreviation with a case ending, and nothing else', () => {
    const words = ['МИДом', 'МИДе', 'ЕСа', 'NATOе', 'ФСБ', 'мидом', 'Мидом', 'Ма', 'зеленый', 'apple', '2ГИСа'];
    expect(words.map(abbreviationBase)).toEqual(['МИД', 'МИД', 'ЕС', 'NATO', null, null, null, null, null, null, null]);
  });
  it('answers as its regular expression alone on every word of the sample and on capitals of other scripts', () => {
    const alone = (w: string) => /^(\p{Lu}{2,})(?:а|у|ом|е|ы|ой|ов|ам|ах|ами)$/u.exec(w)?.[1] ?? null;
    const words = [...tokenize(SAMPLE).map((t) => t.text), 'ÉTATа', 'ÉtATа', 'ΣΑа', 'ҚРа', 'Қра', 'МИДами', 'МиДа', 'NATOов'];
    expect(words.map(abbreviationBase)).toEqual(words.map(alone));
    expect(words.filter((w) => abbreviationBase(w) !== null)).toEqual(expect.arrayContaining(['ÉTATа', 'ΣΑа', 'ҚРа', 'МИДами', 'NATOов']));
  });
});

describe('FormTable', () => {
  it('agrees with a Map keyed by kind and text, through growth and clearing', () => {
    const table = new FormTable();
    const map = new Map<string, WordForm>();
    let seed = 11;
    const rand = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const kinds: TokenKind[] = ['word', 'number', 'punct', 'initial', 'domain', 'hashtag'];
    // few letters, so texts repeat and collide across kinds; long ones, which are stored as copies
    const text = () => Array.from({ length: 1 + rand(rand(4) ? 5 : 20) }, () => 'аб-1.вгд'[rand(8)]).join('');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 20_000; i++) {
        const kind = kinds[rand(kinds.length)];
        const t = text();
        const found = table.get(kind, t);
        expect(found, `${kind} ${t}`).toBe(map.get(kind + ' ' + t));
        if (!found) {
          const form: WordForm = { keys: [], keyIds: [], keyTables: [], tables: i, parses: null, firstFits: null, nameWord: null, starts: 0, adjectiveParts: null };
          table.add(kind, t, form);
          map.set(kind + ' ' + t, form);
        }
      }
      expect(table.size).toBe(map.size);
      expect(table.size).toBeGreaterThan(4096); // grown past its first slots
      table.clear();
      map.clear();
      expect(table.get('word', 'а')).toBeUndefined();
    }
  });
});

describe('tokenStartsLike', () => {
  it('answers as startsLike, once per word form and for each set apart', () => {
    const owner = {};
    const verbs = lemmaStarts(owner, 'test: verbs', () => ['встретиться', 'обсудить']);
    const nouns = lemmaStarts(owner, 'test: nouns', () => ['посол', 'визит']);
    const form = (): WordForm => ({ keys: [], keyIds: [], keyTables: [], tables: 0, parses: null, firstFits: null, nameWord: null, starts: 0, adjectiveParts: null });
    const words = ['встретился', 'обсудили', 'посла', 'визита', 'вс', 'abc', 'посетил', 'встреча'];
    const tokens = words.map((norm) => ({ norm, form: form() }));
    for (let round = 0; round < 2; round++) {
      for (const t of tokens) {
        expect(tokenStartsLike(verbs, t), `${t.norm} verbs`).toBe(startsLike(verbs, t.norm));
        expect(tokenStartsLike(nouns, t), `${t.norm} nouns`).toBe(startsLike(nouns, t.norm));
        expect(tokenStartsLike(verbs, { norm: t.norm, form: undefined })).toBe(startsLike(verbs, t.norm));
      }
    }
    expect(tokens.filter((t) => tokenStartsLike(verbs, t)).map((t) => t.norm)).toEqual(['встретился', 'обсудили', 'встреча']);
    expect(tokens.filter((t) => tokenStartsLike(nouns, t)).map((t) => t.norm)).toEqual(['посла', 'визита', 'посетил']);
  });
});

describe('scratch arrays', () => {
  it('are zeroed, apart from one another, and kept through the buffer growing until the next document', () => {
    startScratch();
    const a = scratchBytes(5);
    a.fill(7);
    const ints = scratchInts(3);
    expect(ints.byteOffset % 4).toBe(0);
    ints.set([1, 2, 3]);
    const big = scratchBytes(1 << 17); // past the first buffer: a new one
    big.fill(9);
    expect([...a]).toEqual([7, 7, 7, 7, 7]);
    expect([...ints]).toEqual([1, 2, 3]);
    startScratch();
    const again = scratchBytes(1 << 17); // the same bytes as `big`, zeroed
    expect(again.every((b) => b === 0)).toBe(true);
    expect(scratchInts(2)).toEqual(new Int32Array(2));
  });
});
