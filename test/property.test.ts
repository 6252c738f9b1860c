// Property-based tests: whatever the text, extract() either returns a valid result whose every
// offset points at its own text, or throws ExtractionError('empty') for a blank text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExtractor, ExtractionError, type Result } from '../src/index.js';
import { Result as ResultSchema } from '../src/output/schema.js';

const extractor = createExtractor();

const WORDS = [
  'Президент', 'Казахстана', 'Касым-Жомарт', 'Токаев', 'встретился', 'с', 'Президентом', 'Франции', 'в', 'Астане',
  'Путиным', 'Москве', 'провел', 'переговоры', 'обсудили', 'сотрудничество', 'торговлю', 'Министр', 'иностранных', 'дел',
  'России', 'Сергей', 'Лавров', 'заявил', 'что', 'ООН', 'РК', 'США', 'ЕС', 'вчера', '14 мая 2024 года', 'на полях саммита',
  'телефонный разговор', 'посетил', 'Махмуд', 'Аббас', 'председатель', 'Сената', 'Парламента', 'Республики', 'Маулен',
  'Ашимбаевым', 'В.В.', 'г.', 'т.е.', '#Казахстан', 'kazpravda.kz', 'Kazakhstan', 'в рамках', 'о', 'вопросах', 'энергетики',
];
const PUNCT = ['.', ',', ':', ';', '!', '?', '—', '–', '-', '«', '»', '"', '„', '“', '(', ')', '…', '\n', '\n\n', '\t', '\r\n', ' '];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }, // any code point, astral ones included
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', ', ', '. ', ' — ');
// whole sentences, so that meetings, roles, topics and quotes are found too, not only names
const subject = fc.constantFrom('Президент Казахстана Касым-Жомарт Токаев', 'Министр иностранных дел России Сергей Лавров', 'Председатель Сената Маулен Ашимбаев', 'Глава МИД Франции', 'Токаев');
const object = fc.constantFrom('Президентом Франции Эммануэлем Макроном', 'Владимиром Путиным', 'послом Италии', 'Генеральным секретарем ООН', 'делегацией Китая');
const place = fc.constantFrom('в Астане', 'в Москве', 'в Акорде', 'на полях саммита ШОС', '');
const topic = fc.constantFrom('вопросы торговли и энергетики', 'сотрудничество в сфере образования', 'гуманитарную ситуацию в Секторе Газа', 'перспективы двусторонних отношений');
const sentence = fc.oneof(
  fc.tuple(subject, fc.constantFrom('встретился с', 'провел переговоры с', 'провел телефонный разговор с', 'примет'), object, place, topic)
    .map(([s, v, o, p, t]) => `${s} ${v} ${o} ${p}. Стороны обсудили ${t}.`),
  fc.tuple(subject, topic).map(([s, t]) => `«Мы обсудили ${t}», — заявил ${s}.`),
  fc.tuple(subject, object, fc.constantFrom('14 мая 2024 года', 'вчера', 'в понедельник')).map(([s, o, d]) => `${d} ${s} встретится с ${o}.`),
);
const text = fc.array(fc.oneof({ weight: 3, arbitrary: fc.tuple(piece, separator) }, { weight: 1, arbitrary: fc.tuple(sentence, separator) }), { maxLength: 60 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

const EN_WORDS = ['President', 'of', 'Kazakhstan', 'Kassym-Jomart', 'Tokayev', 'met', 'with', 'the', 'France', 'in', 'Astana', 'held', 'talks',
  'discussed', 'trade', 'and', 'Minister', 'Foreign', 'Affairs', 'Sergey', 'Lavrov', 'said', 'UN', 'U.S.', 'EU', "Kazakhstan's", 'Dr.', 'Mr.',
  'on the sidelines of the summit', 'phone conversation', 'received', 'Mahmoud', 'Abbas', 'Chairman', 'Senate', 'Maulen', 'Ashimbayev',
  '#Kazakhstan', 'kazpravda.kz', 'Казахстан', 'exchanged views on', 'he', 'said:', '(Reuters)', 'May', 'will', 'meet'];
const enPiece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...EN_WORDS) }, { weight: 3, arbitrary: fc.constantFrom(...PUNCT, '’', '‘', "'s") }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const enSentence = fc.constantFrom(
  'President of Kazakhstan Kassym-Jomart Tokayev met with French President Emmanuel Macron in Paris. The sides discussed trade, energy as well as security.',
  '“We support the initiative,” Tokayev said.', 'Sergey Lavrov and Wang Yi held talks in Beijing on March 12, 2025.', 'Maulen Ashimbayev received Ambassador of Germany Tilo Klinner.',
);
const englishText = fc.array(fc.oneof({ weight: 3, arbitrary: fc.tuple(enPiece, separator) }, { weight: 1, arbitrary: fc.tuple(enSentence, separator) }), { maxLength: 60 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

interface Span { start: number; end: number; text: string }

function spans(r: Result): Array<[string, Span]> {
  const out: Array<[string, Span]> = [];
  for (const e of r.entities) {
    for (const m of e.mentions) out.push([`${e.id} mention`, m]);
    for (const role of e.roles ?? []) out.push([`${e.id} role`, role.evidence]);
  }
  for (const m of r.meetings) {
    for (const ev of m.evidence) out.push([`${m.id} evidence`, ev]);
    for (const t of m.topics) out.push([`${m.id} topic`, t.evidence]);
  }
  for (const q of r.quotes) out.push(['quote', q]);
  return out;
}

const cases = [['Russian', text, 'ru', 100], ['English', englishText, 'en', 60]] as const;

describe.each(cases)('extract() on arbitrary %s text', (_name, arbitrary, lang, numRuns) => {
  it('never throws except ExtractionError for empty text, and every span is the text at its offsets', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        let r: Result;
        try {
          r = extractor.extract(input, { lang, id: 'prop' });
        } catch (e) {
          // the only failure allowed: a text with nothing but blanks
          expect(e).toBeInstanceOf(ExtractionError);
          expect((e as ExtractionError).code).toBe('empty');
          expect(input.replace(/^\uFEFF/, '').trim()).toBe('');
          return;
        }
        const t = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input; // offsets count after the BOM
        // the extractor does not validate by default: its result must already be exactly what validation returns
        expect(JSON.stringify(ResultSchema.parse(r))).toBe(JSON.stringify(r));
        expect(r.document.chars).toBe(t.length);
        for (const [where, s] of spans(r)) {
          expect(s.start, where).toBeGreaterThanOrEqual(0);
          expect(s.end, where).toBeGreaterThanOrEqual(s.start);
          expect(s.end, where).toBeLessThanOrEqual(t.length);
          expect(t.slice(s.start, s.end), where).toBe(s.text);
        }
      }),
      { numRuns, seed: 20261127 },
    );
  }, 120_000);

  it('gives the same result twice for the same text (no state leaks between documents)', () => {
    fc.assert(
      fc.property(arbitrary, arbitrary, (a, b) => {
        fc.pre(a.trim() !== '' && b.trim() !== '');
        const first = JSON.stringify(extractor.extract(a, { lang }));
        extractor.extract(b, { lang });
        expect(JSON.stringify(extractor.extract(a, { lang }))).toBe(first);
      }),
      { numRuns: 30, seed: 7 },
    );
  }, 120_000);
});
