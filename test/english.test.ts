import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/language/detect.js';
import { extractor, ROOT, SAMPLE } from './helpers.js';

const EN_SAMPLE = readFileSync(join(ROOT, 'samples', 'en-kazpravda-ashimbaev-al-habbash.txt'), 'utf8');
const en = (text: string) => extractor().extract(text, { lang: 'en' });
const pairs = (text: string) => {
  const r = en(text);
  const name = (id: string) => r.entities.find((e) => e.id === id)?.name ?? id;
  return r.meetings.map((m) => m.participants.map(name).sort().join(' + '));
};

describe('English: the sample article in both languages', () => {
  const ru = extractor().extract(SAMPLE, { id: 'ru' });
  const eng = extractor().extract(EN_SAMPLE, { id: 'en' });
  const meetingFacts = (r: typeof ru) => r.meetings.map((m) => ({ participants: m.participants, place: m.place, date: m.date, status: m.status, format: m.format }));

  it('is routed by the detected language', () => {
    expect(detectLanguage(EN_SAMPLE)).toBe('en');
    expect(eng.document.language).toBe('en');
    expect(ru.document.language).toBe('ru');
  });
  it('gives the same entity ids, in the same order of first mention', () => {
    expect(eng.entities.map((e) => e.id)).toEqual(ru.entities.map((e) => e.id));
  });
  it('gives the same two meetings', () => {
    expect(meetingFacts(eng)).toEqual(meetingFacts(ru));
    expect(eng.meetings).toHaveLength(2);
  });
  it('keeps the article spelling of names, linked to the dictionary entry', () => {
    const p = eng.entities.find((e) => e.id === 'person:ashimbaev-maulen')!;
    expect(p.name).toBe('Maulen Ashimbayev');
    expect(p.dictionaryId).toBe('person:ashimbaev-maulen');
    expect(eng.entities.find((e) => e.id === 'person:tokaev-kassym-zhomart')!.mentions.map((m) => m.text)).toContain('Kassym-Jomart Kemelevich Tokayev');
  });
  it('reads roles, occasion, topics, quotes and the publisher', () => {
    const habbash = eng.entities.find((e) => e.id === 'person:al-habbash-mahmoud-sidki')!;
    expect(habbash.roles!.map((r) => r.title)).toEqual(['Supreme Judge of Palestine', 'Adviser to the President of Palestine on Religious Affairs']);
    expect(eng.entities.find((e) => e.id === 'person:ashimbaev-maulen')!.roles).toMatchObject([{ title: 'Chairman of the Senate of Parliament', organization: 'org:senate-kz', state: 'state:KZ' }]);
    expect(eng.meetings[1].occasion).toBe('VI Summit of the Conference on Interaction and Confidence Building Measures in Asia');
    expect(eng.meetings[0].topics.map((t) => t.category)).toEqual(['international-organizations', 'humanitarian', 'conflict-peace', 'religion', 'religion']);
    expect(eng.meetings[0].topics[1]).toMatchObject({ text: 'humanitarian situation in the Gaza Strip', entities: ['loc:gaza-strip'] });
    expect(eng.quotes.map((q) => q.speaker)).toEqual(['person:ashimbaev-maulen', 'person:ashimbaev-maulen']);
    expect(eng.quotes[0].text.endsWith('strengthening Palestine')).toBe(true);
    expect(eng.document.publisher).toBe('Kazpravda.kz');
  });
  it('keeps every offset true to the text', () => {
    for (const e of eng.entities) for (const m of e.mentions) expect(EN_SAMPLE.slice(m.start, m.end)).toBe(m.text);
    for (const m of eng.meetings) for (const ev of m.evidence) expect(EN_SAMPLE.slice(ev.start, ev.end)).toBe(ev.text);
  });
});

