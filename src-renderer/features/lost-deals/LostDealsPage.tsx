import { Button, Center, EmptyState, Group, Loader, Notification, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { LoseQuoteDialog } from './LoseQuoteDialog';
import { LostReasonsChart } from './LostReasonsChart';
import { inPeriod } from './lost-deals-format';
import { useLostDealsStore } from './lost-deals-store';
import { PeriodPicker } from './PeriodPicker';
import { LostQuotesTable, OpenQuotesTable } from './QuoteTables';
import { MonthsTable, ReasonsTable } from './ReportTables';

/** The user's own zone (the browser's), in which the report's days are read. */
const userZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * R9: the lost-reasons report over a period — by reason (count, share, the facts that came with it) and by month
 * (a chart and its table) — the period's lost quotes, and the open quotes with "Mark lost".
 */
export function LostDealsPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { report, period, openQuotes, lostQuotes, names, loading, error } = useLostDealsStore();
  const load = useLostDealsStore((state) => state.load);
  const setPeriod = useLostDealsStore((state) => state.setPeriod);
  const [losing, setLosing] = useState<Quote | null>(null);
  const [lost, setLost] = useState<Quote | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => (report ? { from: report.from, to: report.to } : null), [report]);
  const lostInPeriod = useMemo(() => {
    if (!report || !lostQuotes) return [];
    const zone = userZone();
    return lostQuotes.filter((q) => q.closedAt !== null && inPeriod(q.closedAt, report.from, report.to, zone));
  }, [report, lostQuotes]);

  const total = report?.total ?? 0;
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="lost-deals-page">
      <Stack gap={2}>
        <Group gap="md" align="baseline" justify="space-between">
          <Group gap="md" align="baseline">
            <Title order={2}>{t('lostDeals.title')}</Title>
            {report && (
              <Text size="sm" c="dimmed" data-testid="lost-total" data-count={total} aria-live="polite">
                {t('lostDeals.total', { count: total, formatted: formatNumber(total, language) })} · {t('lostDeals.period.shown', { from: report.from, to: report.to })}
              </Text>
            )}
          </Group>
          <Button variant="default" onClick={() => void load()} loading={loading && report !== null} data-testid="lost-refresh">
            {t('lostDeals.refresh')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" maw={820}>
          {t('lostDeals.intro')}
        </Text>
      </Stack>

      <PeriodPicker shown={shown} chosen={period !== null} onChoose={setPeriod} />

      {lost && (
        <Notification color="teal" withBorder onClose={() => setLost(null)} closeButtonProps={{ 'aria-label': t('common.close') }} role="status" data-testid="lost-notice">
          {t('lostDeals.lostNotice', { number: lost.number })}
        </Notification>
      )}

      {error && <ApiErrorAlert error={error} title={t('lostDeals.loadError')} onRetry={() => void load()} testId="lost-error" />}

      {report === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} data-testid="lost-loading" />
          </Center>
        )
      ) : report.total === 0 ? (
        <EmptyState data-testid="lost-empty" title={t('lostDeals.empty.title')} description={t('lostDeals.empty.description')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('lostDeals.report.byReason')}
              </Title>
              <ReasonsTable report={report} />
            </Stack>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('lostDeals.report.byMonth')}
              </Title>
              <LostReasonsChart report={report} />
              <MonthsTable report={report} />
            </Stack>
          </SimpleGrid>
          {lostInPeriod.length > 0 && (
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('lostDeals.lostList.title')}
              </Title>
              <LostQuotesTable quotes={lostInPeriod} names={names} />
            </Stack>
          )}
        </>
      )}

      {openQuotes && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('lostDeals.open.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('lostDeals.open.intro')}
          </Text>
          {openQuotes.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="open-quotes-empty">
              {t('lostDeals.open.empty')}
            </Text>
          ) : (
            <OpenQuotesTable quotes={openQuotes} names={names} onMarkLost={setLosing} />
          )}
        </Stack>
      )}

      <LoseQuoteDialog
        quoteId={losing?.id ?? null}
        onClose={() => setLosing(null)}
        onLost={(quote) => {
          setLost(quote);
          void load();
        }}
      />
    </Stack>
  );
}
