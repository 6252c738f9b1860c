import { describe, expect, it } from 'vitest';
import { computeTextKeys, entryKeys, textKeys, textKeysIn } from '../src/gazetteer/endings.js';
import { addPhrase, emptyTable, phrasesAt } from '../src/gazetteer/compile.js';
import { keysOfToken, matchAll, tableMasks } from '../src/gazetteer/match.js';
import { splitParagraphs, splitSentences } from '../src/segment/sentences.js';
import { tokenize } from '../src/segment/tokenize.js';
import { maskedTableList } from '../src/dictionary/knowledge.js';
import { context, runUntil, SAMPLE, spanText } from './helpers.js';

const matchIn = (phrases: Array<[string, string, boolean?]>, text: string) => {
  const table = emptyTable<string>();
  for (const [p, v, exact] of phrases) addPhrase(table, p, v, exact ? 'abbreviation' : 'name', { exact, ambiguous: v === 'ambiguous' });
  const { tokens } = splitSentences(tokenize(text), splitParagraphs(text), new Set());
  return matchAll(table, tokens, tokens.map((t) => keysOfToken(t, () => []))).map((m) => `${m.phrase.value}:${text.slice(tokens[m.first].start, tokens[m.last].end)}`);
};

describe('inflection keys', () => {
  it('meet between a nominative entry and its case forms', () => {
    const meets = (entry: string, form: string) => entryKeys(entry).some((k) => textKeys(form).includes(k));
    for (const [e, f] of [['казахстан', 'казахстаном'], ['палестина', 'палестины'], ['россия', 'россией'], ['египет', 'египта'], ['судья', 'судьей'], ['токаев', 'токаевым'], ['нидерланды', 'нидерландов'], ['сидки', 'сидки']]) {
      expect(meets(e, f), `${e} ~ ${f}`).toBe(true);
    }
  });
  it('do not let a bare stem match a word with an ending («Франц» is not «Франция»)', () => {
    expect(entryKeys('франция').some((k) => textKeys('франц').includes(k))).toBe(false);
    expect(entryKeys('газа').some((k) => textKeys('газ').includes(k))).toBe(false);
  });
  it('are found in a key universe as computeTextKeys finds them, before and after the universe\'s bit set is built', () => {
    const universe = context().knowledge.keyUniverse;
    const words = [...new Set(tokenize(SAMPLE.repeat(3) + ' ' + [...universe.keys()].map((k) => k.slice(2).replace(/\|.*/, 'ами')).join(' ')).filter((t) => t.kind === 'word').map((t) => t.norm))];
    expect(words.length).toBeGreaterThan(2 * 4096); // past the lookups after which the set is built
    let found = 0;
    for (const w of words) {
      const keys = textKeysIn(universe, w);
      expect(keys, w).toEqual(computeTextKeys(w).filter((k) => universe.has(k)));
      found += keys.length;
    }
    expect(found).toBeGreaterThan(words.length / 2);
  });
});

describe('phrase matching', () => {
  it('matches multiword names in any case, longest first', () => {
    expect(matchIn([['Организация Объединённых Наций', 'un'], ['Организация исламского сотрудничества', 'oic']],
      'в рамках Организации Объединенных Наций и Организацию исламского сотрудничества')).toEqual([
      'un:Организации Объединенных Наций', 'oic:Организацию исламского сотрудничества',
    ]);
    expect(matchIn([['Сектор Газа', 'gaza'], ['Газа', 'city']], 'в Секторе Газа')).toEqual(['gaza:Секторе Газа']);
  });
  it('needs capitals where the dictionary has them, and abbreviations exactly', () => {
    expect(matchIn([['Мир', 'x']], 'мир и Мира')).toEqual(['x:Мира']);
    expect(matchIn([['ООН', 'un', true]], 'ООН и оон')).toEqual(['un:ООН']);
  });
  it('matches an abbreviation with a case ending («МИДа России»), not a longer word', () => {
    expect(matchIn([['МИД России', 'mfa', true]], 'Глава МИДа России и МИДом России')).toEqual(['mfa:МИДа России', 'mfa:МИДом России']);
    expect(matchIn([['МИД', 'mfa', true]], 'МИДовцы и МИДы')).toEqual(['mfa:МИДы']);
  });
  it('skips ambiguous names at the start of a sentence', () => {
    expect(matchIn([['Того', 'ambiguous']], 'Того же мнения. Посол Того прибыл.')).toEqual(['ambiguous:Того']);
  });
});

