import { mapped, mention, type Doc, type Mention, type TitleSpan, type Token } from '../doc.js';
import type { Context } from '../context.js';
import { textKeys } from './endings.js';
import { matchAll, matchesAt, type PhraseMatch } from './match.js';
import { foldCase } from '../segment/tokenize.js';
import { scratchBytes } from '../scratch.js';

const HYPHEN_PART = /[^-\u2010\u2011]+/g;
/** (Kept here: a regular expression literal is a new object each time it is evaluated, and this one is asked of
 * every lowercase word.) */
const HYPHEN = /[-\u2010\u2011]/;
/** A word with a Russian surname ending: «Токарев», «Королёва», «Путину». */
const SURNAME_FORM = /(ов|ев|ёв|ин|ын)(а|у|ым|ом|е|ой)?$/;

/** A pseudo token for part of a token (hashtag body, part of a hyphenated adjective). */
function subToken(t: Token, text: string, offset: number): Token {
  const first = text[0] ?? '';
  // not the whole token's form: its keys and parses are another word's
  return { ...t, start: t.start + offset, end: t.start + offset + text.length, text, kind: 'word', norm: foldCase(text), cap: first !== first.toLowerCase(), upper: false, spaceBefore: true, form: undefined };
}

/** «российско-китайский»: the parts of a hyphenated word that are state adjectives, as offsets into the word and
 * entries. They follow from the word alone, so its form keeps them (matching each part anew was ~12 µs a word). */
function adjectiveParts(t: Token, ctx: Context): AdjectivePart[] {
  const f = t.form;
  if (f !== undefined && f.adjectiveParts !== null) return f.adjectiveParts as AdjectivePart[];
  const parts: AdjectivePart[] = [];
  for (const part of t.text.matchAll(HYPHEN_PART)) {
    const sub = subToken(t, part[0], part.index!);
    const m = matchesAt(ctx.knowledge.entities, [sub], [textKeys(sub.norm)], 0).find((x) => x.phrase.kind === 'adjective');
    if (m) parts.push({ from: part.index!, to: part.index! + part[0].length, value: m.phrase.value });
  }
  if (f !== undefined) f.adjectiveParts = parts;
  return parts;
}
interface AdjectivePart { from: number; to: number; value: number }

/** Stage: dictionary names (entities) and position titles found in the tokens. */
export function matchGazetteer(doc: Doc, ctx: Context): Doc {
  const k = ctx.knowledge;
  const mentions: Mention[] = [];
  const covered = scratchBytes(doc.tokens.length);
  for (const match of matchAll(k.entities, doc.tokens, doc.keys)) {
    const m = asPlace(doc, ctx, match) ?? match;
    const e = k.entries[m.phrase.value];
    if (covered[m.first]) continue; // equally long alternatives of equal priority: the first entry wins
    if (e.type === 'person' && !fitsBareSurname(doc, m.first, m.last, e.gender, m.phrase.words.length)) continue;
    for (let i = m.first; i <= m.last; i++) covered[i] = 1;
    // «Конгресс США», «МИД России»: the body without its state, and the state as a mention of its own
    const head = doc.tokens[m.first];
    // only a generic body is split («Конгресс США»), not a proper name that ends in a state («Голос Америки»)
    const generic = e.type === 'organization' && (head.upper || ctx.morph.parseToken(head).some((p) => k.organizationHeads.has(p.lemma)));
    const state = generic ? trailingState(doc, ctx, m.first, m.last) : null;
    if (state) {
      mentions.push(mention({ first: m.first, last: state.first - 1, type: e.type, kind: m.phrase.kind, ref: e.id, reason: `dictionary:${e.id}` }));
      mentions.push(mention({ first: state.first, last: m.last, type: 'state', kind: state.kind, ref: state.ref, reason: 'dictionary:state-of-org' }));
      continue;
    }
    mentions.push(mention({ first: m.first, last: m.last, type: e.type, kind: m.phrase.kind, ref: e.id, reason: `dictionary:${e.id}` }));
  }
  doc.tokens.forEach((t, i) => {
    if (covered[i]) return;
    if (t.kind === 'hashtag') {
      const body = subToken(t, t.text.slice(1), 1);
      const m = matchesAt(k.entities, [body], [textKeys(body.norm)], 0)[0];
      if (m) mentions.push(mention({ first: i, last: i, type: k.entries[m.phrase.value].type, kind: 'hashtag', ref: k.entries[m.phrase.value].id, reason: 'dictionary:hashtag' }));
    } else if (t.kind === 'word' && !t.cap && HYPHEN.test(t.text)) {
      for (const part of adjectiveParts(t, ctx)) {
        const e = k.entries[part.value];
        mentions.push(mention({ first: i, last: i, start: t.start + part.from, end: t.start + part.to, type: e.type, kind: 'adjective', ref: e.id, reason: 'dictionary:adjective-part' }));
      }
    }
  });
  // «Токарев», «Королёв»: a capitalized surname is not the genitive plural of «токарь», «король»
  const surnameLike = (i: number) => doc.tokens[i].cap && SURNAME_FORM.test(doc.tokens[i].norm) && i > doc.sentences[doc.tokens[i].sentence].firstToken;
  const titles: TitleSpan[] = mapped(matchAll(k.titles, doc.tokens, doc.keys).filter((m) => !surnameLike(m.first)), (m) => ({
    first: m.first, last: m.last, position: k.positions[m.phrase.value].id, rank: k.positions[m.phrase.value].rank,
  }));
  mentions.sort((a, b) => a.first - b.first || (a.start ?? 0) - (b.start ?? 0));
  return { ...doc, mentions, titles: dedupeTitles(titles) };
}

