import type { TFunction } from 'i18next';

/** The tables a share file carries, in the order the book writes them (the same list as src-main/domain/sharing). */
export const shareTables = [
  'accounts',
  'contacts',
  'interactions',
  'inquiries',
  'quotes',
  'quote_versions',
  'quote_items',
  'quote_stages',
  'quote_questions',
  'fx_rates',
  'orders',
  'order_lines',
  'payments',
  'complaints',
  'calendar_overrides',
  'task_states',
] as const;
type ShareTable = (typeof shareTables)[number];

const isShareTable = (name: string): name is ShareTable => (shareTables as readonly string[]).includes(name);

/** A table's name for people ("Quote items" / "报价明细"); a table this UI does not know yet keeps its own name. */
export function tableLabel(t: TFunction, table: string): string {
  return isShareTable(table) ? t(`sharing.tables.${table}`) : table;
}

/** Entries of a per-table record in the book's order, unknown tables last. */
export function byTableOrder<T>(record: Record<string, T>): [string, T][] {
  const rank = (name: string) => (isShareTable(name) ? shareTables.indexOf(name) : shareTables.length);
  return Object.entries(record).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
