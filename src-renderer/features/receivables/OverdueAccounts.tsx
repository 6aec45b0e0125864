import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReceivablesReport } from '../../../src-main/contract/receivables';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatMoney } from '../account/account-format';

/** The accounts with overdue orders, the most owed first; a name opens the account. */
export function OverdueAccounts({ report }: { report: ReceivablesReport }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="receivables-by-account">
      <Title order={3} size="h5" mb="xs">
        {t('receivables.byAccount.title')}
      </Title>
      {report.overdueByAccount.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="receivables-by-account-none">
          {t('receivables.byAccount.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} aria-label={t('receivables.byAccount.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('receivables.byAccount.account')}</Table.Th>
                <Table.Th w={160} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('receivables.byAccount.orders')}
                </Table.Th>
                <Table.Th w={160} ta="right">
                  {t('receivables.byAccount.maxDays')}
                </Table.Th>
                <Table.Th w={180} ta="right">
                  {t('receivables.byAccount.overdue')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.overdueByAccount.map((account) => (
                <Table.Tr key={account.accountId} data-testid="overdue-account" data-account-id={account.accountId} data-amount={account.overdueBase}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      fw={600}
                      onClick={() => useUiStore.getState().openAccount(account.accountId)}
                      data-testid="overdue-account-name"
                    >
                      {account.accountName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{formatNumber(account.count, language)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{t('receivables.table.daysLate', { count: account.maxDaysOverdue, formatted: formatNumber(account.maxDaysOverdue, language) })}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={600} c="red.9" data-testid="overdue-account-amount">
                      {formatMoney(account.overdueBase, report.baseCurrency, language)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
