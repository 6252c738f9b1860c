// Discovery of people no dictionary holds: sequences of name words, normalized to the nominative.
import { mapped, mention, type Case, type Doc, type Mention, type TitleSpan, type Token } from '../doc.js';
import type { Context } from '../context.js';
import { classifyWord, nameCase, nominativeWord, surnameCase, type NameWord } from './person-words.js';
import { NAME_PARTICLE, ROMAN_NUMERAL } from './patterns.js';
import { scratchBytes } from '../scratch.js';

interface Candidate { first: number; last: number; parts: { first: number[]; middle: number[]; last: number[] } }

function isWordAt(tokens: readonly Token[], i: number, sentence: number): boolean {
  return i < tokens.length && tokens[i].sentence === sentence && (tokens[i].kind === 'word' || tokens[i].kind === 'initial');
}

/** The name-word class of token j (classOf keeps it on the word form), or null for a token no name has. */
function nameWord(tokens: readonly Token[], ctx: Context, j: number): NameWord | null {
  const t = tokens[j];
  return t.kind === 'word' && t.cap && !t.upper ? classOf(t, ctx) : null;
}

/** Whether token j heads an institution or a place («Сенат», «Министерство»). */
function isInstitution(tokens: readonly Token[], ctx: Context, j: number): boolean {
  const heads = ctx.knowledge.organizationHeads;
  return ctx.morph.parseToken(tokens[j]).some((p) => p.known && (heads.has(p.lemma) || ctx.knowledge.cues.placeHeads.has(p.lemma)));
}

/** The longest name starting at token i, or null. (The classes and the institution test are module functions, not a
 * document's closures: a call site that met a new closure with each document made V8 recompile nameAt.) */
function nameAt(tokens: readonly Token[], i: number, ctx: Context, blocked: Uint8Array, titleWord: Uint8Array, besideTitle: (first: number, last: number) => boolean): Candidate | null {
  const cls = (j: number) => nameWord(tokens, ctx, j);
  const t = tokens[i];
  const s = t.sentence;
  const c = cls(i);
  const ok = (j: number) => isWordAt(tokens, j, s) && !blocked[j] && tokens[j].spaceBefore;
  // «В. В. Путин»
  if (t.kind === 'initial') {
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].kind === 'initial' && tokens[j + 1].sentence === s && j - i < 2) j++;
    const n = j + 1;
    if (!ok(n)) return null;
    const cn = cls(n);
    if (!cn || cn.common && !cn.surname) return null;
    if (!(cn.surname || cn.unknown || cn.first)) return null;
    const initials = Array.from({ length: j - i + 1 }, (_, k) => i + k);
    return { first: i, last: n, parts: { first: initials.slice(0, 1), middle: initials.slice(1), last: [n] } };
  }
  if (!c) return null;
  // «Путин В. В.»
  if ((c.surname || c.unknown) && !c.common && i + 1 < tokens.length && tokens[i + 1].kind === 'initial' && tokens[i + 1].sentence === s) {
    let j = i + 1;
    while (j + 1 < tokens.length && tokens[j + 1].kind === 'initial' && tokens[j + 1].sentence === s && j - i < 2) j++;
    const initials = Array.from({ length: j - i }, (_, k) => i + 1 + k);
    return { first: i, last: j, parts: { first: initials.slice(0, 1), middle: initials.slice(1), last: [i] } };
  }
  // «Сергей Лавров», «Касым-Жомарт Кемелевич Токаев», «Махмуд Сидки Аль-Хаббаш», «Маулен Ашимбаев»
  if (c.first || (c.unknown && !c.geo)) {
    const rest: number[] = [];
    let middle: number[] = [];
    let j = i + 1;
    if (ok(j) && cls(j)?.patronymic) { middle = [j]; j++; }
    // After a given name, any capitalized word that is not a title or a known name of
    // something else continues the name: «Махмуд Сидки Аль-Хаббаш» («Сидки» reads as a noun).
    while (ok(j) && rest.length < 3) {
      // «Жан-Мари Ле Пен», «Усамы бин Ладена», «Франк Де Блекере»: a particle joins the word after it
      if (NAME_PARTICLE.test(tokens[j].norm) && j + 1 < tokens.length && tokens[j + 1].sentence === s && tokens[j + 1].cap && !blocked[j + 1]) {
        rest.push(j, j + 1);
        j += 2;
        continue;
      }
      const cj = cls(j);
      if (!cj || cj.patronymic || titleWord[j]) break;
      // two surnames in different cases are two people: «с Александром Хлопониным Пшихачев рассказывал»
      const prevCase = surnameCase(tokens[j - 1].norm)?.case;
      const thisCase = surnameCase(tokens[j].norm)?.case;
      if (prevCase && thisCase && prevCase !== thisCase) break;
      // a given name after a surname starts the next person: «Бориса Березовского Екатерина Сабирова»,
      // «Рафаэль Корреа Эдвард Сноуден»
      if (rest.length && cj.first && !cj.surname && (cls(j - 1)?.surname)) break;
      // after an unknown given name, a capitalized ordinary noun may be a surname («Эштон Картер»), not an institution («Сенат»)
      if (!c.first && cj.common && !cj.surname && (rest.length || isInstitution(tokens, ctx, j))) break;
      // a capitalized ordinary noun right after a given name is a surname («Виктор Бут», «Алла Бут»),
      // unless it is a place or an institution; deeper in the name it needs a name word after it
      if (c.first && cj.common && !cj.surname && !cj.first && (rest.length && !NAME_PARTICLE.test(tokens[j - 1].norm) || cj.geo || isInstitution(tokens, ctx, j)) && !(ok(j + 1) && cls(j + 1) && !cls(j + 1)!.common)) break;
      rest.push(j);
      j++;
    }
    if (!rest.length && !middle.length) {
      // A lone first name only when the word is nothing else («Иванка», not «Вера»).
      // a word the dictionary knows as a given name stands alone as one («Иванки»); a guessed one is a surname («о Сноудене»)
      if (c.knownName && !c.common && !c.surname && tokens[i].spaceBefore) return { first: i, last: i, parts: { first: [i], middle: [], last: [] } };
      if ((c.surname || (c.first && tokens[i].spaceBefore)) && !c.common) return { first: i, last: i, parts: { first: [], middle: [], last: [i] } };
      return null;
    }
    if (!rest.length) return { first: i, last: middle[0], parts: { first: [i], middle, last: [] } };
    if (!c.first && !middle.length) {
      // Two unknown words need one of them to look like a name («Маулен Ашимбаев», not «Kazpravda Inc»),
      // or a title beside them: «с Эндой Кенни, премьер-министром Ирландии»
      const lastC = cls(rest[rest.length - 1])!;
      // …or both unknown to the dictionary, the way foreign names are («Карлос Батрес», «Романо Проди»)
      const bothUnknown = c.unknown && rest.length === 1 && cls(rest[0])!.unknown && [i, rest[0]].every((j) => /^[А-ЯЁ]/.test(tokens[j].text));
      if (!lastC.surname && !lastC.first && !lastC.common && !bothUnknown && !besideTitle(i, rest[rest.length - 1])) return null;
    }
    // A surname-first order «Путин Владимир Владимирович»
    const lastIdx = rest[rest.length - 1];
    return { first: i, last: lastIdx, parts: { first: [i], middle: [...middle, ...rest.slice(0, -1)], last: [lastIdx] } };
  }
  if (c.surname && !c.common) {
    // «Путин Владимир (Владимирович)»
    const j = i + 1;
    if (ok(j) && cls(j)?.first) {
      const k = j + 1;
      if (ok(k) && cls(k)?.patronymic) return { first: i, last: k, parts: { first: [j], middle: [k], last: [i] } };
    }
    // «Карлос Батрес»: a foreign given name the dictionary files as a surname, before an unknown word
    if (ok(j) && cls(j)?.unknown && !cls(j)!.geo && /^[А-ЯЁ]/.test(tokens[j].text) && !SURNAME_CASE_END.test(t.norm)) {
      return { first: i, last: j, parts: { first: [i], middle: [], last: [j] } };
    }
    return { first: i, last: i, parts: { first: [], middle: [], last: [i] } };
  }
  return null;
}

