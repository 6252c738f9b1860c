// Lookup in a sorted list of lines kept as one string: building a Set of the 48,000 forms of the lemma
// keys took ~15 ms at the first document, and parsing the compiled phrase tables as JSON objects ~50 ms
// of start-up, longer than the lookups they serve in a short run. A lookup is a binary search on the
// line's key, the part before its first field separator (or all of it); the lines must be sorted by key
// in UTF-16 code units, the order Array.prototype.sort gives. The first lookups search over character
// positions, each step reading the line around its middle; a long run then indexes the line starts
// (~6 ms for the lemma forms) and searches over lines, which is faster per lookup.

/** Lookups before the line starts are indexed. */
const INDEX_AFTER = 4096;

/** The lines' payloads by key: the rest of the line after the key and its separator, '' for a bare key,
 * null for a key that is not listed. */
export function sortedLines(lines: string, lineSep = '\n', fieldSep = '\t', indexAfter = INDEX_AFTER): (key: string) => string | null {
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
  const payload = (key: string, start: number, end: number) => (start + key.length >= end ? '' : lines.slice(start + key.length + 1, end));

  const byPosition = (key: string): string | null => {
    // the lines left are those from the one starting at lo to the one ending at hi
    let lo = 0;
    let hi = lines.length;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === lo ? lo : lines.lastIndexOf(lineSep, mid - 1) + 1;
      let end = lines.indexOf(lineSep, mid);
      if (end < 0 || end > hi) end = hi;
      const c = compare(key, start, end);
      if (c === 0) return payload(key, start, end);
      if (c < 0) hi = start - 1;
      else lo = end + 1;
    }
    return null;
  };

  let starts: Uint32Array | null = null;
  const byLine = (key: string): string | null => {
    const index = starts!;
    let lo = 0;
    let hi = index.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = index[mid];
      const end = mid + 1 < index.length ? index[mid + 1] - lineSep.length : lines.length;
      const c = compare(key, start, end);
      if (c === 0) return payload(key, start, end);
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return null;
  };

  let lookups = 0;
  return (key) => {
    if (starts) return byLine(key);
    if (++lookups > indexAfter) {
      const at: number[] = [0];
      for (let i = lines.indexOf(lineSep); i >= 0; i = lines.indexOf(lineSep, i + 1)) at.push(i + lineSep.length);
      starts = Uint32Array.from(at);
      return byLine(key);
    }
    return byPosition(key);
  };
}

/** Membership in a sorted list of words, one per line. */
export function sortedWords(lines: string): (word: string) => boolean {
  const find = sortedLines(lines);
  return (word) => find(word) !== null;
}
