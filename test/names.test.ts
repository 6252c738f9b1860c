import { describe, expect, it } from 'vitest';
import { entityNamed, run } from './helpers.js';
import { firstMet } from '../src/entities/build.js';
import { MIN_STEM } from '../src/gazetteer/endings.js';
import { LEMMA_START } from '../src/morph/lemma-starts.js';
import { slug } from '../src/entities/translit.js';

const persons = (text: string) => run(text).entities.filter((e) => e.type === 'person').map((e) => e.name);

describe('person discovery and normalization to the nominative', () => {
  it.each([
    ['Он позвонил Владимиру Путину вчера вечером.', 'Владимир Путин'],
    ['Награду вручили Ярославе Ивановой.', 'Ярослава Иванова'],
    ['Письмо от Ярославы Ивановой пришло утром.', 'Ярослава Иванова'],
    ['Встреча с доктором Махмудом Сидки Аль-Хаббашем прошла тепло.', 'Махмуд Сидки Аль-Хаббаш'],
    ['Мы говорили с Сергеем Лавровым о погоде.', 'Сергей Лавров'],
    ['Приехал Маулен Ашимбаев.', 'Маулен Ашимбаев'],
    ['Об этом рассказал Андрей Бельянинов.', 'Андрей Бельянинов'],
    ['Документ подписал В. В. Путин.', 'Владимир Путин'],
    ['Ответ дал Кемелбеков А. Н. в среду.', 'Кемелбеков'],
    ['Матч судил Карлос Батрес из Гватемалы.', 'Карлос Батрес'],
    ['Во второй тур вышла Марин Ле Пен.', 'Марин Ле Пен'],
    ['Лидером считался Усама бин Ладен.', 'Усама бин Ладен'],
    ['Рядом стоял Эштон Картер.', 'Эштон Картер'],
    ['Речь произнёс Виктор Бут.', 'Виктор Бут'],
  ])('%s → %s', (text, name) => {
    expect(persons(text)).toContain(name);
  });

  it('keeps a female name female and gives gender', () => {
    const r = run('Глава ведомства Анна Смирнова встретилась с журналистами.');
    const p = entityNamed(r, 'Анна Смирнова');
    expect(p?.gender).toBe('f');
  });

  it('finds a surname again in any case, once named in full', () => {
    // coreference tests a word's first letters before its keys: a stem keeps at least as many as that test reads
    expect(LEMMA_START).toBeLessThanOrEqual(MIN_STEM);
    const r = run('Маулен Ашимбаев прибыл в Астану. Ашимбаеву показали город, с Ашимбаевым говорили министры.');
    expect(entityNamed(r, 'Маулен Ашимбаев')?.mentions.map((m) => m.text)).toEqual(['Маулен Ашимбаев', 'Ашимбаеву', 'Ашимбаевым']);
  });

  it('merges full name, surname-only and hashtag mentions into one person', () => {
    const r = run('Вчера Игорь Стрельников прибыл в город. Стрельников заявил, что доволен. #Стрельников');
    const p = entityNamed(r, 'Игорь Стрельников')!;
    expect(p.mentions.map((m) => [m.text, m.kind])).toEqual([['Игорь Стрельников', 'name'], ['Стрельников', 'name'], ['#Стрельников', 'hashtag']]);
    expect(r.entities.filter((e) => e.type === 'person')).toHaveLength(1);
  });

  it('does not take ordinary capitalized words for names', () => {
    expect(persons('Фото: Сенат. Приветствуя гостей, Собеседники обсудили Вопросы. Вместе с тем ничего.')).toEqual([]);
  });

  it('prefers a person to a city of the same name («Владимир»)', () => {
    const r = run('В Кремле Владимир Путин провёл совещание. Затем он поехал во Владимир.');
    expect(r.entities.filter((e) => e.type === 'person').map((e) => e.name)).toEqual(['Владимир Путин']);
    expect(r.entities.some((e) => e.type === 'location' && e.name === 'Владимир')).toBe(true);
  });
});

describe('organizations and places by pattern', () => {
  it('finds quoted names after a type word', () => {
    const r = run('Акции компании «Северный поток» выросли.');
    expect(r.entities.find((e) => e.type === 'organization')?.name).toBe('Северный поток');
  });
  it('takes a type word only from its list: «constructor», a property of every plain object, is not one', () => {
    expect(entityNamed(run('Представители компании «Альфа» прибыли в Москву.'), 'Альфа')?.kind).toBe('company');
    expect(entityNamed(run('Представители constructor «Альфа» прибыли в Москву.'), 'Альфа')).toBeUndefined();
  });

  it('finds a quoted name after a capitalized type word only where the sentence starts', () => {
    expect(run('Группа «Телевизор» выступила в клубе.').entities.map((e) => e.name)).toEqual(['Телевизор']);
    expect(run('Он читал роман «Война и мир».').entities).toEqual([]);
  });
  it('knows the common type words of bodies: federations, commissions, theatres', () => {
    const r = run('Об этом сообщила Федерация бобслея, а вечером выступил Театр юного зрителя.');
    expect(r.entities.map((e) => [e.type, e.name])).toEqual([['organization', 'Федерация бобслея'], ['organization', 'Театр юного зрителя']]);
  });
  it('finds institution phrases and abbreviations', () => {
    const r = run('Об этом сообщило Министерство цифрового развития, а НИИЧАВО подтвердил.');
    const orgs = r.entities.filter((e) => e.type === 'organization').map((e) => e.name);
    expect(orgs).toEqual(expect.arrayContaining(['Министерство цифрового развития', 'НИИЧАВО']));
  });
  it('finds regions in the nominative', () => {
    const r = run('Он родился в Липецкой области.');
    expect(r.entities.map((e) => e.name)).toContain('Липецкая область');
  });
  it('links a bare «Сенат» to the Senate the text names in full', () => {
    const r = run('Председатель Сената Парламента Маулен Ашимбаев выступил. Сенат одобрил закон.');
    const senate = r.entities.filter((e) => e.type === 'organization');
    expect(senate).toHaveLength(1);
    expect(senate[0].mentions.map((m) => m.text)).toEqual(['Сената Парламента', 'Сенат']);
  });
});