describe('English: meeting constructions', () => {
  it('X met with Y', () => {
    expect(pairs('President of Kazakhstan Kassym-Jomart Tokayev met with President of France Emmanuel Macron in Paris.')).toEqual(['Emmanuel Macron + Kassym-Jomart Tokayev']);
  });
  it('X met Y, with the place', () => {
    const r = en('Kassym-Jomart Tokayev met Emmanuel Macron in Paris.');
    expect(r.meetings).toHaveLength(1);
    expect(r.meetings[0].place).toBe('loc:paris');
  });
  it('X held talks with Y', () => {
    expect(pairs('Sergey Lavrov held talks with Wang Yi in Beijing.')).toEqual(['Sergey Lavrov + Wang Yi']);
  });
  it('X received Y (a person as the object)', () => {
    expect(pairs('Kassym-Jomart Tokayev received Ambassador of Japan Kazuki Yamada.')).toEqual(['Kassym-Jomart Tokayev + Kazuki Yamada']);
  });
  it('a phone conversation has the phone format', () => {
    const r = en('Kassym-Jomart Tokayev had a phone conversation with Shavkat Mirziyoyev.');
    expect(r.meetings.map((m) => m.format)).toEqual(['phone']);
  });
  it('a person no dictionary holds, found after a title', () => {
    expect(pairs('Foreign Minister of Egypt Sameh Shoukry met with Murat Nurtleu in Cairo.')).toEqual(['Murat Nurtleu + Sameh Shoukry']);
  });
  it('a planned meeting', () => {
    expect(en('Kassym-Jomart Tokayev will meet with Emmanuel Macron in Paris.').meetings.map((m) => [m.status, m.modality])).toEqual([['planned', 'future']]);
  });
  it('topics after «talks focused on»', () => {
    const r = en('Kassym-Jomart Tokayev held talks with Emmanuel Macron. The talks focused on trade and investment.');
    expect(r.meetings[0].topics.map((t) => t.category)).toEqual(['economy-trade']);
  });
  it('X and Y held talks: coordinated subjects across their titles, with place and date', () => {
    const r = en('Turkish President Recep Tayyip Erdogan and Azerbaijani President Ilham Aliyev held talks in Ankara on March 12, 2025.');
    expect(r.meetings.map((m) => [m.participants, m.place, m.date])).toEqual([[['person:erdogan-recep-tayyip', 'person:aliev-ilham'], 'loc:ankara', '2025-03-12']]);
  });
  it('an occasion named in the meeting sentence itself', () => {
    const r = en('Murat Nurtleu met with António Guterres on the sidelines of the 79th session of the UN General Assembly.');
    expect(r.meetings.map((m) => m.occasion)).toEqual(['79th session of the UN General Assembly']);
  });
  it('listed topics are split at commas and «as well as»', () => {
    const r = en('Kassym-Jomart Tokayev met with António Guterres. The parties exchanged views on regional security, climate change as well as the situation in Afghanistan.');
    expect(r.meetings[0].topics.map((t) => t.text)).toEqual(['regional security', 'climate change', 'situation in Afghanistan']);
  });
  it('«spoke by phone with» is a phone meeting with the person after «with»', () => {
    const r = en('Kazakh Foreign Minister Yermek Kosherbayev spoke by phone with his Chinese counterpart Wang Yi.');
    expect(r.meetings.map((m) => [m.participants, m.format])).toEqual([[['person:kosherbaev-ermek', 'person:wang-yi'], 'phone']]);
  });
  it('«is also due to meet» is planned; the month «May» is not the modal «may»', () => {
    expect(en('Olaf Scholz is also due to meet Donald Tusk in Warsaw on Wednesday.').meetings.map((m) => m.status)).toEqual(['planned']);
    expect(en('On 14 May 2024 Kassym-Jomart Tokayev received Helga Maria Schmid.').meetings.map((m) => [m.status, m.date])).toEqual([['reported', '2024-05-14']]);
  });
  it('topics of a sentence about the parties\' states and bodies («the Kazakh leader and the OSCE chief»)', () => {
    const r = en('President of Kazakhstan Kassym-Jomart Tokayev received OSCE Secretary General Helga Maria Schmid. The Kazakh leader and the OSCE chief also exchanged views on the situation in Afghanistan.');
    expect(r.meetings[0].topics.map((t) => t.text)).toEqual(['situation in Afghanistan']);
  });
  it('relative dates against the publication date (2024-05-14 is a Tuesday); a wire dateline is not the meeting date', () => {
    const date = (text: string) => extractor().extract(text, { lang: 'en', date: '2024-05-14' }).meetings.map((m) => m.date);
    expect(date('ASTANA, May 14 (Reuters) - Kassym-Jomart Tokayev met with Wang Yi on Monday.')).toEqual(['2024-05-13']);
    expect(date('Kassym-Jomart Tokayev will meet with Wang Yi on Wednesday.')).toEqual(['2024-05-15']);
    expect(date('Yesterday Kassym-Jomart Tokayev met with Wang Yi.')).toEqual(['2024-05-13']);
    expect(en('Kassym-Jomart Tokayev met with Wang Yi on Monday.').meetings.map((m) => m.date)).toEqual([null]);
  });
  it('the headline and the dated lead are one meeting', () => {
    const r = extractor().extract('Macron hosts Scholz\n\nFrench President Emmanuel Macron hosted German Chancellor Olaf Scholz on Monday.', { lang: 'en', date: '2024-05-14' });
    expect(r.meetings.map((m) => [m.participants, m.date, m.evidence.length])).toEqual([[['person:macron-emmanuel', 'person:scholz-olaf'], '2024-05-13', 2]]);
  });
  it('meeting nouns on their own: «between X and Y», «X\'s talks with Y», «during the meeting with Y, X …»', () => {
    expect(pairs('The meeting between Kassym-Jomart Tokayev and Shavkat Mirziyoyev took place in Tashkent.')).toEqual(['Kassym-Jomart Tokayev + Shavkat Mirziyoyev']);
    expect(pairs('The talks between Kazakhstan and Uzbekistan were constructive.')).toEqual(['Kazakhstan + Uzbekistan']);
    expect(pairs("Tokayev's talks with Xi Jinping focused on trade.")).toEqual(['Kassym-Jomart Tokayev + Xi Jinping']);
    expect(pairs('During the meeting with António Guterres, Murat Nurtleu stressed the importance of regional security.')).toEqual(['António Guterres + Murat Nurtleu']);
    expect(pairs('The meeting with journalists lasted an hour.')).toEqual([]);
  });
  it('a delegation stands for its state', () => {
    expect(pairs('Maulen Ashimbayev received the delegation of Japan.')).toEqual(['Japan + Maulen Ashimbayev']);
    expect(pairs('Maulen Ashimbayev met with a Chinese parliamentary delegation.')).toEqual(['China + Maulen Ashimbayev']);
    expect(pairs('Maulen Ashimbayev received a delegation.')).toEqual([]);
  });
  it('«X and Y met on Wednesday on the sidelines of …»: no counterpart after «met» but the coordinated pair; the occasion as named', () => {
    const r = en('Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Antony Blinken met on Wednesday on the sidelines of the Arctic Council ministerial meeting in Reykjavik.');
    expect(r.meetings.map((m) => [m.participants, m.place, m.occasion])).toEqual([[['person:lavrov-sergey', 'person:blinken-antony'], 'loc:reykjavik', 'Arctic Council ministerial meeting']]);
  });
  it('a legal form after the body ends the title («Samruk-Kazyna JSC»), and the name after it is the holder', () => {
    expect(pairs('President Kassym-Jomart Tokayev received Chairman of the Board of Samruk-Kazyna JSC Nurlan Zhakupov.')).toEqual(['Kassym-Jomart Tokayev + Nurlan Zhakupov']);
  });
  it('a counterpart named only by a title is one named party, as in Russian', () => {
    const r = en('President of Kazakhstan Kassym-Jomart Tokayev met with the President of France in Paris.');
    expect(r.meetings.map((m) => [m.participants, m.place])).toEqual([[['person:tokaev-kassym-zhomart'], 'loc:paris']]);
  });
  it('the dot of «Dr.» does not end the counterpart\'s words', () => {
    const r = en('Maulen Ashimbayev met with Adviser to the President of Palestine on Religious Affairs Dr. Mahmoud Sidki Al-Habbash.');
    expect(r.meetings.map((m) => m.participants)).toEqual([['person:ashimbaev-maulen', 'person:al-habbash-mahmoud-sidki']]);
  });
  it('negatives: no counterpart, or a thing received', () => {
    expect(pairs('Kassym-Jomart Tokayev met the deadline set by the government.')).toEqual([]);
    expect(pairs('Kassym-Jomart Tokayev received an award from the United Nations.')).toEqual([]);
    expect(pairs('The committee will meet next week.')).toEqual([]);
  });
});

