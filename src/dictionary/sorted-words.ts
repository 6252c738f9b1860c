// Membership in a sorted list of words kept as one string, one word per line: building a Set of the
// 48,000 forms of the lemma keys took ~15 ms at the first document, longer than the lookups it serves
// in a short run. Only the line starts are indexed; a lookup is a binary search by UTF-16 code units,
// the order Array.prototype.sort gives.
export function sortedWords(lines: string): (word: string) => boolean {
  const starts: number[] = [0];
  for (let i = lines.indexOf('\n'); i >= 0; i = lines.indexOf('\n', i + 1)) starts.push(i + 1);
  const index = Uint32Array.from(starts);
  const n = index.length;
  /** The word compared with line k: negative when the word sorts before it. */
  const compare = (word: string, k: number): number => {
    const start = index[k];
    const end = k + 1 < n ? index[k + 1] - 1 : lines.length;
    const len = Math.min(word.length, end - start);
    for (let i = 0; i < len; i++) {
      const d = word.charCodeAt(i) - lines.charCodeAt(start + i);
      if (d !== 0) return d;
    }
    return word.length - (end - start);
  };
  return (word) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(word, mid);
      if (c === 0) return true;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return false;
  };
}
