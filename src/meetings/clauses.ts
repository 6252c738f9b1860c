// Small syntactic helpers the meeting rules share: grammatical case of a mention, verbs,
// and the groups of parties a preposition or a subject position holds.
import { mapped, type Doc, type Mention, type Parse, type Token } from '../doc.js';
import type { Context } from '../context.js';

const NO_PARSES: Parse[] = [];

/** The lemmas of a word's parses; none for other tokens (made by mapped() too, so that callers meet one kind of array). */
export function lemmas(ctx: Context, t: Token): string[] {
  return mapped(t.kind === 'word' ? ctx.morph.parseToken(t) : NO_PARSES, (p) => p.lemma);
}

export function isVerb(ctx: Context, t: Token): boolean {
  const p = t.kind === 'word' ? ctx.morph.parseToken(t)[0] : undefined;
  return !!p && (p.pos === 'VERB' || p.pos === 'GRND' || (p.pos === 'PRTS' && p.score >= 0.5));
}

/** Possible cases of a mention, read from its head word; indeclinable names fit every case. */
export function mentionCases(doc: Doc, ctx: Context, m: Mention): Set<string> {
  // a foreign name's case is a guess («Ямада» reads as a genitive of «Ямад»): its head's readings count too
  const guessed = m.type === 'person';
  if (m.case && !guessed) return new Set([m.case]);
  // the head: the first noun of the mention («Большой восьмёрки» → «восьмёрки»)
  let h = m.first;
  while (h < m.last && !ctx.morph.parseToken(doc.tokens[h]).some((p) => p.pos === 'NOUN')) h++;
  const t = doc.tokens[h];
  if (t.kind !== 'word' || t.upper) return new Set(['*']);
  const ps = ctx.morph.parseToken(t).filter((p) => p.pos === 'NOUN' || p.pos === 'ADJF');
  if (!ps.length || ps.every((p) => p.tags.includes('Fixd'))) return new Set(['*']);
  const cases = new Set(ps.map((p) => p.case ?? '*'));
  if (m.case) cases.add(m.case);
  return cases;
}

export function hasCase(cases: Set<string>, ...wanted: string[]): boolean {
  return cases.has('*') || wanted.some((w) => cases.has(w));
}

/** How far past a common-noun head («с матерью девушки …») a name is looked for. */
const SEEK_TOKENS = 12;

export interface Party { mention: Mention; index: number; /** A body named through its people («представители прокуратуры»). */ delegated?: boolean }

/**
 * Parties listed from token i on: mentions joined by «,», «и», appositions and titles, up to
 * a clause break. Titles and states inside a person's title belong to that person, so only
 * the persons (and parties outside any title) count.
 */
export function partyList(doc: Doc, from: number, to: number, mentionAt: Map<number, number>, titleEnd: Map<number, number>, ctx: Context, wantCase: string[], scan = false): Party[] {
  const out: Party[] = [];
  const { tokens } = doc;
  let i = from;
  let inTitleUntil = -1;
  let seekUntil = -1;
  let strictSeek = false;
  while (i <= to) {
    const t = tokens[i];
    const te = titleEnd.get(i);
    if (te !== undefined) inTitleUntil = Math.max(inTitleUntil, te);
    const mi = mentionAt.get(i);
    if (mi !== undefined) {
      const m = doc.mentions[mi];
      const inside = i <= inTitleUntil && m.kind !== 'title';
      // «представители прокуратуры», «с делегацией Китая»: the body in the genitive is the party
      const delegated = m.type !== 'person' && i > 0 && lemmas(ctx, doc.tokens[i - 1]).some((l) => ctx.knowledge.cues.delegationWords.has(l)) &&
        hasCase(mentionCases(doc, ctx, m), 'gent') && ctx.morph.parseToken(doc.tokens[i - 1]).some((p) => wantCase.includes(p.case ?? ''));
      // past a common-noun head only a name in the very case counts («с адвокатами Стросс-Кана» is not a meeting with him)
      const seeking = i <= seekUntil && !out.length;
      const cases = mentionCases(doc, ctx, m);
      // after a common noun, not a name that may be its genitive dependent («с адвокатами Стросс-Кана»)
      const caseFits = seeking && strictSeek ? hasCase(cases, ...wantCase) && !cases.has('gent') && !cases.has('*') : hasCase(cases, ...wantCase);
      if (m.kind !== 'adjective' && m.kind !== 'hashtag' && (!inside || m.type === 'person') && (delegated || caseFits)) {
        out.push({ mention: m, index: mi, delegated });
      }
      i = m.last + 1;
      continue;
    }
    // «с матерью девушки Яффой Иссахар», «с автором закона о … Виталием Милоновым»: a person named by a
    // common noun first; the name in the same case follows its dependents
    if (!scan && !out.length && i === from && t.kind === 'word' && ctx.morph.parseToken(t).some((p) => p.pos === 'NOUN' && p.tags.includes('anim') && wantCase.includes(p.case ?? ''))) {
      // a title's own tail is read by the title; the search goes on past it («с автором закона о … Виталием Милоновым»)
      seekUntil = Math.min(to, (te ?? i) + SEEK_TOKENS);
      strictSeek = te === undefined;
    }
    // a list ends at a clause break; a scan (the subject of a clause) only skips what is not a party
    if (!scan) {
      if (t.kind === 'punct' && t.text !== ',' && t.text !== '«' && t.text !== '»' && t.text !== '"') break;
      // a word right after a preposition is its noun, whatever else az reads it as («о запрете» is not «запереть»)
      const afterPrep = i > 0 && ctx.morph.parseToken(doc.tokens[i - 1])[0]?.pos === 'PREP';
      if (t.kind === 'word' && isVerb(ctx, t) && !afterPrep) break;
      const breaker = /^(а|но|где|который|которая|которые|что|чтобы)$/.test(t.norm) || ctx.morph.parseToken(t)[0]?.pos === 'PREP';
      if (t.kind === 'word' && breaker && i > inTitleUntil && i > seekUntil) break;
      if (t.text === ',' && i <= seekUntil && !out.length) seekUntil = -1;
    }
    i++;
  }
  return out;
}
