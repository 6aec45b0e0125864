/**
 * Trade-fair capture (issue 13 item 1): the zone suggested for a lead from their country and city. A one-zone
 * country has its zone whatever the city; in a multi-zone country the city picks it, else the country's main zone
 * (domain/main-zones.ts).
 */
import { describe, expect, it } from 'vitest';
import { suggestZoneForCity } from '../../src-main/domain/leads/city-zones';
import { mainZoneByCountry } from '../../src-main/domain/main-zones';

describe('suggestZoneForCity', () => {
  it('a one-zone country has its zone whatever the city', () => {
    // Spain has Africa/Ceuta and Atlantic/Canary too, but its main zone is Madrid's.
    for (const city of ['Madrid', 'Valencia', 'Sevilla', 'Nowhere', '', null, undefined]) expect(suggestZoneForCity('ES', city), String(city)).toBe('Europe/Madrid');
    expect(suggestZoneForCity('DE', 'Frankfurt am Main')).toBe('Europe/Berlin');
  });

  it('in the US the city picks the zone: named after it, a listed trade city, else the main zone', () => {
    expect(suggestZoneForCity('US', 'Chicago')).toBe('America/Chicago');
    expect(suggestZoneForCity('US', '  chicago ')).toBe('America/Chicago');
    expect(suggestZoneForCity('US', 'Los Angeles')).toBe('America/Los_Angeles');
    expect(suggestZoneForCity('US', 'Houston')).toBe('America/Chicago');
    expect(suggestZoneForCity('US', 'Seattle')).toBe('America/Los_Angeles');
    expect(suggestZoneForCity('US', 'St. Louis')).toBe('America/Chicago');
    expect(suggestZoneForCity('US', 'Springfield')).toBe(mainZoneByCountry.US);
    expect(suggestZoneForCity('US', null)).toBe(mainZoneByCountry.US);
    expect(mainZoneByCountry.US).toBe('America/New_York');
  });

  it('Australia and Brazil: Perth, São Paulo with or without accents, Manaus', () => {
    expect(suggestZoneForCity('AU', 'Perth')).toBe('Australia/Perth');
    expect(suggestZoneForCity('AU', 'Fremantle')).toBe('Australia/Perth');
    expect(suggestZoneForCity('AU', 'Alice Springs')).toBe('Australia/Sydney');
    expect(suggestZoneForCity('BR', 'São Paulo')).toBe('America/Sao_Paulo');
    expect(suggestZoneForCity('BR', 'SAO PAULO')).toBe('America/Sao_Paulo');
    expect(suggestZoneForCity('BR', 'Manaus')).toBe('America/Manaus');
    expect(suggestZoneForCity('BR', 'Florianópolis')).toBe('America/Sao_Paulo');
  });

  it('a city is only read in its own country', () => {
    // Perth in Scotland is in the UK's one zone.
    expect(suggestZoneForCity('GB', 'Perth')).toBe('Europe/London');
    expect(suggestZoneForCity('CA', 'Chicago')).toBe(mainZoneByCountry.CA);
  });

  it('an unknown country has no suggestion', () => {
    expect(suggestZoneForCity('XX', 'Chicago')).toBeNull();
    expect(suggestZoneForCity('ZZ', null)).toBeNull();
  });
});
