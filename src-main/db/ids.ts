import { ulid } from 'ulid';

/** A new record id: a ULID (time-ordered, unique across books so they can be merged). */
export function newId(): string {
  return ulid();
}

/** Ids for a deterministic run (the seed): the time and the randomness both come from the caller. */
export function idFactory(random: () => number): (timeMs: number) => string {
  return (timeMs) => ulid(Math.max(0, Math.floor(timeMs)), random);
}
