import { Badge, Button, Center, Group, Loader, Progress, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardWork } from '../../../src-main/contract/dashboard';
import type { ApiError } from '../../../src-main/contract/errors';
import { api } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInstant, weekdayTimeIn } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatMoney } from '../account/account-format';
import { GRADE_COLOR } from '../complaints/ComplaintRow';
import { useDuration } from '../inquiries/use-duration';
import { DashboardCard } from './DistributionCards';
import { formatDay } from './format-day';

/** `dashboard.work` at the page's now, again when the language changes (sources and dates are words). */
function useWork(): { work: DashboardWork | null; error: ApiError | null; reload: () => void } {
  const language = useUiStore((state) => state.language);
  const [work, setWork] = useState<DashboardWork | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('dashboard.work', { at: new Date().toISOString().slice(0, 19) + 'Z' }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setWork(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [language, asked]);
  return { work, error, reload: () => setAsked((n) => n + 1) };
}

/** A line of a work list that opens its record. */
function WorkLine({ onOpen, label, children, testId }: { onOpen: () => void; label: string; children: ReactNode; testId: string }) {
  return (
    <UnstyledButton onClick={onOpen} aria-label={label} p={6} style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'block', width: '100%' }} data-testid={testId}>
      {children}
    </UnstyledButton>
  );
}

function More({ shown, count }: { shown: number; count: number }) {
  const { t } = useTranslation();
  if (count <= shown) return null;
  return (
    <Text size="xs" c="dimmed" px={6}>
      {t('dashboardWork.more', { count: count - shown })}
    </Text>
  );
}

function Empty({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}

/** What needs the user this week: first replies against the SLA, quotes about to expire, late complaints, overdue money. */
export function WorkCards() {
  const { t } = useTranslation();
  const { work, error, reload } = useWork();
  if (error) return <ApiErrorAlert error={error} onRetry={reload} testId="dashboard-work-error" />;
  if (!work) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="dashboard-work">
      <FirstResponseCard stats={work.firstResponse} />
      <ExpiringQuotesCard quotes={work.quotesExpiring} />
      <OverdueComplaintsCard complaints={work.complaintsOverdue} />
      <OverdueReceivablesCard receivables={work.receivablesOverdue} />
    </SimpleGrid>
  );
}

function FirstResponseCard({ stats }: { stats: DashboardWork['firstResponse'] }) {
  const { t } = useTranslation();
  const setPage = useUiStore((state) => state.setPage);
  const duration = useDuration();
  const share = (value: number | null) => (value === null ? null : Math.round(value * 100));
  const all = share(stats.all.withinSlaShare);
  return (
    <DashboardCard title={t('dashboardWork.firstResponse.title')} hint={t('dashboardWork.firstResponse.hint')} testId="dashboard-first-response">
      {stats.all.count === 0 || all === null ? (
        <Empty testId="first-response-none">{t('dashboardWork.firstResponse.none')}</Empty>
      ) : (
        <Stack gap="sm">
          <Group gap="xs" align="baseline">
            <Text fw={700} size="lg" data-testid="first-response-share">
              {t('dashboardWork.firstResponse.withinSla', { percent: all })}
            </Text>
            {stats.all.medianMinutes !== null && (
              <Text size="sm" c="dimmed">
                {t('dashboardWork.firstResponse.median', { duration: duration(stats.all.medianMinutes) })}
              </Text>
            )}
          </Group>
          {stats.sources
            .filter((row) => row.count > 0 && row.source !== 'all')
            .map((row) => {
              const percent = share(row.withinSlaShare) ?? 0;
              return (
                <div key={row.source} data-testid={`first-response-${row.source}`}>
                  <Group justify="space-between" wrap="nowrap" gap="xs" mb={2}>
                    <Text size="sm">{t('dashboardWork.firstResponse.source', { source: t(`inquiries.sources.${row.source as 'email'}`), hours: row.slaHours ?? '—' })}</Text>
                    <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {percent} %
                    </Text>
                  </Group>
                  <Progress value={percent} color={percent >= 90 ? 'teal' : percent >= 70 ? 'yellow' : 'red'} size="sm" aria-hidden />
                </div>
              );
            })}
        </Stack>
      )}
      <Group justify="flex-end" mt="sm">
        <Button size="xs" variant="light" onClick={() => setPage('inquiries')} data-testid="first-response-open">
          {t('dashboardWork.firstResponse.open')}
        </Button>
      </Group>
    </DashboardCard>
  );
}

function CountBadge({ count, color }: { count: number; color: string }) {
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="light" color={color}>
      {count}
    </Badge>
  );
}

