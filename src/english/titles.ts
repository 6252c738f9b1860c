// The phrase a position title heads in English: «Chairman of the Senate of Parliament»,
// «Adviser to the President of Palestine on Religious Affairs», «Senate Speaker», «Kazakh President».
import type { Doc, Mention, TitleSpan, Token } from '../doc.js';
import { mentionIndex } from './index-mentions.js';
import type { EnglishKnowledge } from './knowledge.js';

export interface TitlePhrase {
  first: number;
  last: number;
  title: TitleSpan;
  /** The organization and state the title belongs to, as mention refs. */
  organization: string | null;
  state: string | null;
}

const LINKS = new Set(['of', 'to', 'for', 'at', 'in']);
const MAX_SUBJECT_WORDS = 5;

export function mentionAt(doc: Doc, i: number): Mention | undefined {
  return mentionIndex(doc).startingAt.get(i)?.find((m) => m.kind !== 'hashtag');
}

/** The whole title phrase around a title span: modifiers before it and «of/to …» tails after it. */
export function titlePhrase(doc: Doc, en: EnglishKnowledge, title: TitleSpan, titleAt: (i: number) => TitleSpan | undefined): TitlePhrase {
  const { tokens } = doc;
  const sentence = tokens[title.first].sentence;
  const same = (i: number) => i >= 0 && i < tokens.length && tokens[i].sentence === sentence;
  let first = title.first;
  let organization: string | null = null;
  let state: string | null = null;
  const take = (m: Mention) => {
    if (m.type === 'organization' && !organization) organization = m.ref;
    else if (m.type === 'state' && !state) state = m.ref;
  };
  // before: «Senate Chairman», «Kazakh President», «Kazakhstan's Foreign Minister»
  let j = first - 1;
  // «Chinese Commerce Minister»: up to two capitalized words of the portfolio between the state and the title
  let portfolio = j;
  const ix = mentionIndex(doc);
  while (portfolio >= j - 1 && same(portfolio) && tokens[portfolio].kind === 'word' && tokens[portfolio].cap && !ix.covered[portfolio]) portfolio--;
  if (portfolio < j && ix.endingAt.get(portfolio)?.some((m) => m.type !== 'person' && m.kind !== 'hashtag')) j = portfolio;
  if (same(j) && tokens[j].text.match(/^['’]s$/)) j--;
  const before = ix.endingAt.get(j)?.find((m) => m.kind !== 'hashtag' && m.type !== 'person');
  if (before && same(before.first)) { take(before); first = before.first; }
  let last = title.last;
  for (;;) {
    let i = last + 1;
    if (!same(i)) break;
    const word = tokens[i].norm;
    if (LINKS.has(word)) {
      let k = i + 1;
      if (same(k) && tokens[k].norm === 'the') k++;
      const m = same(k) ? mentionAt(doc, k) : undefined;
      // «Ambassador of Germany to Kazakhstan», «Ambassador in Kazakhstan»; not «Secretary-General in New York»
      if (m && m.type !== 'person' && (m.type !== 'location' || (word !== 'in' && word !== 'at'))) {
        take(m);
        last = m.last;
        // «of the Turkish Grand National Assembly»: an adjective and the body it qualifies
        for (let n = mentionAt(doc, last + 1); n && n.type !== 'person' && same(n.first); n = mentionAt(doc, last + 1)) { take(n); last = n.last; }
        while (same(last + 1) && en.words.legalForms.has(tokens[last + 1].norm)) last++;
        continue;
      }
      const inner = same(k) ? titleAt(k) : undefined;
      if (inner) {
        const sub = titlePhrase(doc, en, inner, titleAt);
        if (!organization) organization = sub.organization;
        if (!state) state = sub.state;
        last = sub.last;
        continue;
      }
      break;
    }
    if (word === 'on' || word === 'for') {
      let k = i + 1;
      while (same(k) && k - i <= MAX_SUBJECT_WORDS && tokens[k].kind === 'word' && !en.words.portfolioNouns.has(tokens[k].norm)) k++;
      if (same(k) && en.words.portfolioNouns.has(tokens[k].norm)) { last = k; continue; }
    }
    break;
  }
  // bodies and states named inside the title itself: «Chairman of the Senate of Parliament»
  for (let i = title.first; i <= last; i++) {
    for (const m of ix.startingAt.get(i) ?? []) {
      if (m.kind === 'hashtag' || m.type === 'person') continue;
      take(m);
      if (m.last > last && same(m.last)) last = m.last;
    }
  }
  return { first, last, title, organization, state };
}

/** Honorifics and their dots between a title and a name: «Dr.», «H.E.». */
export function skipHonorifics(tokens: readonly Token[], i: number, honorifics: ReadonlySet<string>): number {
  let j = i;
  while (j < tokens.length && (honorifics.has(tokens[j].norm) || (tokens[j].text === '.' && j > i))) j++;
  return j;
}