/** «в Кремле», «в Акорде», «в Белом доме»: after «в/на» in the locative, a name that is both a body
 * and a venue means the venue; elsewhere («пресс-служба Кремля») the body. */
function asPlace(doc: Doc, ctx: Context, m: PhraseMatch<number>): PhraseMatch<number> | null {
  const k = ctx.knowledge;
  if (k.entries[m.phrase.value].type !== 'organization') return null;
  const prev = doc.tokens[m.first - 1];
  if (!prev || !k.cues.placePrepositions.has(prev.norm)) return null;
  if (!ctx.morph.parseToken(doc.tokens[m.first]).some((p) => p.case === 'loct')) return null;
  return matchesAt(k.entities, doc.tokens, doc.keys, m.first).find((x) => x.last === m.last && k.entries[x.phrase.value].type === 'location') ?? null;
}

/** The state that ends an organization's name, when one does. */
function trailingState(doc: Doc, ctx: Context, first: number, last: number): { first: number; ref: string; kind: Mention['kind'] } | null {
  for (let i = first + 1; i <= last; i++) {
    const hit = matchesAt(ctx.knowledge.entities, doc.tokens, doc.keys, i).find((x) => x.last === last && ctx.knowledge.entries[x.phrase.value].type === 'state' && x.phrase.kind !== 'adjective');
    if (hit) return { first: i, ref: ctx.knowledge.entries[hit.phrase.value].id, kind: hit.phrase.kind };
  }
  return null;
}

/** A dictionary person's bare surname stands for them only when no other given name stands
 * before it («Ярославы Ивановой» is not Сергей Иванов) and its ending fits their gender. */
function fitsBareSurname(doc: Doc, first: number, last: number, gender: 'm' | 'f', words: number): boolean {
  if (words !== 1 || first !== last) return true;
  const prev = doc.tokens[first - 1];
  if (prev && prev.sentence === doc.tokens[first].sentence && (prev.kind === 'initial' || (prev.cap && prev.kind === 'word' && first - 1 > doc.sentences[prev.sentence].firstToken))) return false;
  const next = doc.tokens[first + 1];
  if (next && next.kind === 'initial') return false;
  // «Мустафа Джемилев»: a capitalized word after it makes it a given name, not this surname
  if (next && next.sentence === doc.tokens[first].sentence && next.kind === 'word' && next.cap && next.spaceBefore) return false;
  const norm = doc.tokens[first].norm;
  return gender === 'f' ? !/(ым|ом|ого|ому)$/.test(norm) : !/(ой|ую|ая)$/.test(norm);
}

function dedupeTitles(ts: TitleSpan[]): TitleSpan[] {
  const out: TitleSpan[] = [];
  for (const t of ts) if (!out.some((o) => o.first === t.first)) out.push(t);
  return out;
}
