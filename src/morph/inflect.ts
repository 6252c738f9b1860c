// Putting noun phrases into the nominative: the words that agree with the head change, the
// genitive tail stays («Верховным судьей Палестины» → «Верховный судья Палестины»).
import { itemAt, type Parse, type Token } from '../doc.js';
import type { Analyzer } from './analyzer.js';

const AGREEING = new Set(['NOUN', 'ADJF', 'PRTF', 'NUMR']);
/** An ordinal written with digits and a case suffix: «VI-го», «2-й». */
const ORDINAL = /^([IVXLC]+|\d+)-[а-я]{1,3}$/;

function sameCaseParse(parses: Parse[], c: string | null): Parse | undefined {
  return parses.find((p) => AGREEING.has(p.pos) && p.case === c);
}

/**
 * The phrase tokens[from..to] with words up to and including the head put into the
 * nominative. Original capitalization is kept word by word; spacing comes from the text.
 */
export function nominativePhrase(text: string, tokens: readonly Token[], from: number, to: number, head: number, morph: Analyzer, genderOverride?: 'masc' | 'femn'): string {
  // the head's reading that its adjectives agree with («многочисленные угрозы»: plural, not a genitive singular)
  const nounParses = morph.parseToken(tokens[head]).filter((p) => p.pos === 'NOUN');
  const agreeing = nounParses.filter((n) => tokens.slice(from, head).every((t) => t.kind !== 'word' || morph.parseToken(t).some((p) => p.pos !== 'ADJF' && p.pos !== 'PRTF' ? true : p.case === n.case && p.number === n.number)));
  const headParses = agreeing.length ? agreeing : nounParses;
  const headParse = itemAt(headParses, 0);
  const c = headParse?.case ?? null;
  const number = headParse?.number ?? 'sing';
  // common-gender heads («судья») agree with the person they name, when the caller knows it
  const gender = genderOverride && headParse?.tags.includes('Ms-f') ? genderOverride : headParse?.gender ?? null;
  let out = '';
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    let w = t.text;
    const ordinal = ORDINAL.exec(w);
    if (ordinal) w = ordinal[1]; // «VI-го саммита» → «VI саммит»: the case suffix of a numeral goes with the case
    else if (i <= head && c && c !== 'nomn' && t.kind === 'word') {
      const p = sameCaseParse(morph.parseToken(t), c);
      if (p) {
        const gram = [number === 'plur' ? 'plur' : 'sing', 'nomn'];
        if (p.pos !== 'NOUN' && gender && number !== 'plur') gram.push(gender);
        const form = morph.inflect(t, (q) => q.case === c && q.pos === p.pos, gram);
        if (form) w = matchCase(t.text, form);
      }
    }
    if (i > from) out += text.slice(tokens[i - 1].end, t.start).replace(/\s+/g, ' ');
    out += w;
  }
  return out;
}

/** Copies the letter case of the original word onto a new form, letter by letter
 * («Аль-Хаббашем» + «аль-хаббаш» → «Аль-Хаббаш»; «МИДа» stays capitalized). */
export function matchCase(original: string, form: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return form.toUpperCase();
  let out = '';
  for (let i = 0; i < form.length; i++) {
    const o = original[i];
    out += o !== undefined && o !== o.toLowerCase() ? form[i].toUpperCase() : form[i];
  }
  return out;
}