/** A Russian surname in an oblique case («Путину», «Ивановой»): not a given name before another word. */
const SURNAME_CASE_END = /(ов|ев|ин|ын)(а|у|ым|ом|е|ой)$|(ого|ому|ым|ой|ую)$/;

/** The case of a title right before the name («Посол Японии Кадзуки Ямада»: nominative), when the
 * name could be in it: an apposition agrees with its title, and foreign names are ambiguous alone. */
function titleCase(doc: Doc, ctx: Context, first: number, words: Token[], covered: Uint8Array, titleByLast: Map<number, TitleSpan>): Case | null {
  let k = first - 1;
  while (k >= 0 && covered[k]) k--;
  const title = titleByLast.get(k);
  if (!title) return null;
  const head = ctx.morph.parseToken(doc.tokens[title.first]).find((p) => p.pos === 'NOUN' || p.pos === 'ADJF');
  if (!head?.case) return null;
  // a word the dictionary does not know may be in any case («спортсменке Симоне Байлз»)
  const possible = words.every((w) => w.kind !== 'word' || !ctx.morph.parseToken(w).some((p) => p.known) || ctx.morph.parseToken(w).some((p) => p.case === head.case));
  return possible ? head.case : null;
}

/** Cases a preposition governs, for a name right after it («о Сноудене», «к Путину»); в/на are ambiguous. */
const PREPOSITION_CASE: Record<string, Case> = {
  о: 'loct', об: 'loct', обо: 'loct', при: 'loct', к: 'datv', ко: 'datv', у: 'gent', от: 'gent', до: 'gent', для: 'gent',
  без: 'gent', из: 'gent', около: 'gent', против: 'gent', после: 'gent', с: 'ablt', со: 'ablt', над: 'ablt', под: 'ablt', перед: 'ablt',
};

