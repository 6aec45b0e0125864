/**
 * Change stamps: a hybrid logical clock (wall-clock milliseconds and a counter) followed by the writing book's site
 * id, as one fixed-width text `MMMMMMMMMMMMCCCCSSSSSSSSSSSSSSSS` (12 hex digits of Unix ms, 4 of counter, 16 of
 * site). Plain text comparison orders stamps by (time, counter, site), so the winner of two edits of one field is
 * simply the larger stamp — the same answer in every book, whatever order files are merged in.
 */

export const STAMP_LENGTH = 32;
const STAMP = /^[0-9a-f]{32}$/;
const SITE = /^[0-9a-f]{16}$/;
const MAX_COUNTER = 0xffff;

export interface StampParts {
  ms: number;
  counter: number;
  site: string;
}

export function isStamp(text: unknown): text is string {
  return typeof text === 'string' && STAMP.test(text);
}

export function isSiteId(text: unknown): text is string {
  return typeof text === 'string' && SITE.test(text);
}

export function formatStamp(parts: StampParts): string {
  if (!Number.isInteger(parts.ms) || parts.ms < 0 || parts.ms >= 2 ** 48) throw new RangeError(`stamp time out of range: ${parts.ms}`);
  if (!Number.isInteger(parts.counter) || parts.counter < 0 || parts.counter > MAX_COUNTER) throw new RangeError(`stamp counter out of range: ${parts.counter}`);
  if (!isSiteId(parts.site)) throw new RangeError(`not a site id: ${parts.site}`);
  return parts.ms.toString(16).padStart(12, '0') + parts.counter.toString(16).padStart(4, '0') + parts.site;
}

export function parseStamp(stamp: string): StampParts {
  if (!isStamp(stamp)) throw new RangeError(`not a change stamp: ${stamp}`);
  return { ms: parseInt(stamp.slice(0, 12), 16), counter: parseInt(stamp.slice(12, 16), 16), site: stamp.slice(16) };
}

/** The smallest stamp at or after an instant (any site): `--since` exports rows whose latest stamp is ≥ it. */
export function stampFloor(ms: number): string {
  return Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0') + '0'.repeat(20);
}

export function maxStamp(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * One book's clock. `next()` gives a stamp larger than every stamp it gave or saw; `observe()` takes in a stamp
 * from a merged file so that later local edits win over what they were made after (causality), even when the
 * other laptop's clock ran ahead.
 */
export class HybridClock {
  private ms: number;
  private counter: number;

  constructor(
    readonly site: string,
    private readonly wallMs: () => number = Date.now,
    latest?: string,
  ) {
    if (!isSiteId(site)) throw new RangeError(`not a site id: ${site}`);
    this.ms = 0;
    this.counter = 0;
    if (latest) this.observe(latest);
  }

  next(): string {
    const wall = Math.floor(this.wallMs());
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      this.ms += 1;
      this.counter = 0;
    }
    return formatStamp({ ms: this.ms, counter: this.counter, site: this.site });
  }

  observe(stamp: string): void {
    const seen = parseStamp(stamp);
    if (seen.ms > this.ms || (seen.ms === this.ms && seen.counter > this.counter)) {
      this.ms = seen.ms;
      this.counter = seen.counter;
    }
  }

  /** The latest stamp this clock has given or seen (for the book's knowledge of its own site). */
  current(): string {
    return formatStamp({ ms: this.ms, counter: this.counter, site: this.site });
  }
}
