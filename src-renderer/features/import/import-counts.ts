import type { TFunction } from 'i18next';
import type { ImportReport } from '../../../src-main/contract/transfer';
import { formatNumber, type Language } from '../../i18n';

/** "12 rows", "3 accounts", "5 contacts", "0 orders" for an import report's sentence. */
export function reportCounts(t: TFunction, language: Language, report: ImportReport) {
  const n = (count: number) => ({ count, formatted: formatNumber(count, language) });
  return {
    rows: t('transfer.import.rows', n(report.rows)),
    accounts: t('transfer.import.accounts', n(report.imported.accounts)),
    contacts: t('transfer.import.contacts', n(report.imported.contacts)),
    orders: t('transfer.import.orders', n(report.imported.orders)),
  };
}
