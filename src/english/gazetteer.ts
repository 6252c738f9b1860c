import { mention, type Doc, type Mention, type TitleSpan } from '../doc.js';
import type { Context } from '../context.js';
import { matchAll } from '../gazetteer/match.js';
import { englishKnowledge } from './knowledge.js';

/** Stage: dictionary entities by their English names, and position titles. */
export function matchEnglishGazetteer(doc: Doc, ctx: Context): Doc {
  const k = ctx.knowledge;
  const en = englishKnowledge(k);
  const mentions: Mention[] = [];
  let covered = -1;
  for (const m of matchAll(en.entities, doc.tokens, doc.keys)) {
    if (m.first <= covered) continue; // equally good alternatives: the first entry wins
    covered = m.last;
    const e = k.entries[m.phrase.value];
    mentions.push(mention({ first: m.first, last: m.last, type: e.type, kind: m.phrase.kind, ref: e.id, reason: `dictionary:${e.id}` }));
  }
  // «#Ashimbayev», «#Kazakhstan»: the first entity named whose name ends in the hashtag's word
  const byLastWord = new Map<string, Mention>();
  for (const m of mentions) if (m.kind !== 'adjective' && !byLastWord.has(doc.tokens[m.last].norm)) byLastWord.set(doc.tokens[m.last].norm, m);
  doc.tokens.forEach((t, i) => {
    if (t.kind !== 'hashtag') return;
    const hit = byLastWord.get(t.text.slice(1).toLowerCase());
    if (hit) mentions.push(mention({ first: i, last: i, type: hit.type, kind: 'hashtag', ref: hit.ref, reason: 'dictionary:hashtag' }));
  });
  const titles: TitleSpan[] = [];
  // titles by the word as written: «hosts» in «Macron hosts Scholz» is a verb, not the plural of a TV host
  const asWritten = doc.keys.map((k) => k.slice(0, 2));
  for (const m of matchAll(en.titles, doc.tokens, asWritten)) {
    if (titles.some((t) => t.first === m.first)) continue;
    titles.push({ first: m.first, last: m.last, position: k.positions[m.phrase.value].id, rank: k.positions[m.phrase.value].rank });
  }
  mentions.sort((a, b) => a.first - b.first);
  return { ...doc, mentions, titles };
}
