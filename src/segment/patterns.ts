// Every regular expression of segmentation, each linear-time (no nested quantifiers over
// overlapping classes), with what it matches.

/** One token at the current position, tried in order by alternation:
 * 1 hashtag «#Казахстан»; 2 domain «Kazpravda.kz», «www.akorda.kz»; 3 number with inner
 * separators and an optional hyphenated suffix «28.07.2016», «200.2», «59-летний», «2022-м»;
 * 4 single-capital initial followed by a dot «В.»; 5 word with inner hyphens/apostrophes
 * «Касым-Жомарт», «Кот-д'Ивуар», «VI-го»; 6 any other single non-space character. */
export const TOKEN = /(#[\p{L}\p{N}_]+)|((?:[A-Za-z0-9-]+\.)+(?:[a-z]{2,6}|[A-Z][a-z]{1,5}|рф|қаз)(?![\p{L}\p{N}]))|(\d+(?:[.,:/]\d+)*(?:-[\p{L}\p{N}]+)*)|(\p{Lu}\.(?!\p{L}{2}))|([\p{L}\p{M}\p{N}]+(?:['’\u2011\u2010-][\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

/** Sentence-final punctuation tokens. */
export const TERMINAL = /^[.!?…]$/;
/** Closing quotes and brackets that stay with the sentence they close. */
export const CLOSER = /^[»"”)\]]$/;
export const UPPER_START = /^[\p{Lu}\d«„“"(#]/u;
export const HAS_LETTER = /\p{L}/u;
export const IS_UPPER = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/** An abbreviation with a lowercase case ending: «МИДа», «МИДе» (an abbreviation in capitals throughout is a token of its own). */
const INFLECTED_ABBREVIATION = /^(\p{Lu}{2,})(?:а|у|ом|е|ы|ой|ов|ам|ах|ами)$/u;

/** A lowercase Cyrillic or ASCII letter. */
const isLowercase = (c: number) => (c >= 0x430 && c <= 0x45f) || (c >= 0x61 && c <= 0x7a);
/** A lowercase Cyrillic letter, or any ASCII character but a capital. */
const lowerOrAscii = (c: number) => (c >= 0x430 && c <= 0x45f) || (c < 0x80 && !(c >= 0x41 && c <= 0x5a));

/** The abbreviation an inflected form stands for («МИДом» → «МИД»), or null. */
export function abbreviationBase(text: string): string | null {
  // most words start with a lowercase Cyrillic or ASCII letter, and most capitalized ones go on in lowercase:
  // no two capitals, no abbreviation (the regular expression is asked only about the others)
  if (text.length < 3 || lowerOrAscii(text.charCodeAt(0)) || isLowercase(text.charCodeAt(1))) return null;
  return INFLECTED_ABBREVIATION.exec(text)?.[1] ?? null;
}
