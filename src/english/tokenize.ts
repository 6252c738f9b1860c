import type { Token } from '../doc.js';
import { tokenize } from '../segment/tokenize.js';

const POSSESSIVE = /^(.+?)(['’]s)$/u;

/** The shared tokenizer, with the possessive «'s» split off («Kazakhstan's» → «Kazakhstan» «'s»),
 * so that names match and offsets still cover the text exactly. */
export function tokenizeEnglish(text: string): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(text)) {
    const m = t.kind === 'word' ? POSSESSIVE.exec(t.text) : null;
    if (!m) { out.push(t); continue; }
    const cut = t.start + m[1].length;
    out.push({ ...t, end: cut, text: m[1], norm: t.norm.slice(0, m[1].length) });
    out.push({ ...t, start: cut, text: m[2], norm: m[2].toLowerCase(), kind: 'punct', cap: false, upper: false, spaceBefore: false });
  }
  return out;
}