describe('gazetteer stage', () => {
  it('finds states, organizations and places in inflected forms, with adjectives and hashtags', () => {
    const d = runUntil('Казахстаном и Палестиной, в Исламскую организацию по продовольственной безопасности, казахстанско-палестинский диалог в Астане #Казахстан', 'gazetteer');
    const found = d.mentions.map((m) => `${m.ref}/${m.kind}:${m.start !== undefined ? d.text.slice(m.start, m.end) : spanText(d, m.first, m.last)}`);
    expect(found).toEqual(expect.arrayContaining([
      'state:KZ/name:Казахстаном', 'state:PS/name:Палестиной', 'org:iofs/name:Исламскую организацию по продовольственной безопасности',
      'state:KZ/adjective:казахстанско', 'state:PS/adjective:палестинский', 'loc:astana/name:Астане', 'state:KZ/hashtag:#Казахстан',
    ]));
  });
  it('finds the state adjectives of a hyphenated word wherever it comes again (its form keeps them)', () => {
    const text = 'В ходе встречи казахстанско-палестинский диалог назвали важным: казахстанско-палестинский форум и российско-китайский.';
    const d = runUntil(text, 'gazetteer');
    const parts = d.mentions.filter((m) => m.reason === 'dictionary:adjective-part').map((m) => `${m.ref}:${text.slice(m.start, m.end)}@${m.start}`);
    const second = text.lastIndexOf('казахстанско');
    const at = (word: string, from = 0) => text.indexOf(word, from);
    expect(parts).toEqual([
      `state:KZ:казахстанско@${at('казахстанско')}`, `state:PS:палестинский@${at('палестинский')}`,
      `state:KZ:казахстанско@${second}`, `state:PS:палестинский@${at('палестинский', second)}`,
      `state:RU:российско@${at('российско')}`, `state:CN:китайский@${at('китайский')}`,
    ]);
  });
  it('prefers a state to a city of the same name', () => {
    const d = runUntil('Делегация прибыла в Алжир.', 'gazetteer');
    expect(d.mentions.map((m) => m.ref)).toEqual(['state:DZ']);
  });
  it('finds position titles', () => {
    const d = runUntil('Председатель Сената встретился с министром иностранных дел.', 'gazetteer');
    expect(d.titles.map((t) => spanText(d, t.first, t.last))).toEqual(['Председатель Сената', 'министром иностранных дел']);
  });
});

describe('table masks', () => {
  it('mark for each token exactly the tables with a phrase under its keys, and skipping the rest changes no match', () => {
    const d = runUntil(SAMPLE, 'segment');
    const k = context().knowledge;
    const masks = tableMasks(d.keys)!;
    expect(masks).toHaveLength(d.tokens.length);
    let unset = 0;
    for (const table of maskedTableList(k)) {
      for (let i = 0; i < d.tokens.length; i++) {
        const has = d.keys[i].some((key) => phrasesAt(table, key) !== null);
        expect((masks[i] & (1 << table.bit!)) !== 0).toBe(has);
        if (!has) unset++;
      }
      // copies carry no masks, so every token is looked up
      expect(matchAll(table, d.tokens, d.keys)).toEqual(matchAll(table, d.tokens.slice(), d.keys.slice()));
    }
    expect(unset).toBeGreaterThan(d.tokens.length); // most tokens, for most tables
  });
});
