import ct from 'countries-and-timezones';

/** Every zone name we know, by its lower-case form: the runtime's, the tz database's (incl. renamed ones). */
let spellings: Map<string, string> | null = null;
function spellingOf(zone: string): string | undefined {
  if (!spellings) {
    spellings = new Map();
    for (const name of [...Intl.supportedValuesOf('timeZone'), ...Object.keys(ct.getAllTimezones())]) spellings.set(name.toLowerCase(), name);
    spellings.set('utc', 'UTC');
  }
  return spellings.get(zone.toLowerCase());
}

/** IANA zone names: Area/Location (or UTC), accepted by the runtime's time-zone database. */
const ZONE_SHAPE = /^(UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;
const known = new Map<string, string | null>();

/** The zone's canonical spelling (case fixed), or null when the runtime does not know it. */
export function resolveTimeZone(zone: string): string | null {
  const cached = known.get(zone);
  if (cached !== undefined) return cached;
  let resolved: string | null = null;
  if (ZONE_SHAPE.test(zone)) {
    try {
      const id = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
      // ICU may answer with an older alias (Asia/Kolkata → Asia/Calcutta): keep the name asked for then,
      // spelt as the tz database spells it.
      resolved = id.toLowerCase() === zone.toLowerCase() ? id : (spellingOf(zone) ?? zone);
    } catch {
      resolved = null;
    }
  }
  known.set(zone, resolved);
  return resolved;
}

export function isKnownTimeZone(zone: string): boolean {
  return resolveTimeZone(zone) !== null;
}
