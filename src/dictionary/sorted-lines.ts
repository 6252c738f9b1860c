// Lookup in a sorted list of lines kept as one string: building a Set of the 48,000 forms of the lemma
// keys took ~15 ms at the first document, and parsing the compiled phrase tables as JSON objects ~50 ms
// of start-up, longer than the lookups they serve in a short run. A lookup is a binary search on the
// line's key, the part before its first field separator (or all of it); the lines must be sorted by key
// in UTF-16 code units, the order Array.prototype.sort gives. The first lookups search over character
// positions, each step reading the line around its middle; a longer run then indexes the line starts and
// searches over lines, which is faster per lookup, within the lines that start with the key's first two
// letters. A list of words without payloads goes into a Set instead (sortedWords).

/** Lookups before the line starts are indexed (the entity table's 10,146 keys in 0.5–2 ms). */
const INDEX_AFTER = 512;
/** Lookups before a list of words is put in a Set (the 49,000 lemma forms in ~12 ms). */
const SET_AFTER = 4096;

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
  const lineEnd = (index: Uint32Array, i: number) => (i + 1 < index.length ? index[i + 1] - lineSep.length : lines.length);
  /** The first line whose key does not sort before `key` (index.length when none). */
  const firstNotBefore = (index: Uint32Array, key: string): number => {
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(key, index[mid], lineEnd(index, mid)) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Per first two letters of a key ((c0 << 16) | c1), the lines [first, last] whose keys start so, found on
   * first use: a search then reads a few neighbouring lines instead of ~16 spread over the whole list. */
  const ranges = new Map<number, [number, number]>();
  const rangeOf = (index: Uint32Array, key: string): [number, number] => {
    const c0 = key.charCodeAt(0);
    const c1 = key.charCodeAt(1);
    const two = (c0 << 16) | c1;
    let range = ranges.get(two);
    if (!range) {
      const first = firstNotBefore(index, key.slice(0, 2));
      const end = c1 === 0xffff ? index.length : firstNotBefore(index, String.fromCharCode(c0, c1 + 1));
      ranges.set(two, (range = [first, end - 1]));
    }
    return range;
  };
  const byLine = (key: string): string | null => {
    const index = starts!;
    let lo = 0;
    let hi = index.length - 1;
    if (key.length >= 2) [lo, hi] = rangeOf(index, key);
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = index[mid];
      const end = lineEnd(index, mid);
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

/** Membership in a sorted list of words, one per line. A long run asks a Set instead, built after `setAfter`
 * lookups: the 49,000 lemma forms took ~12 ms to put in one, and a Set answers the ~26,000 lookups of the 821
 * distinct corpus articles in about a third of the binary searches' time, which read ~10 lines each over
 * half a megabyte. */
export function sortedWords(lines: string, setAfter = SET_AFTER): (word: string) => boolean {
  const find = sortedLines(lines, '\n', '\t', Infinity);
  let words: Set<string> | null = null;
  let lookups = 0;
  return (word) => {
    if (words === null) {
      if (++lookups <= setAfter) return find(word) !== null;
      words = new Set(lines.split('\n'));
    }
    return words.has(word);
  };
}
