import { itemAt, type Paragraph, type Sentence, type Token } from '../doc.js';
import { CLOSER, TERMINAL, UPPER_START } from './patterns.js';

/** Paragraphs are non-empty lines: news text puts one paragraph per line. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) {
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ start: m.index + lead, end: m.index + m[0].trimEnd().length });
    }
  }
  return out;
}

/**
 * Groups tokens into sentences within paragraphs. A terminal mark ends a sentence when the
 * next token starts like a sentence and the word before it is not an abbreviation
 * («г.», «т.е.») or an initial («В. В. Путин»). Sets token.sentence on the tokens it is given
 * (fresh from the tokenizer, owned by the caller).
 */
export function splitSentences(tokens: Token[], paragraphs: Paragraph[], abbreviations: ReadonlySet<string>): { tokens: Token[]; sentences: Sentence[] } {
  const out = tokens;
  const sentences: Sentence[] = [];
  let p = 0;
  let first = 0;
  const close = (last: number) => {
    if (last < first) return;
    sentences.push({ start: out[first].start, end: out[last].end, firstToken: first, lastToken: last, paragraph: p });
    for (let k = first; k <= last; k++) out[k].sentence = sentences.length - 1;
    first = last + 1;
  };
  for (let i = 0; i < out.length; i++) {
    while (p < paragraphs.length - 1 && out[i].start >= paragraphs[p].end) { close(i - 1); p++; first = i; }
    const t = out[i];
    if (t.kind !== 'punct' || !TERMINAL.test(t.text)) continue;
    let last = i;
    while (last + 1 < out.length && out[last + 1].kind === 'punct' && (TERMINAL.test(out[last + 1].text) || CLOSER.test(out[last + 1].text)) && !out[last + 1].spaceBefore) last++;
    const next = itemAt(out, last + 1);
    if (!next || next.start >= paragraphs[p].end) { close(last); i = last; continue; }
    const prev = itemAt(out, i - 1);
    if (t.text === '.' && prev && !t.spaceBefore) {
      if (prev.kind === 'initial') continue;
      if (abbreviations.has(prev.norm)) continue;
      if (prev.kind === 'word' && prev.text.length === 1 && prev.cap) continue;
    }
    if (!UPPER_START.test(next.text)) continue;
    close(last);
    i = last;
  }
  close(out.length - 1);
  return { tokens: out, sentences };
}
