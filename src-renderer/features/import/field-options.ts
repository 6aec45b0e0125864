import type { TFunction } from 'i18next';
import { entityOf, type ImportField } from '../../../src-main/domain/import/fields';

/** The Select value for "ignore this column" (a Select cannot hold null as an option). */
export const IGNORE = '__ignore';

export interface FieldGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** A field's name for people: "Company name" / "公司名称". */
export function fieldLabel(t: TFunction, field: ImportField): string {
  return t(`transfer.fields.${field}`);
}

/** The Select's options: Ignore, then the fields the preview offers grouped by record, account, contact, order. */
export function fieldOptions(t: TFunction, fields: readonly ImportField[]): FieldGroup[] {
  const groups: FieldGroup[] = [{ group: t('transfer.import.ignore'), items: [{ value: IGNORE, label: t('transfer.import.ignore') }] }];
  for (const entity of ['id', 'account', 'contact', 'order'] as const) {
    const items = fields.filter((f) => entityOf(f) === entity).map((f) => ({ value: f, label: fieldLabel(t, f) }));
    if (items.length > 0) groups.push({ group: t(`transfer.import.groups.${entity === 'id' ? 'record' : entity}`), items });
  }
  return groups;
}
