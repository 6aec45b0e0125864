import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScoreSummary } from '../../../src-main/contract/models';
import { countryName, formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { ScoreMeter } from '../accounts/ScoreBadges';
import { DashboardCard } from './DistributionCards';
import { formatDay } from './format-day';

/** R14's churn warnings, most valuable accounts first; a row (click or Enter) opens the account. */
export function ChurnWarnings({ summary }: { summary: ScoreSummary }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { total, items } = summary.churnWarnings;
  const open = (accountId: string) => useUiStore.getState().openAccount(accountId);
  return (
    <DashboardCard
      title={t('dashboard.churn.title')}
      hint={t('dashboard.churn.hint')}
      testId="dashboard-churn"
      badge={
        <Badge color={total > 0 ? 'red' : 'green'} variant="light" data-testid="dashboard-churn-total" data-count={total}>
          {formatNumber(total, language)}
        </Badge>
      }
    >
      {total > items.length && (
        <Text size="xs" c="dimmed" mb="xs" mt={-8}>
          {t('dashboard.churn.shown', { shown: formatNumber(items.length, language), total: formatNumber(total, language) })}
        </Text>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="dashboard-churn-none">
          {t('dashboard.churn.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} maxHeight={420}>
          <Table highlightOnHover verticalSpacing={6} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={280}>{t('dashboard.churn.account')}</Table.Th>
                <Table.Th w={150}>{t('dashboard.churn.country')}</Table.Th>
                <Table.Th w={90}>{t('dashboard.churn.value')}</Table.Th>
                <Table.Th>{t('dashboard.churn.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr
                  key={item.accountId}
                  data-testid="dashboard-churn-row"
                  data-account-id={item.accountId}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  onClick={() => open(item.accountId)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') open(item.accountId);
                  }}
                >
                  <Table.Td>
                    <Text size="sm" fw={600} lineClamp={1}>
                      {item.accountName}
                    </Text>
                    {item.since && item.since !== item.asOf && (
                      <Text size="xs" c="dimmed">
                        {t('dashboard.churn.since', { date: formatDay(item.since, language) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{countryName(item.country, language)}</Text>
                  </Table.Td>
                  <Table.Td>{item.value !== null && <ScoreMeter score={item.value} label={t('accounts.valueTitle', { value: Math.round(item.value) })} />}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {item.reason}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DashboardCard>
  );
}
