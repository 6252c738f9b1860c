// A form of a verb starts with the first letters of its lemma (встречусь, приму, попрошу, расскажу): a word
// that starts like none of a few cue lemmas need not be analysed to find out whether it is one of them.
// Analysing every word of a sentence to look for a handful of verbs was much of the time on new text.
export const LEMMA_START = 3;

const starts = new WeakMap<object, Set<string>>();

/** The first letters of the lemmas, built once per owner (the knowledge object the lemmas come from). */
export function lemmaStarts(owner: object, lemmas: () => Iterable<string>): Set<string> {
  let set = starts.get(owner);
  if (!set) {
    set = new Set();
    for (const l of lemmas()) set.add(l.slice(0, LEMMA_START));
    starts.set(owner, set);
  }
  return set;
}

export const startsLike = (set: Set<string>, norm: string): boolean => set.has(norm.slice(0, LEMMA_START));
