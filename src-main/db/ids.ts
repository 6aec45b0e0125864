import { monotonicFactory, ulid } from 'ulid';

/**
 * Ids made within one millisecond still increase (the random part counts up), so records made together — a quote's
 * questions, an import's rows — sort by id in the order they were made.
 */
const monotonic = monotonicFactory();

/** A new record id: a ULID (time-ordered, unique across books so they can be merged). */
export function newId(): string {
  return monotonic();
}

/** Ids for a deterministic run (the seed): the time and the randomness both come from the caller. */
export function idFactory(random: () => number): (timeMs: number) => string {
  return (timeMs) => ulid(Math.max(0, Math.floor(timeMs)), random);
}
