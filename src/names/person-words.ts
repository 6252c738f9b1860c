// What a single word can be in a person's name, and how to put it into the nominative.
import type { Case, Parse, Token } from '../doc.js';
import type { Analyzer } from '../morph/analyzer.js';
import { matchCase } from '../morph/inflect.js';
import { CAP_WORD, PATRONYMIC, SURNAME_SUFFIX } from './patterns.js';

export interface NameWord {
  first: boolean;
  /** The morphology dictionary knows it as a given name. */
  knownName: boolean;
  patronymic: boolean;
  surname: boolean;
  /** Capitalized and unknown to the morphology dictionary: a foreign or rare name. */
  unknown: boolean;
  /** A known ordinary word (noun, verb, adjective…) that is not a name. */
  common: boolean;
  geo: boolean;
  gender: 'm' | 'f' | null;
}

const NAME_TAGS = ['Name', 'Surn', 'Patr'];
const hasNameTag = (p: Parse) => p.tags.some((t) => NAME_TAGS.includes(t));

export function classifyWord(t: Token, parses: Parse[]): NameWord {
  const cap = t.kind === 'word' && CAP_WORD.test(t.text);
  const known = parses.filter((p) => p.known);
  const nameParse = known.find((p) => p.tags.includes('Name')) ?? (known.length ? undefined : parses.find((p) => p.tags.includes('Name') && p.score >= 0.15));
  const surnKnown = known.some((p) => p.tags.includes('Surn'));
  const topKnown = known[0];
  const common = !!topKnown && !hasNameTag(topKnown) && !topKnown.tags.includes('Geox') && topKnown.score >= 0.3;
  const patronymic = cap && (PATRONYMIC.test(t.text) || known.some((p) => p.tags.includes('Patr')));
  return {
    first: cap && !!nameParse && !patronymic,
    knownName: cap && known.some((p) => p.tags.includes('Name')),
    patronymic,
    // az reads some surnames as plural genitives of rare nouns («Токаев» → «токай»)
    // …but a known given name with a surname-like ending stays a given name («Екатерина»)
    surname: cap && !patronymic && (surnKnown || (SURNAME_SUFFIX.test(t.norm) && !known.some((p) => p.tags.includes('Name')) && (!common || (topKnown.number === 'plur' && topKnown.case === 'gent')))),
    // Latin-script words in Russian news name companies and media far more often than people
    unknown: cap && !known.length && !/^\p{Script=Latin}/u.test(t.text),
    common,
    geo: known.some((p) => p.tags.includes('Geox')),
    gender: nameParse ? (nameParse.gender === 'femn' ? 'f' : nameParse.gender === 'masc' ? 'm' : null) : null,
  };
}

// Cases by ending, as Maps: an object read with a different key each time made V8 recompile nameCase
const POSSESSIVE_CASES = new Map<string, Case>([['', 'nomn'], ['а', 'gent'], ['у', 'datv'], ['ым', 'ablt'], ['ом', 'ablt'], ['е', 'loct']]);
const ADJECTIVAL_CASES = new Map<string, Case>([['ого', 'gent'], ['ому', 'datv'], ['ым', 'ablt']]);
const SKIY_CASES = new Map<string, Case>([['ий', 'nomn'], ['ого', 'gent'], ['ому', 'datv'], ['им', 'ablt'], ['ом', 'loct'], ['ая', 'nomn'], ['ой', 'gent'], ['ую', 'accs']]);

// (Module constants: a regular expression literal is a new object each time it is evaluated, and these are
// asked of every word of every name.)
const POSSESSIVE_SURNAME = /^(.+(?:ов|ев|ёв|ин|ын))(|а|у|ым|ом|е)$/;
const POSSESSIVE_SURNAME_FEMININE = /^(.+(?:ов|ев|ёв|ин|ын))(ой|у)$/;
const ADJECTIVAL_SURNAME = /^(.+[^аеёиоуыэюя])(ого|ому|ым)$/;
const SK_STEM = /(ск|цк)$/;
const VELAR_OR_HUSHING_END = /[кгхжшщч]$/;
const SKIY_SURNAME = /^(.+(?:ск|цк))(ий|ого|ому|им|ом|ая|ой|ую)$/;

