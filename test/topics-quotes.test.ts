import { describe, expect, it } from 'vitest';
import { run, SAMPLE } from './helpers.js';
import { findDates } from '../src/dates/parse.js';
import { tokenize } from '../src/segment/tokenize.js';

const topics = (text: string) => run(text).meetings.flatMap((m) => m.topics.map((t) => `${t.category}: ${t.text}`));

describe('topics', () => {
  it('splits a list into one topic per subject, in the nominative, with categories', () => {
    expect(topics('Маулен Ашимбаев встретился с Игорем Стрельниковым. Стороны обсудили торговлю, энергетику и транспортные коридоры.')).toEqual([
      'economy-trade: торговля', 'energy: энергетика', 'transport-logistics: транспортные коридоры',
    ]);
  });
  it('reads «обменялись мнениями о …» and strips «вопросы»', () => {
    expect(topics('Маулен Ашимбаев встретился с Игорем Стрельниковым. Собеседники обсудили вопросы миграции и обменялись мнениями о гуманитарной помощи.')).toEqual([
      'migration: миграция', 'humanitarian: гуманитарная помощь',
    ]);
  });
  it('reads an object put before the verb: «О … стороны поговорили»', () => {
    expect(topics('Маулен Ашимбаев встретился с Игорем Стрельниковым. О развитии духовной дипломатии стороны поговорили отдельно.')).toEqual([
      'religion: развитие духовной дипломатии',
    ]);
  });
  it('reads the topic a verb takes after its object: «поздравил его с избранием …»', () => {
    expect(topics('Маулен Ашимбаев встретился с Игорем Стрельниковым и поздравил его с избранием в парламент.')).toEqual([
      'domestic-politics: избрание в парламент',
    ]);
  });
  it('reads «о том, что …» as the object of the clause, and takes the sentence\'s category for a bare phrase', () => {
    expect(topics('На встрече с Игорем Стрельниковым Маулен Ашимбаев рассказал о том, что получает многочисленные угрозы от террористов.')).toEqual([
      'security-defense: многочисленные угрозы от террористов',
    ]);
    expect(topics('Маулен Ашимбаев встретился с Игорем Стрельниковым и обсудил выгоду, которую даёт иск в суд.')).toEqual([
      'law-justice: выгода',
    ]);
  });
  it('gives topics to no meeting when there is none', () => {
    expect(run('Депутаты обсудили бюджет.').meetings).toEqual([]);
  });
  it('lists the entities named inside a topic', () => {
    const t = run(SAMPLE).meetings[0].topics.find((x) => x.category === 'humanitarian')!;
    expect(t.entities).toEqual(['loc:gaza-strip']);
    expect(t.evidence.text).toBe('обменялись мнениями о гуманитарной ситуации в Секторе Газа');
  });
});

describe('quotes', () => {
  it('attributes «…», – сказал X and X: «…», keeping quotes inside quotes', () => {
    const r = run('«Мы поддерживаем принцип «Два государства для двух народов» и будем его отстаивать», – сказал Маулен Ашимбаев. Игорь Стрельников ответил: «Наша позиция остаётся неизменной во всём».');
    expect(r.quotes.map((q) => [q.speaker, q.text.slice(0, 20)])).toEqual([
      ['person:ashimbaev-maulen', 'Мы поддерживаем прин'],
      [r.entities.find((e) => e.name === 'Игорь Стрельников')!.id, 'Наша позиция остаётс'],
    ]);
  });
  it('attributes a quote to a person named by title only', () => {
    const r = run('Председатель Сената Маулен Ашимбаев прибыл. «Мы заинтересованы в развитии сотрудничества», – отметил спикер Сената.');
    expect(r.quotes.map((q) => q.speaker)).toEqual(['person:ashimbaev-maulen']);
  });
});

describe('document facts', () => {
  it('reads title, publisher and hashtags of the sample', () => {
    const d = run(SAMPLE).document;
    expect(d.title).toBe('Маулен Ашимбаев встретился с советником президента Палестины по религиозным вопросам');
    expect(d.publisher).toBe('Kazpravda.kz');
    expect(d.hashtags).toEqual(['Казахстан', 'Ашимбаев', 'Палестина']);
  });
});

describe('dates', () => {
  const dates = (text: string, published: string | null = null) => {
    const t = tokenize(text);
    return findDates(t, 0, t.length - 1, published).map((d) => d.value);
  };
  it('reads full, partial and numeric dates', () => {
    expect(dates('28 июля 2016 года, в марте 2024 года, в 2022 году, 05.03.2021')).toEqual(['2016-07-28', '2024-03', '2022', '2021-03-05']);
  });
  it('reads relative dates only against a publication date', () => {
    expect(dates('вчера и в понедельник')).toEqual([]);
    expect(dates('вчера и в понедельник', '2024-05-16')).toEqual(['2024-05-15', '2024-05-13']);
  });
});
