// A name given again in its own script right after it: «Джоэл Саймон (Joel Simon)»,
// «Ла стампа (La Stampa)». News writes the original spelling this way; it is an alias of the
// same referent, not a new organization made of Latin words.
import { itemAt, mention, type Doc, type Mention, type Token } from '../doc.js';
import { scratchBytes } from '../scratch.js';

/** Latin words of a personal or company name, lowercase particles included («Sami al-Haj», «Bank of East Asia»). */
const LATIN_WORD = /^\p{Script=Latin}[\p{Script=Latin}\p{M}'’.-]*$/u;
const MAX_WORDS = 7;

/** The Latin words between brackets right after token `last`, as [first, last], or null. */
function bracketedLatin(tokens: readonly Token[], last: number): [number, number] | null {
  const open = itemAt(tokens, last + 1);
  if (!open || open.text !== '(' || open.sentence !== tokens[last].sentence) return null;
  let j = last + 2;
  while (j < tokens.length && tokens[j].kind === 'word' && LATIN_WORD.test(tokens[j].text) && j - last - 2 < MAX_WORDS) j++;
  const first = last + 2;
  if (j === first || tokens[j]?.text !== ')') return null;
  // a name, not an abbreviation: «(FN)» glosses a party, «(Joel Simon)» spells the man
  if (!tokens[first].cap || tokens[first].upper || !tokens[j - 1].cap) return null;
  return [first, j - 1];
}

/** Stage: the bracketed original spelling joins the person, organization or place named right before it. */
export function linkOriginalSpellings(doc: Doc): Doc {
  const { tokens } = doc;
  const aliases: Mention[] = [];
  for (const m of doc.mentions) {
    if (m.type === 'state' || (m.kind !== 'name' && m.kind !== 'abbreviation') || m.start !== undefined) continue;
    const span = bracketedLatin(tokens, m.last);
    if (!span) continue;
    // the same mention, moved: it keeps the dictionary id or name parts that group it with the original
    aliases.push(mention({ ...m, first: span[0], last: span[1], kind: 'alias', reason: 'names:original-spelling' }));
  }
  if (!aliases.length) return doc;
  const inside = scratchBytes(tokens.length);
  for (const a of aliases) for (let i = a.first; i <= a.last; i++) inside[i] = 1;
  const kept = doc.mentions.filter((m) => {
    for (let i = m.first; i <= m.last; i++) if (inside[i]) return false;
    return true;
  });
  const mentions = [...kept, ...aliases].sort((a, b) => a.first - b.first || (a.start ?? 0) - (b.start ?? 0));
  return { ...doc, mentions };
}
