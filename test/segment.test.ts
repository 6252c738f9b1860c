import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/segment/tokenize.js';
import { splitParagraphs, splitSentences } from '../src/segment/sentences.js';
import { findQuoteSpans } from '../src/segment/quotes.js';
import { context, SAMPLE } from './helpers.js';
import { createContext, type Context } from '../src/context.js';
import type { Doc } from '../src/doc.js';
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
  // the build lists every form of the lemma keys (dist/knowledge.json); compiled at load, the
  // knowledge has no such list and the segmenter analyses every word starting like a lemma key
  const text = `${SAMPLE}\nПосла Японии приняли в Евросоюзе. Блоггеры и антропологи обсудили ввод посольств; к вечеру встретились кандидаты.`;
  const withForms = (): Context => {
    const k = context().knowledge;
    const lemmas = [...k.keyUniverse].filter((key) => key.startsWith('l:')).map((key) => key.slice(2));
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
});
