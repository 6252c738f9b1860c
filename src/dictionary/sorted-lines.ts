// Lookup in a sorted list of lines kept as one string: building a Set of the 48,000 forms of the lemma
// keys took ~15 ms at the first document, and parsing the compiled phrase tables as JSON objects ~50 ms
// of start-up, longer than the lookups they serve in a short run. Nothing is indexed either (that took
// ~6 ms): a lookup is a binary search over character positions, each step reading the line around
// its middle, on the line's key, the part before its first field separator (or all of it). The lines
// must be sorted by key in UTF-16 code units, the order Array.prototype.sort gives.

/** The lines' payloads by key: the rest of the line after the key and its separator, '' for a bare key,
 * null for a key that is not listed. */
export function sortedLines(lines: string, lineSep = '\n', fieldSep = '\t'): (key: string) => string | null {
  const field = fieldSep.charCodeAt(0);
  /** The key compared with the line's key: negative when it sorts before it. */
  const compare = (key: string, start: number, end: number): number => {
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
    // the lines left are those from the one starting at lo to the one ending at hi
    let lo = 0;
    let hi = lines.length;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === lo ? lo : lines.lastIndexOf(lineSep, mid - 1) + 1;
      let end = lines.indexOf(lineSep, mid);
      if (end < 0 || end > hi) end = hi;
      const c = compare(key, start, end);
      if (c === 0) return start + key.length >= end ? '' : lines.slice(start + key.length + 1, end);
      if (c < 0) hi = start - 1;
      else lo = end + 1;
    }
    return null;
  };
}

/** Membership in a sorted list of words, one per line. */
export function sortedWords(lines: string): (word: string) => boolean {
  const find = sortedLines(lines);
  return (word) => find(word) !== null;
}
