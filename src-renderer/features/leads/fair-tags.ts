/**
 * The tags of the day's leads (the fair's name): kept in localStorage with the local day they were typed on, and
 * offered again for every lead until the day ends.
 */
const KEY = 'tradebook.leadTags';

const today = (now: Date) => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export function todaysTags(now = new Date()): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { day?: unknown; tags?: unknown } | null;
    if (!stored || stored.day !== today(now) || !Array.isArray(stored.tags)) return [];
    return stored.tags.filter((t): t is string => typeof t === 'string').slice(0, 20);
  } catch {
    return [];
  }
}

export function rememberTags(tags: readonly string[], now = new Date()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ day: today(now), tags }));
  } catch {
    // Storage full or off: the next lead starts without the fair's name.
  }
}
