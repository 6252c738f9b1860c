import { describe, expect, it } from 'vitest';
import { entityNamed, run } from './helpers.js';

describe('roles', () => {
  it('reads a title before a name, with organization and state', () => {
    const r = run('Председатель Сената Парламента Маулен Ашимбаев провёл заседание.');
    expect(entityNamed(r, 'Маулен Ашимбаев')?.roles?.[0]).toMatchObject({
      title: 'Председатель Сената Парламента', organization: 'org:senate-kz',
      evidence: { text: 'Председатель Сената Парламента Маулен Ашимбаев' },
    });
  });
  it('reads a list of appositions in the same case, through an honorific', () => {
    const r = run('Он встретился с Верховным судьей Палестины, советником Президента Палестины по религиозным вопросам доктором Махмудом Сидки Аль-Хаббашем.');
    const p = entityNamed(r, 'Махмуд Сидки Аль-Хаббаш')!;
    expect(p.roles?.map((x) => [x.title, x.state])).toEqual([
      ['советник Президента Палестины по религиозным вопросам', 'state:PS'],
      ['Верховный судья Палестины', 'state:PS'],
    ]);
    expect(p.country).toBe('PS');
  });
  it('reads a title after a name', () => {
    const r = run('Иван Петренко, министр иностранных дел Молдавии, прибыл в Киев.');
    expect(entityNamed(r, 'Иван Петренко')?.roles?.[0].title).toBe('министр иностранных дел Молдавии');
  });
  it('resolves a lone title to the person who holds it in the text', () => {
    const r = run('Председатель Сената Маулен Ашимбаев открыл заседание. Спикер Сената отметил важность закона.');
    const p = entityNamed(r, 'Маулен Ашимбаев')!;
    expect(p.mentions.filter((m) => m.kind === 'title').map((m) => m.text)).toEqual(['Спикер Сената']);
  });
  it('leaves a lone title alone when nobody in the text holds it', () => {
    const r = run('Министр обороны заявил о начале учений.');
    expect(r.entities.filter((e) => e.type === 'person')).toEqual([]);
  });
});