function prepositionCase(prev: Token | undefined, words: Token[], ctx: Context): Case | null {
  const c = prev && prev.kind === 'word' ? PREPOSITION_CASE[prev.norm] : undefined;
  if (!c) return null;
  // only when every word could be in that case (guessed forms included)
  return words.every((w) => w.kind !== 'word' || ctx.morph.parseToken(w).some((p) => p.case === c) || !ctx.morph.parseToken(w).length) ? c : null;
}

/** A word's class follows from its text and its parses: it is kept on the word form (classifying was a quarter
 * of this stage on text seen before). */
function classOf(t: Token, ctx: Context): Readonly<NameWord> {
  const f = t.form;
  if (f === undefined) return classifyWord(t, ctx.morph.parseToken(t));
  return (f.nameWord ??= classifyWord(t, ctx.morph.parseToken(t))) as Readonly<NameWord>;
}

/** Stage: person names from morphology tags and surname endings, outside dictionary matches. */
export function discoverPersons(doc: Doc, ctx: Context): Doc {
  const { tokens } = doc;
  // Places are soft: «Владимир Путин» is a person although «Владимир» is a city.
  const blocked = scratchBytes(tokens.length);
  for (const m of doc.mentions) if (m.type !== 'location') for (let i = m.first; i <= m.last; i++) blocked[i] = 1;
  const titleWord = scratchBytes(tokens.length);
  for (const t of doc.titles) for (let i = t.first; i <= t.last; i++) titleWord[i] = 1;
  const cls = (j: number) => nameWord(tokens, ctx, j);
  const titleEnds = new Set(doc.titles.map((t) => t.last));
  const titleStarts = new Set(doc.titles.map((t) => t.first));
  const besideTitle = (first: number, last: number) => {
    let k = first - 1;
    while (k >= 0 && blocked[k] && tokens[k].cap) k--; // «Посол Японии Кадзуки Ямада»: a title with its genitive
    return titleEnds.has(k) || (tokens[last + 1]?.text === ',' && titleStarts.has(last + 2));
  };
  // token masks built once: the titles' case hint and the soft place mentions are looked up per candidate
  const covered = scratchBytes(tokens.length);
  const place = scratchBytes(tokens.length);
  for (const m of doc.mentions) for (let q = m.first; q <= m.last; q++) { if (m.type !== 'person') covered[q] = 1; if (m.type === 'location') place[q] = 1; }
  const titleByLast = new Map(doc.titles.map((t) => [t.last, t]));
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (blocked[i] || (tokens[i].kind !== 'word' && tokens[i].kind !== 'initial')) continue;
    // no name starts here (most words, lowercase particles such as «аль», «фон» among them): nameAt would say so
    if (tokens[i].kind === 'word' && !cls(i)) continue;
    const cand = titleWord[i] ? null : nameAt(tokens, i, ctx, blocked, titleWord, besideTitle);
    if (!cand) continue;
    // a regnal number belongs to the name: «Бенедикт XVI», «Альберт II» (kept as its middle part)
    const after = tokens[cand.last + 1];
    const regnal = after && after.sentence === tokens[i].sentence && after.spaceBefore && ROMAN_NUMERAL.test(after.text) && !cand.parts.last.length ? after.text : null;
    if (regnal) cand.last++;
    let overlapsPlace = false;
    for (let q = cand.first; q <= cand.last; q++) if (place[q]) overlapsPlace = true;
    if (overlapsPlace && !(cand.parts.first.length && cand.parts.last.length && cls(cand.parts.first[0])?.first)) { i = cand.last; continue; }
    const words = (idx: number[]) => mapped(idx, (k) => tokens[k]);
    const all = [...words(cand.parts.first), ...words(cand.parts.middle), ...words(cand.parts.last)];
    const c = titleCase(doc, ctx, cand.first, all, covered, titleByLast) ?? prepositionCase(tokens[cand.first - 1], all, ctx) ?? nameCase(all, ctx.morph);
    const firstCls = cand.parts.first.length ? cls(cand.parts.first[0]) : null;
    const gender = firstCls?.gender ?? null;
    const nom = (idx: number[], role: 'first' | 'middle' | 'last') => idx.length ? mapped(idx, (k) => nominativeWord(tokens[k], role, c, gender, ctx.morph)).join(' ') : null;
    found.push(mention({
      first: cand.first, last: cand.last, type: 'person', kind: 'name', ref: '', case: c, reason: 'names:person',
      person: regnal
        ? { first: nom(cand.parts.first, 'first'), middle: regnal, last: null, gender }
        : { first: nom(cand.parts.first, 'first'), middle: nom(cand.parts.middle, 'middle'), last: nom(cand.parts.last, 'last'), gender },
    }));
    i = cand.last;
  }
  const person = scratchBytes(tokens.length);
  for (const f of found) for (let q = f.first; q <= f.last; q++) person[q] = 1;
  const kept = doc.mentions.filter((m) => {
    if (m.type !== 'location') return true;
    for (let q = m.first; q <= m.last; q++) if (person[q]) return false;
    return true;
  });
  const mentions = [...kept, ...found].sort((a, b) => a.first - b.first || (a.start ?? 0) - (b.start ?? 0));
  return { ...doc, mentions };
}
