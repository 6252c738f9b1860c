// Arrays a stage marks tokens or mentions in while it reads one document. `new Uint8Array(n)` for a document's
// ~300 tokens is stored outside V8's heap, and making one took ~1.5 µs (a view into an existing buffer, zeroed:
// ~0.1 µs), about a dozen times a document. So they are views into one buffer, which the pipeline starts to
// reuse at each document: what a stage gets here is valid until the next document begins.

let buffer = new ArrayBuffer(1 << 16);
let used = 0;

/** Called by the pipeline as a document begins: the arrays given out for the last one are no longer read. */
export function startScratch(): void {
  used = 0;
}

function take(bytes: number): number {
  const size = (bytes + 7) & ~7; // Int32Array views need aligned offsets
  if (used + size > buffer.byteLength) {
    // the arrays given out so far keep the old buffer; the new one is as large, or twice this array: doubling it
    // at every overflow would grow it without bound for a caller that runs stages without the pipeline's reset
    buffer = new ArrayBuffer(Math.max(buffer.byteLength, 2 * size));
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

/** n zeroed bytes. */
export function scratchBytes(n: number): Uint8Array {
  const at = take(n); // first: it may replace the buffer
  return new Uint8Array(buffer, at, n).fill(0);
}

/** n zeroed 32-bit integers. */
export function scratchInts(n: number): Int32Array {
  const at = take(4 * n);
  return new Int32Array(buffer, at, n).fill(0);
}
