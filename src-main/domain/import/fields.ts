/**
 * What a column of an imported file can hold: one of these fields, or nothing (ignored). A row of the file is
 * flat — its company, optionally one contact of it and optionally one order of it — so a contacts export with many
 * people per company, an accounts export and an orders export all read the same way.
 */
export const IMPORT_FIELDS = [
  // The source system's record id: only used to find the same record twice in one file.
  'id',
  'account.name',
  'account.country',
  'account.city',
  'account.timeZone',
  'account.language',
  'account.currency',
  'account.source',
  'account.owner',
  'account.notes',
  'contact.name',
  'contact.firstName',
  'contact.lastName',
  'contact.title',
  'contact.email',
  'contact.phone',
  'contact.whatsapp',
  'contact.wechat',
  'contact.notes',
  'order.number',
  'order.date',
  'order.amount',
  'order.currency',
  'order.cost',
  'order.quantity',
  'order.unit',
  'order.dueOn',
  'order.paidOn',
  'order.shippedOn',
  'order.deliveredOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields several columns may feed (Email and Email 2, Phone and Mobile); every other field takes one column. */
export const MULTI_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(['contact.email', 'contact.phone']);

export function isImportField(name: string): name is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(name);
}

export const entityOf = (field: ImportField): 'id' | 'account' | 'contact' | 'order' =>
  field === 'id' ? 'id' : (field.slice(0, field.indexOf('.')) as 'account' | 'contact' | 'order');

/** One cell of a row, as read, with the column it came from (for the error report). */
export interface CellValue {
  column: string;
  value: string;
}

/** A row's cells by field (multi fields keep every column's value, in column order). */
export type FieldValues = Partial<Record<ImportField, CellValue[]>>;

/** Column i of the file feeds mapping[i] (null: ignored). */
export type ColumnMapping = readonly (ImportField | null)[];

/** The cells of a row put under their fields; empty cells are left out. */
export function fieldValues(headers: readonly string[], mapping: ColumnMapping, cells: readonly string[]): FieldValues {
  const out: FieldValues = {};
  for (let i = 0; i < mapping.length; i++) {
    const field = mapping[i];
    if (!field) continue;
    const value = (cells[i] ?? '').trim();
    if (value === '') continue;
    (out[field] ??= []).push({ column: headers[i] ?? field, value });
  }
  return out;
}
