import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Receivable, ReceivablesReport } from '../../../src-main/contract/receivables';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatCalendarDate, formatMoney } from '../account/account-format';
import { orderLabel } from './receivables-store';

interface ReceivablesTableProps {
  report: ReceivablesReport;
  onRecord: (row: Receivable) => void;
}

function DaysCell({ days }: { days: number | null }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  if (days === null) return <Text size="sm" c="dimmed">{t('receivables.table.noDueDate')}</Text>;
  if (days > 0) {
    return (
      <Text size="sm" fw={600} c={days > 60 ? 'red.8' : days > 30 ? 'orange.7' : 'yellow.8'}>
        {t('receivables.table.daysLate', { count: days, formatted: formatNumber(days, language) })}
      </Text>
    );
  }
  if (days === 0) return <Text size="sm">{t('receivables.table.dueToday')}</Text>;
  return (
    <Text size="sm" c="dimmed">
      {t('receivables.table.daysLeft', { count: -days, formatted: formatNumber(-days, language) })}
    </Text>
  );
}

/** The open orders, most days late first: account, order, due date, days late, outstanding (own and base currency). */
export function ReceivablesTable({ report, onRecord }: ReceivablesTableProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing={6} aria-label={t('receivables.table.label')} data-testid="receivables-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('receivables.table.account')}</Table.Th>
            <Table.Th w={120}>{t('receivables.table.number')}</Table.Th>
            <Table.Th w={150}>{t('receivables.table.dueOn')}</Table.Th>
            <Table.Th w={140}>{t('receivables.table.daysOverdue')}</Table.Th>
            <Table.Th w={210} ta="right">
              {t('receivables.table.outstanding')}
            </Table.Th>
            <Table.Th w={150} ta="right">
              {t('receivables.table.outstandingBase', { currency: report.baseCurrency })}
            </Table.Th>
            <Table.Th w={150}>
              <VisuallyHidden>{t('receivables.table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr
              key={row.orderId}
              data-testid="receivable-row"
              data-order-id={row.orderId}
              data-bucket={row.bucket}
              data-days={row.daysOverdue ?? undefined}
              data-outstanding={row.outstanding}
              data-outstanding-base={row.outstandingBase}
            >
              <Table.Td>
                <Anchor component="button" type="button" size="sm" fw={600} onClick={() => useUiStore.getState().openAccount(row.accountId)} data-testid="receivable-account">
                  {row.accountName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.number ? undefined : 'dimmed'} data-testid="receivable-number">
                  {row.number ?? t('receivables.table.noNumber')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="receivable-due">
                  {row.dueOn ? formatCalendarDate(row.dueOn, language) : '—'}
                </Text>
              </Table.Td>
              <Table.Td data-testid="receivable-days">
                <DaysCell days={row.daysOverdue} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} data-testid="receivable-outstanding">
                  {formatMoney(row.outstanding, row.currency, language)}
                </Text>
                {row.paid > 0 && (
                  <Text size="xs" c="dimmed" data-testid="receivable-paid">
                    {t('receivables.table.paidOf', { paid: formatMoney(row.paid, row.currency, language), amount: formatMoney(row.amount, row.currency, language) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" data-testid="receivable-outstanding-base">
                  {formatMoney(row.outstandingBase, report.baseCurrency, language)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => onRecord(row)}
                  aria-label={t('receivables.recordLabel', { order: orderLabel(row), name: row.accountName })}
                  data-testid="receivable-record"
                >
                  {t('receivables.record')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
