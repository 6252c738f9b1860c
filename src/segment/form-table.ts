// The word forms met so far, by token kind and text. Every token of every document is looked up here (the
// segmenter's loop), and with a Map the lookup was ~15% of the time on text seen before: a token's text is a
// fresh string, and the Map hashed it, read its bucket, then the entry, then compared the stored key. Here the
// hash is computed from the token's characters, the slot holds that hash beside the entry's index, and only an
// equal hash leads to the stored text; non-words need no key string built either. Against the Map, `compare.mjs`
// gave 0.946 and 0.988 of the time on cached text (median rounds 0.947, 0.957), 0.910 and 0.972 on fresh text.
import type { TokenKind, WordForm } from '../doc.js';
import { detached } from '../detached.js';

const EMPTY = 0;
const FNV_PRIME = 0x01000193;
const MIN_SLOTS_LOG2 = 12;

export class FormTable {
  /** Per slot, the hash of its entry's kind and text and the entry's index + 1 (0: empty), side by side. */
  private slots = new Int32Array(2 << MIN_SLOTS_LOG2);
  private mask = (1 << MIN_SLOTS_LOG2) - 1;
  /** Per entry, its kind, text (a detached copy: see detached.ts) and form. */
  private kinds: TokenKind[] = [];
  private texts: string[] = [];
  private forms: WordForm[] = [];

  get size(): number {
    return this.forms.length;
  }

  /** The form stored for this kind and text, or undefined. */
  get(kind: TokenKind, text: string): WordForm | undefined {
    const h = hashOf(kind, text);
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const entry = slots[2 * s + 1];
      if (entry === EMPTY) return undefined;
      if (slots[2 * s] === h && this.texts[entry - 1] === text && this.kinds[entry - 1] === kind) return this.forms[entry - 1];
    }
  }

  /** Stores a form for a kind and text that get() did not find. */
  add(kind: TokenKind, text: string, form: WordForm): void {
    if (2 * (this.forms.length + 1) > this.mask + 1) this.grow();
    this.kinds.push(kind);
    this.texts.push(detached(text));
    this.forms.push(form);
    this.place(hashOf(kind, text), this.forms.length);
  }

  clear(): void {
    this.slots = new Int32Array(2 << MIN_SLOTS_LOG2);
    this.mask = (1 << MIN_SLOTS_LOG2) - 1;
    this.kinds = [];
    this.texts = [];
    this.forms = [];
  }

  private place(h: number, entry: number): void {
    let s = h & this.mask;
    while (this.slots[2 * s + 1] !== EMPTY) s = (s + 1) & this.mask;
    this.slots[2 * s] = h;
    this.slots[2 * s + 1] = entry;
  }

  /** Twice the slots, at most half of them in use. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    this.mask = 2 * this.mask + 1;
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== EMPTY) this.place(old[s], old[s + 1]);
  }
}

/** FNV-1a over the kind's first letter and the text's UTF-16 units (kinds differ in their first letter). */
function hashOf(kind: TokenKind, text: string): number {
  let h = Math.imul(0x811c9dc5 ^ kind.charCodeAt(0), FNV_PRIME);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h ^ (h >>> 15);
}