describe('Latin-script names', () => {
  it('reads two or more Latin words as a company or band, not a person, even beside a title', () => {
    const r = run('Об этом рассказала директор Global Cultural Project, а сделку обсудили Oracle и Sun Microsystems.');
    expect(r.entities.filter((e) => e.type === 'organization').map((e) => e.name)).toEqual(['Global Cultural Project', 'Oracle', 'Sun Microsystems']);
    expect(r.entities.filter((e) => e.type === 'person')).toEqual([]);
  });
  it('does not take a lone Latin letter for a company: «турниры A, B и C»', () => {
    expect(run('Фестиваль состоит из турниров A, B и C.').entities).toEqual([]);
  });
});

describe('organizations the morphology knows', () => {
  it('finds ministry short names in any case, normalized to the nominative', () => {
    const r = run('Решение Минсельхоза поддержали в Минобороны.');
    expect(r.entities.map((e) => [e.type, e.name])).toEqual([['organization', 'Минсельхоз'], ['organization', 'Минобороны']]);
  });
});

describe('relational adjectives', () => {
  it('take «японского» into the body it qualifies and give the body its country', () => {
    const r = run('Представитель японского МИДа заявил об этом.');
    expect(r.entities.map((e) => [e.type, e.name, e.country, e.mentions.map((m) => m.text)])).toEqual([['organization', 'МИД', 'JP', ['японского МИДа']]]);
  });
  it('keep two bodies of one name apart when their countries differ', () => {
    const r = run('Представитель японского МИДа и глава российского МИДа встретились.');
    expect(r.entities.map((e) => [e.name, e.country])).toEqual([['МИД', 'JP'], ['МИД', 'RU']]);
  });
  it('leave a qualitative adjective out: «известной компании «Мечта»»', () => {
    const r = run('Он работает в известной компании «Мечта».');
    expect(r.entities.map((e) => e.mentions.map((m) => m.text))).toEqual([['Мечта']]);
  });
});

describe('websites', () => {
  it('names a website an organization where the text cites it as a source, not where it is an address', () => {
    const orgs = (text: string) => run(text).entities.filter((e) => e.type === 'organization').map((e) => [e.name, e.kind]);
    expect(orgs('Как пишет «Gzt.Ru», дело передано в суд, сообщает baltinfo.ru.')).toEqual([['Gzt.Ru', 'media'], ['baltinfo.ru', 'media']]);
    expect(orgs('Он зашёл на google.com вечером.')).toEqual([]);
  });
});

describe('original spelling in brackets', () => {
  it('joins «(Joel Simon)» to the person named before it, as an alias', () => {
    const r = run('Об этом сказал руководитель КЗЖ Джоэл Саймон (Joel Simon) в среду.');
    const p = entityNamed(r, 'Джоэл Саймон');
    expect(p?.mentions.map((m) => [m.text, m.kind])).toEqual([['Джоэл Саймон', 'name'], ['Joel Simon', 'alias']]);
    expect(r.entities.filter((e) => e.type === 'organization').map((e) => e.name)).not.toContain('Simon');
  });

  it('leaves a bracketed abbreviation alone: «(FN)» is not a spelling of the name', () => {
    const r = run('Заявление сделал Жан Дюпон (FN) во вторник.');
    expect(entityNamed(r, 'Жан Дюпон')?.mentions.map((m) => m.text)).toEqual(['Жан Дюпон']);
  });
});

describe('grouping person mentions', () => {
  // a mention is compared with the persons sharing its surname's or given name's first letters, in the order met
  const g = (order: number) => ({ order }) as unknown as Parameters<typeof firstMet>[0][number];
  const [p0, p1, p2, p3] = [g(0), g(1), g(2), g(3)];
  it('takes the first person met that fits, across both lists, each person once', () => {
    const seen: number[] = [];
    const fits = (x: { order: number }) => { seen.push(x.order); return x.order >= 2; };
    expect(firstMet([p1, p3], [p0, p1, p2], fits)).toBe(p2);
    expect(seen).toEqual([0, 1, 2]);
    expect(firstMet([p3], [], () => true)).toBe(p3);
    expect(firstMet([], [], () => true)).toBeUndefined();
  });
});

describe('entity id slugs', () => {
  it('transliterate Cyrillic and Kazakh letters, and leave out what is not ASCII', () => {
    expect(slug('Маулен Ашимбаев')).toBe('maulen-ashimbaev');
    expect(slug('Щучинск-Ёлки, Подъячев, Мышь')).toBe('shchuchinsk-elki-podyachev-mysh');
    expect(slug('Қасым-Жомарт Тоқаев')).toBe('kasym-zhomart-tokaev');
    expect(slug('Махмуд Сидки Аль-Хаббаш')).toBe('mahmud-sidki-al-habbash');
    expect(slug('Café Müller, İstanbul')).toBe('cafe-muller-istanbul');
    expect(slug('«ООН»')).toBe('oon');
    expect(slug('中国')).toBe('x');
  });
});
