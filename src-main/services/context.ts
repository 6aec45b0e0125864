import { countryOfZone } from '../domain/countries';
import type { Book } from '../db/book';
import type { HostFacts } from '../domain/settings';

/** What every service gets: the open book, the clock (an instant `YYYY-MM-DDTHH:MM:SSZ`) and host facts. */
export interface ServiceContext {
  book: Book;
  now(): string;
  host: HostFacts;
}

export function systemClock(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The laptop's zone and its country, used as defaults for the user's own settings at `init`. */
export function hostFacts(): HostFacts {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return { timeZone, country: countryOfZone(timeZone) ?? 'CN' };
}
