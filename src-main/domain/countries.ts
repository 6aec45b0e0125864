import ct from 'countries-and-timezones';
import { mainZoneByCountry } from './main-zones';

export function isKnownCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && Object.hasOwn(mainZoneByCountry, code);
}

/** The zone to suggest for a country: its main zone, not the alphabetically first one. */
export function suggestedZone(country: string): string | null {
  return isKnownCountry(country) ? (mainZoneByCountry[country] ?? null) : null;
}

/** Every zone in use in a country, the suggested one first (multi-zone countries offer a choice). */
export function zonesOfCountry(country: string): string[] {
  const main = suggestedZone(country);
  if (!main) return [];
  const others = ct.getCountry(country)?.timezones ?? [];
  return [main, ...others.filter((zone) => zone !== main)];
}

export function allCountries(): string[] {
  return Object.keys(mainZoneByCountry);
}

/** The country a zone belongs to (its first), e.g. Europe/Madrid → ES; used for the user's own country. */
export function countryOfZone(zone: string): string | null {
  for (const [country, main] of Object.entries(mainZoneByCountry)) if (main === zone) return country;
  return ct.getTimezone(zone)?.countries[0] ?? null;
}
