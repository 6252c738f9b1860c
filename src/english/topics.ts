// Topics of a meeting in English: the phrases after «discussed», «exchanged views on», «talked about», split
// into their items, stripped of fillers («issues of», «the importance of») and given a category.
import type { Doc, Topic, Token } from '../doc.js';
import { matchAll } from '../gazetteer/match.js';
import { cueAt, type EnglishKnowledge } from './knowledge.js';
import { mentionIndex } from './index-mentions.js';

export const CLAUSE_END = /^[.;!?:]$/;

/** Words that end a topic phrase: a new clause begins. */
const TOPIC_END = new Set(['while', 'when', 'but', 'whereas', 'which', 'who']);

/** Topics after every topic cue in tokens[from..to]: a phrase up to the clause end, the next cue, or «while …». */
export function topicsIn(doc: Doc, en: EnglishKnowledge, categories: readonly string[], from: number, to: number): Topic[] {
  const { tokens } = doc;
  const cues = matchAll(en.lists.topicCues, tokens, doc.keys, from, to);
  const out: Topic[] = [];
  cues.forEach((cue, n) => {
    const limit = n + 1 < cues.length ? cues[n + 1].first - 1 : to;
    let last = cue.last;
    while (last < limit && !CLAUSE_END.test(tokens[last + 1].text) && !TOPIC_END.has(tokens[last + 1].norm) && !/^[”“"]$/.test(tokens[last + 1].text) &&
      !(tokens[last + 1].text === ',' && attribution(doc, en, last + 2, limit))) last++;
    // «… organizations and exchanged views on»: the «and» before the next cue is not part of the topic
    while (last > cue.last && (tokens[last].norm === 'and' || tokens[last].kind === 'punct')) last--;
    for (const [a, b] of splitCoordinated(tokens, cue.last + 1, last)) {
      const t = topicOf(doc, en, categories, a, b, cue.first);
      if (t) out.push(t);
    }
  });
  return out;
}

/** «…, the Kazakh trade ministry said.»: the words after a comma name the source, up to a speech verb that ends the clause. */
function attribution(doc: Doc, en: EnglishKnowledge, from: number, limit: number): boolean {
  for (let i = from; i <= Math.min(limit, from + 6); i++) {
    const verb = cueAt(en.lists.speechVerbs, doc, i);
    if (verb) return verb.last >= limit || CLAUSE_END.test(doc.tokens[verb.last + 1]?.text ?? '.');
  }
  return false;
}

/** «the importance of X and the development of Y», «security, climate change and Afghanistan», «X as well as Y»:
 * a comma, «as well as», or «and» before a determiner starts a new topic. A comma inside a name does not. */
function splitCoordinated(tokens: readonly Token[], first: number, last: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = first;
  const cut = (end: number, next: number) => { if (end >= a) out.push([a, end]); a = next; };
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (t.norm === 'as' && tokens[i + 1]?.norm === 'well' && tokens[i + 2]?.norm === 'as') { cut(tokens[i - 1]?.text === ',' ? i - 2 : i - 1, i + 3); i += 2; }
    else if (t.text === ',') { const and = tokens[i + 1]?.norm === 'and' ? 1 : 0; cut(i - 1, i + 1 + and); i += and; }
    else if (t.norm === 'and' && i > a && (/^(the|a|an)$/.test(tokens[i + 1]?.norm ?? '') || out.length > 0)) cut(i - 1, i + 1);
  }
  if (a <= last) out.push([a, last]);
  return out;
}

function topicOf(doc: Doc, en: EnglishKnowledge, categories: readonly string[], first: number, last: number, cue: number): Topic | null {
  const { tokens } = doc;
  let a = first;
  // fillers say nothing by themselves: «issues of», «the importance of», and leading articles
  for (let changed = true; changed && a <= last;) {
    changed = false;
    if (/^(the|a|an)$/.test(tokens[a].norm)) { a++; changed = true; continue; }
    const filler = cueAt(en.lists.topicFillers, doc, a);
    if (filler && /^(of|for|on)$/.test(tokens[filler.last + 1]?.norm ?? '') && filler.last + 2 <= last) { a = filler.last + 2; changed = true; }
  }
  if (a > last || !tokens.slice(a, last + 1).some((t) => t.kind === 'word')) return null;
  const terms = matchAll(en.topicTerms, tokens, doc.keys, a, last);
  // the most specific term decides: the longest, then the last (the head of «cooperation … within international organizations»)
  const best = [...terms].sort((x, y) => (y.last - y.first) - (x.last - x.first) || y.first - x.first)[0];
  const category = best ? categories[best.phrase.value] : 'other';
  const ix = mentionIndex(doc);
  const refs: string[] = [];
  for (let i = a; i <= last; i++) for (const m of ix.startingAt.get(i) ?? []) if (m.last <= last && m.ref && m.kind !== 'hashtag') refs.push(m.ref);
  const entities = [...new Set(refs)];
  return { text: doc.text.slice(tokens[a].start, tokens[last].end), category, entities, start: tokens[cue].start, end: tokens[last].end };
}

export function dedupeTopics(ts: Topic[]): Topic[] {
  const seen = new Set<string>();
  return ts.filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)));
}
