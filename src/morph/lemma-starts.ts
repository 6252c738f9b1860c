// A form of a word starts with the first letters of its lemma (встречусь, приму, посла, передает): a word
// that starts like none of a few lemmas need not be analysed to find out whether it is one of them.
// Analysing every word to look for a handful of cue verbs was much of the time on new text.
export const LEMMA_START = 3;

const starts = new WeakMap<object, Map<string, Set<string>>>();

/** The first letters of some lemmas, built once per owner (the knowledge object they come from) and purpose. */
export function lemmaStarts(owner: object, purpose: string, lemmas: () => Iterable<string>): Set<string> {
  let byPurpose = starts.get(owner);
  if (!byPurpose) starts.set(owner, (byPurpose = new Map()));
  let set = byPurpose.get(purpose);
  if (!set) {
    set = new Set();
    for (const l of lemmas()) set.add(l.slice(0, LEMMA_START));
    byPurpose.set(purpose, set);
  }
  return set;
}

export const startsLike = (set: Set<string>, norm: string): boolean => set.has(norm.slice(0, LEMMA_START));
