import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LostReasonsReport } from '../../../src-main/contract/quotes';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatAmount, monthLabel, monthSeries, reasonColor } from './lost-deals-format';

/** A reason's or a fact's name from its code; the code itself when the UI does not know it. */
function useNames() {
  const { t } = useTranslation();
  return {
    reason: (reason: string) => t(`lostDeals.reason.${reason}`, { defaultValue: reason }),
    fact: (fact: string) => t(`lostDeals.factName.${fact}`, { defaultValue: fact }),
  };
}

const swatch = (reason: string) => (
  <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, marginRight: 6, display: 'inline-block', background: `var(--mantine-color-${reasonColor(reason)}-6)` }} />
);

/** R9: lost quotes by reason (most first), each with its share and the facts that came with it and how often. */
export function ReasonsTable({ report }: { report: LostReasonsReport }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const names = useNames();
  return (
    <Table verticalSpacing={6} aria-label={t('lostDeals.report.byReasonLabel')} data-testid="lost-reasons-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('lostDeals.report.column.reason')}</Table.Th>
          <Table.Th w={80} ta="right">
            {t('lostDeals.report.column.count')}
          </Table.Th>
          <Table.Th w={90} ta="right">
            {t('lostDeals.report.column.share')}
          </Table.Th>
          <Table.Th>{t('lostDeals.report.column.facts')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.reasons.map((row) => (
          <Table.Tr key={row.reason} data-testid="lost-reason-row" data-reason={row.reason}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {swatch(row.reason)}
              <span data-testid="lost-reason-name">{names.reason(row.reason)}</span>
            </Table.Td>
            <Table.Td ta="right" data-testid="lost-reason-count">
              {formatNumber(row.count, language)}
            </Table.Td>
            <Table.Td ta="right" data-testid="lost-reason-share">
              {t('lostDeals.report.share', { percent: formatAmount(row.share, language) })}
            </Table.Td>
            <Table.Td data-testid="lost-reason-facts">
              {row.facts.length === 0 ? (
                <Text span size="sm" c="dimmed">
                  {t('lostDeals.report.noFacts')}
                </Text>
              ) : (
                row.facts.map((f) => `${names.fact(f.fact)} ×${formatNumber(f.count, language)}`).join(' · ')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** R9: the chart's numbers as a table: every month of the period, its lost quotes and their reasons. */
export function MonthsTable({ report }: { report: LostReasonsReport }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const names = useNames();
  return (
    <Table verticalSpacing={4} aria-label={t('lostDeals.report.byMonthLabel')} data-testid="lost-months-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>{t('lostDeals.report.column.month')}</Table.Th>
          <Table.Th w={80} ta="right">
            {t('lostDeals.report.column.total')}
          </Table.Th>
          <Table.Th>{t('lostDeals.report.column.reasons')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {monthSeries(report).map((month) => (
          <Table.Tr key={month.month} data-testid="lost-month-row" data-month={month.month}>
            <Table.Td>{monthLabel(month.month, language)}</Table.Td>
            <Table.Td ta="right" data-testid="lost-month-total">
              {formatNumber(month.total, language)}
            </Table.Td>
            <Table.Td data-testid="lost-month-reasons">
              {month.reasons.map((r) => `${names.reason(r.reason)} ${formatNumber(r.count, language)}`).join(' · ') || t('common.none')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
