// Strings the stages compare with constants («p.pos === 'NOUN'», «m.kind === 'adjective'», «t.text === '«'»)
// must be V8's internalized strings, as the constants are. Some are not: JSON.parse internalizes only strings
// of up to 10 characters («organization» is not), some of az's grammemes are not, nor are strings cut out of
// lines or one-character slices beyond Latin-1. A comparison with such a string compares letters, and code
// the optimizing compiler built while it had met only internalized strings is thrown away at the first
// other one (in the first pass, where recompiling a large stage is costly). A property name is always
// internalized, which is how this gets one.

const SHARED = new Map<string, string>();

/** The internalized string with the letters of s. Meant for the few distinct values of a field (kinds,
 * types, grammemes, one-character texts): every distinct value is kept. */
export function interned(s: string): string {
  let shared = SHARED.get(s);
  if (shared === undefined) {
    const named: Record<string, true> = { [s]: true };
    SHARED.set(s, (shared = Object.keys(named)[0]));
  }
  return shared;
}
