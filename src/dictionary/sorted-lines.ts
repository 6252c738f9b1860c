// Lookup in a sorted list of lines kept as one string: building a Set of the 48,000 forms of the lemma
// keys took ~15 ms at the first document, and parsing the compiled phrase tables as JSON objects ~50 ms
// of start-up, longer than the lookups they serve in a short run. Only the line starts are indexed; a
// lookup is a binary search on the line's key, the part before its first field separator (or all of it):
// the lines must be sorted by key in UTF-16 code units, the order Array.prototype.sort gives.

/** The lines' payloads by key: the rest of the line after the key and its separator, '' for a bare key,
 * null for a key that is not listed. */
export function sortedLines(lines: string, lineSep = '\n', fieldSep = '\t'): (key: string) => string | null {
  const starts: number[] = [0];
  for (let i = lines.indexOf(lineSep); i >= 0; i = lines.indexOf(lineSep, i + 1)) starts.push(i + 1);
  const index = Uint32Array.from(starts);
  const n = index.length;
  const field = fieldSep.charCodeAt(0);
  const lineEnd = (k: number) => (k + 1 < n ? index[k + 1] - 1 : lines.length);
  /** The key compared with line k's key: negative when it sorts before it. */
  const compare = (key: string, k: number): number => {
    const start = index[k];
    const end = lineEnd(k);
    for (let i = 0; i < key.length; i++) {
      const at = start + i;
      if (at >= end) return 1;
      const c = lines.charCodeAt(at);
      if (c === field) return 1;
      const d = key.charCodeAt(i) - c;
      if (d !== 0) return d;
    }
    const at = start + key.length;
    return at >= end || lines.charCodeAt(at) === field ? 0 : -1;
  };
  return (key) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(key, mid);
      if (c === 0) {
        const end = lineEnd(mid);
        const from = index[mid] + key.length + 1;
        return from > end ? '' : lines.slice(from, end);
      }
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return null;
  };
}

/** Membership in a sorted list of words, one per line. */
export function sortedWords(lines: string): (word: string) => boolean {
  const find = sortedLines(lines);
  return (word) => find(word) !== null;
}
