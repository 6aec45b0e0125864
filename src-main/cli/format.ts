/** Plain-text output for people (scripts use --json). */
function line(value: Record<string, unknown>): string {
  const keys = ['id', 'name', 'country', 'timeZone', 'orderedAt', 'date', 'amount', 'currency', 'amountBase', 'rate', 'key', 'value', 'status', 'dueAt', 'title'];
  const parts = keys.filter((k) => k in value && value[k] !== null).map((k) => (typeof value[k] === 'object' ? JSON.stringify(value[k]) : String(value[k])));
  return parts.length > 0 ? parts.join('  ') : JSON.stringify(value);
}

export function formatHuman(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' ? line(v as Record<string, unknown>) : String(v))).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join('\n');
  }
  return String(value);
}