/** Case and gender of a Russian-style surname read from its ending (az misparses some, e.g. «Токаев»). */
export function surnameCase(norm: string): { case: Case; gender: 'm' | 'f' | null; base: string } | null {
  let m = POSSESSIVE_SURNAME.exec(norm);
  if (m) return { case: POSSESSIVE_CASES.get(m[2])!, gender: m[2] === 'а' ? null : 'm', base: m[1] };
  m = POSSESSIVE_SURNAME_FEMININE.exec(norm);
  if (m) return { case: m[2] === 'ой' ? 'gent' : 'accs', gender: 'f', base: m[1] + 'а' };
  // adjectival surnames: «Навального» → «Навальный», «Горького» → «Горький»
  // (-ом is left out: «Кэмероном» is a noun's instrumental)
  m = ADJECTIVAL_SURNAME.exec(norm);
  if (m && !SK_STEM.test(m[1]) && m[1].length >= 4) {
    return { case: ADJECTIVAL_CASES.get(m[2])!, gender: 'm', base: m[1] + (VELAR_OR_HUSHING_END.test(m[1]) ? 'ий' : 'ый') };
  }
  m = SKIY_SURNAME.exec(norm);
  if (m) {
    const fem = m[2] === 'ая' || m[2] === 'ую' || m[2] === 'ой';
    return { case: SKIY_CASES.get(m[2])!, gender: fem ? 'f' : 'm', base: m[1] + (fem ? 'ая' : 'ий') };
  }
  return null;
}

/** The case shared by most words of a name: readings the dictionary knows as names weigh
 * double, guessed readings of unknown words once; plural readings are ignored. */
export function nameCase(words: Token[], morph: Analyzer): Case {
  const votes = new Map<Case, number>();
  const vote = (cases: Set<Case>, weight: number) => { for (const c of cases) votes.set(c, (votes.get(c) ?? 0) + weight / cases.size); };
  for (const w of words) {
    if (w.kind === 'initial') continue;
    const ps = morph.parseToken(w).filter((p) => p.case && p.number !== 'plur');
    const named = new Set(ps.filter((p) => p.known && hasNameTag(p)).map((p) => p.case));
    const sc = surnameCase(w.norm);
    if (sc && sc.case !== 'gent') named.add(sc.case);
    if (named.size) { vote(named, 2); continue; }
    const guessed = new Set(ps.filter((p) => !p.known).map((p) => p.case));
    if (sc) guessed.add(sc.case);
    if (guessed.size) vote(guessed, 1);
  }
  let best: Case = 'nomn';
  let n = -1;
  for (const [c, v] of votes) if (v > n + 1e-9 || (Math.abs(v - n) < 1e-9 && c === 'nomn')) { best = c; n = v; }
  return best;
}

/** Case endings of names the dictionary does not know, with what the nominative has instead:
 * a consonant stem loses them («Макрона» → «Макрон»), an -а stem gets its -а back («Ямаду» → «Ямада»). */
const SIMPLE_ENDINGS: Record<string, Array<[string, string]>> = {
  gent: [['ы', 'а'], ['а', ''], ['я', '']],
  accs: [['у', 'а'], ['ю', 'я'], ['а', ''], ['я', '']],
  datv: [['у', ''], ['ю', '']],
  ablt: [['ом', ''], ['ем', ''], ['ой', 'а'], ['ей', 'я']],
  loct: [['е', '']],
};

/** One word of a name in the nominative. Unknown foreign words keep their form unless a plain masculine ending shows. */
export function nominativeWord(w: Token, role: 'first' | 'middle' | 'last', c: Case, gender: 'm' | 'f' | null, morph: Analyzer): string {
  if (w.kind === 'initial' || c === 'nomn' || !c) return w.text;
  const g = gender === 'f' ? 'femn' : 'masc';
  const tag = role === 'first' ? 'Name' : role === 'middle' ? 'Patr' : 'Surn';
  const parses = morph.parseToken(w);
  const filters = [
    (p: Parse) => p.case === c && p.tags.includes(tag) && p.known,
    (p: Parse) => p.case === c && hasNameTag(p),
  ];
  if (role === 'last') {
    const sc = surnameCase(w.norm);
    if (sc && sc.case === c) return matchCase(w.text, sc.base);
  }
  for (const f of filters) {
    const form = morph.inflect(w, f, gender ? ['nomn', 'sing', g] : ['nomn', 'sing']);
    if (form) return matchCase(w.text, form.replace(/ё/g, w.text.includes('ё') ? 'ё' : 'е'));
  }
  if (!parses.some((p) => p.known) && gender !== 'f') {
    for (const [e, nom] of SIMPLE_ENDINGS[c] ?? []) {
      const stem = w.norm.slice(0, -e.length);
      if (w.norm.endsWith(e) && stem.length >= 3 && !/[аеиоуыэюя]$/.test(stem)) return w.text.slice(0, -e.length) + nom;
    }
  }
  return w.text;
}