function ExpiringQuotesCard({ quotes }: { quotes: DashboardWork['quotesExpiring'] }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const openQuote = useUiStore((state) => state.openQuote);
  return (
    <DashboardCard title={t('dashboardWork.quotes.title')} hint={t('dashboardWork.quotes.hint')} badge={<CountBadge count={quotes.count} color="orange" />} testId="dashboard-quotes-expiring">
      {quotes.count === 0 ? (
        <Empty testId="quotes-expiring-none">{t('dashboardWork.quotes.none')}</Empty>
      ) : (
        <Stack gap={0}>
          {quotes.rows.map((quote) => (
            <WorkLine
              key={quote.quoteId}
              onOpen={() => openQuote(quote.quoteId)}
              label={t('dashboardWork.quotes.openLabel', { number: quote.number, account: quote.accountName })}
              testId="quote-expiring"
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm" fw={600} truncate="end">
                  {quote.number} · {quote.accountName}
                </Text>
                {quote.total !== null && (
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(quote.total, quote.currency, language)}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="var(--tb-text-warning)">
                {t('dashboardWork.quotes.ends', { day: formatDay(quote.validThrough, language), when: weekdayTimeIn(new Date(quote.endsAt), quote.timeZone, language) ?? quote.endsAt })}
              </Text>
            </WorkLine>
          ))}
          <More shown={quotes.rows.length} count={quotes.count} />
        </Stack>
      )}
    </DashboardCard>
  );
}

function OverdueComplaintsCard({ complaints }: { complaints: DashboardWork['complaintsOverdue'] }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const setPage = useUiStore((state) => state.setPage);
  return (
    <DashboardCard title={t('dashboardWork.complaints.title')} hint={t('dashboardWork.complaints.hint')} badge={<CountBadge count={complaints.count} color="red" />} testId="dashboard-complaints-overdue">
      {complaints.count === 0 ? (
        <Empty testId="complaints-overdue-none">{t('dashboardWork.complaints.none')}</Empty>
      ) : (
        <Stack gap={0}>
          {complaints.rows.map((complaint) => (
            <WorkLine key={complaint.complaintId} onOpen={() => setPage('complaints')} label={`${complaint.subject} · ${complaint.accountName}`} testId="complaint-overdue">
              <Group gap={6} wrap="nowrap">
                <Badge size="sm" variant="light" color={GRADE_COLOR[complaint.grade]}>
                  {complaint.grade}
                </Badge>
                <Text size="sm" fw={600} truncate="end">
                  {complaint.subject} · {complaint.accountName}
                </Text>
              </Group>
              <Text size="xs" c="red.9">
                {t(`dashboardWork.complaints.${complaint.missed}`, { when: formatInstant(complaint.dueAt, language) })}
              </Text>
            </WorkLine>
          ))}
          <More shown={complaints.rows.length} count={complaints.count} />
        </Stack>
      )}
      <Group justify="flex-end" mt="sm">
        <Button size="xs" variant="light" onClick={() => setPage('complaints')} data-testid="complaints-overdue-open">
          {t('dashboardWork.complaints.open')}
        </Button>
      </Group>
    </DashboardCard>
  );
}

function OverdueReceivablesCard({ receivables }: { receivables: DashboardWork['receivablesOverdue'] }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const openAccount = useUiStore((state) => state.openAccount);
  const money = (amount: number) => formatMoney(amount, receivables.baseCurrency, language);
  return (
    <DashboardCard
      title={t('dashboardWork.receivables.title')}
      hint={t('dashboardWork.receivables.hint')}
      badge={<CountBadge count={receivables.accounts.length} color="red" />}
      testId="dashboard-receivables-overdue"
    >
      {receivables.count === 0 ? (
        <Empty testId="receivables-overdue-none">{t('dashboardWork.receivables.none')}</Empty>
      ) : (
        <Stack gap={4}>
          <Text fw={700} data-testid="receivables-overdue-total">
            {t('dashboardWork.receivables.total', { amount: money(receivables.overdueBase), count: receivables.count })}
          </Text>
          <Stack gap={0}>
            {receivables.accounts.map((account) => (
              <WorkLine key={account.accountId} onOpen={() => openAccount(account.accountId)} label={t('dashboardWork.receivables.openLabel', { account: account.accountName })} testId="receivable-overdue">
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm" fw={600} truncate="end">
                    {account.accountName}
                  </Text>
                  <Text size="sm" c="red.9" style={{ whiteSpace: 'nowrap' }}>
                    {money(account.overdueBase)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('dashboardWork.receivables.days', { count: account.maxDaysOverdue })}
                </Text>
              </WorkLine>
            ))}
          </Stack>
        </Stack>
      )}
    </DashboardCard>
  );
}
