import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const pairs = (text: string, date?: string) => {
  const r = run(text, date);
  const name = (id: string) => r.entities.find((e) => e.id === id)?.name ?? id;
  return r.meetings.map((m) => m.participants.map(name).sort().join(' + '));
};
const meetings = (text: string, date?: string) => run(text, date).meetings;

describe('meetings: constructions', () => {
  it('X встретился с Y', () => {
    expect(pairs('Президент Казахстана Касым-Жомарт Токаев встретился с Президентом Франции Эммануэлем Макроном.')).toEqual(['Касым-Жомарт Токаев + Эмманюэль Макрон']);
  });
  it('X и Y провели переговоры', () => {
    expect(pairs('Сергей Лавров и Ван И провели переговоры в Пекине.')).toEqual(['Ван И + Сергей Лавров']);
  });
  it('состоялась встреча X с Y', () => {
    expect(pairs('В Астане состоялась встреча Маулена Ашимбаева с Игорем Стрельниковым.')).toEqual(['Игорь Стрельников + Маулен Ашимбаев']);
  });
  it('Y был принят X', () => {
    expect(pairs('Посол Японии Кадзуки Ямада был принят Мауленом Ашимбаевым в Сенате.')).toEqual(['Кадзуки Ямада + Маулен Ашимбаев']);
  });
  it('X принял Y (a person as the object)', () => {
    expect(pairs('Маулен Ашимбаев принял посла Франции Жана Дюпона.')).toEqual(['Жан Дюпон + Маулен Ашимбаев']);
  });
  it('на встрече с Y X отметил', () => {
    expect(pairs('На встрече с Игорем Стрельниковым Маулен Ашимбаев отметил рост товарооборота.')).toEqual(['Игорь Стрельников + Маулен Ашимбаев']);
  });
  it('coordinated list: с Y и Z', () => {
    expect(pairs('Маулен Ашимбаев встретился с Игорем Стрельниковым и Анной Смирновой.')).toEqual(['Анна Смирнова + Игорь Стрельников + Маулен Ашимбаев']);
  });
  it('states as parties when no person is named', () => {
    expect(pairs('Казахстан и Узбекистан провели переговоры по водным ресурсам.')).toEqual(['Казахстан + Узбекистан']);
  });
  it('a bare title stands for the one person of the text who holds that rank', () => {
    expect(pairs('В 2016 году Игорь Стрельников встретился с президентом РФ Владимиром Путиным. В 2017 году он снова встречался с президентом.')).toEqual([
      'Владимир Путин + Игорь Стрельников', 'Владимир Путин + Игорь Стрельников',
    ]);
  });
  it('a name after a long description of the counterpart: «с автором закона о запрете … Виталием Милоновым»', () => {
    expect(pairs('Стивен Фрай встречался с автором закона о запрете «пропаганды» Виталием Милоновым.')).toEqual(['Виталий Милонов + Стивен Фрай']);
  });
  it('a title alone stands for the person the article named for it', () => {
    const text = 'Президент Палестины Махмуд Аббас прибыл в Астану. Президент Казахстана Касым-Жомарт Токаев провел встречу с Президентом Палестины.';
    expect(pairs(text)).toEqual(['Касым-Жомарт Токаев + Махмуд Аббас']);
  });
});

describe('meetings: slots', () => {
  it('place from «в Астане», date from the text, format by phone', () => {
    const [m] = meetings('28 июля 2016 года в Астане Маулен Ашимбаев провел телефонный разговор с Игорем Стрельниковым.');
    expect(m).toMatchObject({ place: 'loc:astana', date: '2016-07-28', format: 'phone', status: 'reported' });
  });
  it('no place and no date when the text gives none', () => {
    const [m] = meetings('Маулен Ашимбаев встретился с Игорем Стрельниковым.');
    expect([m.place, m.date]).toEqual([null, null]);
  });
  it('relative dates only with a publication date', () => {
    expect(meetings('Вчера Маулен Ашимбаев встретился с Игорем Стрельниковым.')[0].date).toBeNull();
    expect(meetings('Вчера Маулен Ашимбаев встретился с Игорем Стрельниковым.', '2024-05-14')[0].date).toBe('2024-05-13');
  });
  it('a weekday is the last one for a reported meeting and the next one for a planned one (2024-05-14 is a Tuesday)', () => {
    expect(meetings('Маулен Ашимбаев встретился с Игорем Стрельниковым в понедельник.', '2024-05-14')[0].date).toBe('2024-05-13');
    expect(meetings('Маулен Ашимбаев встретится с Игорем Стрельниковым в среду.', '2024-05-14')[0].date).toBe('2024-05-15');
  });
  it('future and proposed meetings are planned, with a modality', () => {
    expect(meetings('Маулен Ашимбаев встретится с Игорем Стрельниковым.')[0]).toMatchObject({ status: 'planned', modality: 'future' });
    expect(meetings('Планируется, что Маулен Ашимбаев встретится с Игорем Стрельниковым в мае.')[0]).toMatchObject({ status: 'planned', modality: 'future' });
    expect(meetings('Маулен Ашимбаев не встретился с Игорем Стрельниковым.')[0]).toMatchObject({ status: 'planned', modality: 'negated' });
  });
  it('a meeting recalled inside a quotation is past, with its occasion', () => {
    const text = '«Президент Палестины Махмуд Аббас участвовал в работе саммита СВМДА, который прошел в Астане в 2022 году. На полях саммита Президент Казахстана Касым-Жомарт Токаев провел встречу с Президентом Палестины», – сказал Маулен Ашимбаев.';
    const [m] = meetings(text);
    expect(m).toMatchObject({ status: 'past', place: 'loc:astana', date: '2022' });
    expect(m.occasion).toMatch(/^саммит/);
  });
});

describe('meetings: what is not a meeting', () => {
  it.each([
    'Маулен Ашимбаев принял закон о бюджете.',
    'Сенат принял решение об участии Казахстана в форуме.',
    'Игорь Стрельников принял участие в форуме в Астане.',
    'Маулен Ашимбаев выступил с речью на форуме в Астане.',
    'Сборная Казахстана встретилась со сборной Узбекистана в финале.'.replace('Сборная Казахстана', 'Команда'),
    'Маулен Ашимбаев встретился с журналистами.',
    'Министры подписали соглашение о сотрудничестве.',
  ])('%s', (text) => {
    expect(meetings(text)).toEqual([]);
  });
  it('«эти переговоры» refer back and make no new meeting', () => {
    expect(pairs('Маулен Ашимбаев встретился с Игорем Стрельниковым. Эти переговоры Казахстана и России дали импульс.')).toEqual(['Игорь Стрельников + Маулен Ашимбаев']);
  });
});
