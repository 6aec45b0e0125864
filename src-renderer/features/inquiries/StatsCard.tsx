import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInstant, formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { useInquiriesStore } from './inquiries-store';
import { ResponseChart } from './ResponseChart';
import { useDuration } from './use-duration';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** R1's statistics: first-reply median, p90 and the share within the SLA per source, over a period, with the chart. */
export function StatsCard() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { stats, statsError, loadStats } = useInquiriesStore();
  const duration = useDuration();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const shownFrom = from ?? stats?.from ?? '';
  const shownTo = to ?? stats?.to ?? '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!DAY.test(shownFrom) || !DAY.test(shownTo) || shownFrom > shownTo) {
      setInvalid(true);
      return;
    }
    void loadStats({ from: shownFrom, to: shownTo });
  };
  const minutes = (value: number | null) => (value === null ? t('common.none') : duration(value));
  return (
    <Paper withBorder radius="md" p="md" data-testid="stats-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('inquiries.stats.title')}
        </Title>
        <form noValidate onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput type="date" label={t('inquiries.stats.from')} value={shownFrom} onChange={(e) => (setFrom(e.currentTarget.value), setInvalid(false))} data-testid="stats-from" />
            <TextInput type="date" label={t('inquiries.stats.to')} value={shownTo} onChange={(e) => (setTo(e.currentTarget.value), setInvalid(false))} data-testid="stats-to" />
            <Button type="submit" variant="default" data-testid="stats-apply">
              {t('inquiries.inbox.refresh')}
            </Button>
          </Group>
          {invalid && (
            <Text size="sm" c="red" mt={4} role="alert" data-testid="stats-invalid">
              {t('inquiries.stats.invalidPeriod')}
            </Text>
          )}
        </form>
        {statsError && <ApiErrorAlert error={statsError} onRetry={() => void loadStats()} testId="stats-error" />}
        {stats && (
          <>
            <Text size="xs" c="dimmed" data-testid="stats-period">
              {t('inquiries.stats.period', { from: stats.from, to: stats.to, asOf: formatInstant(stats.asOf, language) })}
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={4} aria-label={t('inquiries.stats.tableLabel')} data-testid="stats-table">
                <Table.Thead>
                  <Table.Tr>
                    {(['source', 'sla', 'count', 'replied', 'median', 'p90', 'withinSla'] as const).map((column) => (
                      <Table.Th key={column}>{t(`inquiries.stats.columns.${column}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...stats.sources, stats.all].map((row) => (
                    <Table.Tr key={row.source} data-testid="stats-row" data-source={row.source} fw={row.source === 'all' ? 600 : undefined}>
                      <Table.Td>{t(`inquiries.sources.${row.source}`)}</Table.Td>
                      <Table.Td>{row.slaHours === null ? t('common.none') : t('inquiries.stats.slaHours', { hours: row.slaHours })}</Table.Td>
                      <Table.Td>{formatNumber(row.count, language)}</Table.Td>
                      <Table.Td>{formatNumber(row.replied, language)}</Table.Td>
                      <Table.Td data-testid="stats-median">{minutes(row.medianMinutes)}</Table.Td>
                      <Table.Td>{minutes(row.p90Minutes)}</Table.Td>
                      <Table.Td data-testid="stats-within">
                        {row.withinSlaShare === null ? t('common.none') : t('inquiries.stats.share', { value: formatNumber(Math.round(row.withinSlaShare * 1000) / 10, language) })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ResponseChart stats={stats} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