describe('English: names', () => {
  it('a city at the end of a title-like dictionary name is not a surname («Patriarch Kirill of Moscow»)', () => {
    expect(en('Vladimir Putin invited him to visit Moscow next year.').entities.map((e) => e.id)).toEqual(['person:putin-vladimir', 'loc:moscow']);
  });
  it('people after honorifics, with the gender Mr. and Mrs. tell', () => {
    const r = en('Mrs. Jane Goodall met with Mr. John Smith in London.');
    expect(r.entities.filter((e) => e.type === 'person').map((e) => [e.name, e.gender])).toEqual([['Jane Goodall', 'f'], ['John Smith', 'm']]);
  });
  it('a title followed by a place is not extended over it («Secretary-General in New York»)', () => {
    const r = en('Murat Nurtleu met with UN Secretary-General António Guterres in New York.');
    expect(r.entities.find((e) => e.id === 'person:guterres-antonio')!.roles!.map((x) => x.title)).toEqual(['UN Secretary-General']);
    expect(r.meetings[0].place).toBe('loc:new-york');
  });
});

describe('English: roles and publisher', () => {
  it('a portfolio between the state and the title belongs to the title («Chinese Commerce Minister»)', () => {
    const r = en('Serik Zhumangarin met with Chinese Commerce Minister Wang Wentao in Beijing.');
    expect(r.entities.filter((e) => e.type === 'person').flatMap((e) => e.roles!.map((x) => [x.title, x.state]))).toEqual([['Chinese Commerce Minister', 'state:CN']]);
  });
  it('a title reaches over an adjective and the body it qualifies; a head word in the title finds the body of the holder\'s dictionary role', () => {
    const r = en('Senate Chairman Maulen Ashimbayev met with Speaker of the Turkish Grand National Assembly Numan Kurtulmuş.');
    const roles = (id: string) => r.entities.find((e) => e.id === id)!.roles!.map((x) => [x.title, x.organization, x.state]);
    expect(roles('person:ashimbaev-maulen')).toEqual([['Senate Chairman', 'org:senate-kz', 'state:KZ']]);
    expect(roles('person:kurtulmus-numan')).toEqual([['Speaker of the Turkish Grand National Assembly', 'org:grand-national-assembly', 'state:TR']]);
  });
  it('«Macron hosts Scholz»: a verb between two names is not a title', () => {
    const r = en('Macron hosts Scholz at Elysee Palace. French President Emmanuel Macron hosted German Chancellor Olaf Scholz.');
    expect(r.entities.find((e) => e.id === 'person:scholz-olaf')!.roles!.map((x) => x.title)).toEqual(['German Chancellor']);
  });
  it('the publisher: the agency of a wire dateline, or the body that «reports»', () => {
    expect(en('Headline here\n\nASTANA, Nov 26 (Reuters) - Kassym-Jomart Tokayev met with Wang Yi.').document.publisher).toBe('Reuters');
    expect(en('Headline here\n\nASTANA. KAZINFORM – Kassym-Jomart Tokayev met with Wang Yi.').document.publisher).toBe('KAZINFORM');
    expect(en('Kassym-Jomart Tokayev met with Wang Yi, Akorda press service reports.').document.publisher).toBe('Akorda press service');
  });
});

describe('English: quotes', () => {
  it('“…,” X said / said X / he stressed / X said: “…”', () => {
    const q = (text: string) => en(text).quotes.map((x) => [x.speaker, x.text]);
    expect(q('“We support the initiative of our partners,” Kassym-Jomart Tokayev said.')).toEqual([['person:tokaev-kassym-zhomart', 'We support the initiative of our partners']]);
    expect(q('“We support the initiative of our partners,” said Kassym-Jomart Tokayev.')).toEqual([['person:tokaev-kassym-zhomart', 'We support the initiative of our partners']]);
    expect(q('Kassym-Jomart Tokayev met Emmanuel Macron. “Our countries are old friends,” he stressed.')).toEqual([['person:tokaev-kassym-zhomart', 'Our countries are old friends']]);
    expect(q('Kassym-Jomart Tokayev said: “Our countries are old friends.”')).toEqual([['person:tokaev-kassym-zhomart', 'Our countries are old friends.']]);
  });
});
