// The progress line on a terminal: documents done, documents a second, errors, and the time
// left when the size of the run is known. Redrawn at most five times a second, and only after
// the first second, so short runs never show it. Messages go through log() so that they do
// not land in the middle of the line.

export interface ProgressTotals {
  /** Number of documents, when known (a list of text files). */
  docs?: number;
  /** Bytes of all input files, when known (no standard input): the time left is estimated from the bytes read. */
  bytes?: number;
}

function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  s = Math.round(s);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress {
  private readonly started = Date.now();
  private done = 0;
  private errors = 0;
  private bytes = 0;
  private lastDraw = 0;
  private shown = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly stream: NodeJS.WritableStream, private readonly enabled: boolean, private readonly totals: ProgressTotals = {}) {
    if (enabled) {
      this.timer = setInterval(() => this.draw(), 1000);
      this.timer.unref();
    }
  }

  /** One document written (failed: it was an error record). */
  doc(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    if (this.enabled && Date.now() - this.lastDraw >= 200) this.draw();
  }

  addBytes(n: number): void {
    this.bytes += n;
  }

  /** A line for stderr that must not be mixed with the progress line. */
  log(line: string): void {
    this.clear();
    this.stream.write(line);
  }

  line(): string {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const { docs, bytes } = this.totals;
    let fraction: number | null = null;
    if (docs) fraction = this.done / docs;
    else if (bytes) fraction = Math.min(this.bytes / bytes, 1);
    const parts = [`${this.done}${docs ? `/${docs}` : ''} documents`, `${rate.toFixed(1)} docs/s`, `${this.errors} error${this.errors === 1 ? '' : 's'}`];
    if (fraction !== null) {
      parts.push(`${Math.floor(fraction * 100)}%`);
      if (fraction > 0) parts.push(`ETA ${duration((elapsed * (1 - fraction)) / fraction)}`);
    }
    return `sobesednik: ${parts.join(' · ')}`;
  }

  private draw(): void {
    const now = Date.now();
    if (!this.enabled || now - this.started < 1000) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line()}\x1b[K`);
    this.shown = true;
  }

  private clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  /** Removes the line (end of the run). */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }
}
