/**
 * The fields of `after` whose values differ from `before` (arrays and objects compared by value): what an edit form
 * sends, so an untouched field is not written again — and a teammate's edit of it survives the next merge.
 */
export function changedFields<T extends object>(before: Partial<T>, after: T): Partial<T> {
  const old = before as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(old[key]))) as Partial<T>;
}
