import type { Token } from '../doc.js';

/** Top-level quotation marks as token index pairs. «» nest; a straight " toggles. */
export function findQuoteSpans(tokens: readonly Token[]): Array<{ open: number; close: number }> {
  const out: Array<{ open: number; close: number }> = [];
  let depth = 0;
  let open = -1;
  let straight = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (tokens[i].kind !== 'punct') continue;
    if (t === '«' || t === '„' || t === '“') {
      if (depth === 0) open = i;
      depth++;
    } else if ((t === '»' || t === '”') && depth > 0) {
      depth--;
      if (depth === 0) out.push({ open, close: i });
    } else if (t === '"' && depth === 0) {
      if (straight < 0) straight = i;
      else { out.push({ open: straight, close: i }); straight = -1; }
    }
  }
  return out.sort((a, b) => a.open - b.open);
}
