import { Badge, Button, Center, EmptyState, Group, Loader, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNow } from '../../hooks/use-now';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { useDuration } from '../inquiries/use-duration';
import { QUOTE_STATUSES, expiryState, formatDay, formatMoney, isQuoteStatus } from './quote-format';
import { QUOTES_LIMIT, useQuotesStore } from './quotes-store';

const STATUS_COLORS: Record<string, string> = { draft: 'gray', sent: 'blue', won: 'teal', lost: 'red', expired: 'orange' };
/** Under this many minutes left the countdown turns orange (a business day and a half). */
const SOON_MINUTES = 3 * 24 * 60;

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" data-testid="quote-status" data-status={status}>
      {isQuoteStatus(status) ? t(`quotes.status.${status}`) : status}
    </Badge>
  );
}

/** R7: the last valid day in the buyer's zone and the countdown to the end of it (or "expired"). */
export function ExpiryText({ quote, zone, nowMs }: { quote: Quote; zone: string; nowMs: number }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const duration = useDuration();
  const state = expiryState(quote, zone, nowMs);
  if (state.kind === 'closed' || state.kind === 'none') {
    return (
      <Text size="sm" c="dimmed" data-testid="quote-expiry" data-state={state.kind}>
        {t(state.kind === 'closed' ? 'quotes.expiry.closed' : 'quotes.expiry.none')}
      </Text>
    );
  }
  const flagged = quote.validity.fxFlag !== null;
  return (
    <Stack gap={0} data-testid="quote-expiry" data-state={state.kind} data-valid-through={state.validThrough} data-minutes-left={state.kind === 'left' ? state.minutes : undefined}>
      <Text size="sm" data-testid="quote-valid-through">
        {t(flagged ? 'quotes.expiry.cutThrough' : 'quotes.expiry.validThrough', { date: formatDay(state.validThrough, language) })}
      </Text>
      <Text size="xs" fw={600} c={state.kind === 'expired' ? 'red' : state.minutes < SOON_MINUTES ? 'var(--tb-text-warning)' : 'dimmed'} data-testid="quote-countdown">
        {state.kind === 'expired' ? t('quotes.expiry.expired') : state.minutes < 1 ? t('quotes.expiry.lessThanMinute') : t('quotes.expiry.left', { duration: duration(state.minutes) })}
      </Text>
    </Stack>
  );
}

/** The quotes, newest first, with their status, version, total and how long each stays valid in the buyer's zone. */
export function QuotesList() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { quotes, accounts, status, loading, error, load, setStatus, startNew } = useQuotesStore();
  const now = useNow();
  const [selected, setSelected] = useState(0);

  useEffect(() => {
    void load();
  }, [load]);

  const open = (quote: Quote) => useUiStore.getState().openQuote(quote.id);
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (!quotes || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(quotes.length - 1, selected + (event.key === 'ArrowDown' ? 1 : -1)));
    setSelected(next);
    document.querySelector<HTMLElement>(`[data-testid="quote-row"][data-index="${next}"]`)?.focus();
  };
  const count = quotes?.length ?? 0;

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="quotes-page">
      <Stack gap={2}>
        <Group gap="md" align="baseline" justify="space-between">
          <Group gap="md" align="baseline">
            <Title order={2}>{t('quotes.title')}</Title>
            {quotes && (
              <Text size="sm" c="dimmed" data-testid="quotes-count" data-count={count} aria-live="polite">
                {t('quotes.count', { count, formatted: formatNumber(count, language) })}
              </Text>
            )}
          </Group>
          <Group gap="sm" align="flex-end">
            <Select
              w={160}
              size="sm"
              aria-label={t('quotes.filter.label')}
              data={[{ value: 'all', label: t('quotes.filter.all') }, ...QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quotes.status.${s}`) }))]}
              value={status ?? 'all'}
              allowDeselect={false}
              onChange={(value) => setStatus(value && isQuoteStatus(value) ? value : null)}
              data-testid="quotes-status-filter"
            />
            <Button variant="default" onClick={() => void load()} loading={loading && quotes !== null} data-testid="quotes-refresh">
              {t('quotes.refresh')}
            </Button>
            <Button onClick={startNew} data-testid="quotes-add">
              {t('quotes.add')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('quotes.intro')} {t('quotes.keys')}
        </Text>
      </Stack>

      {error && <ApiErrorAlert error={error} title={t('quotes.loadError')} onRetry={() => void load()} testId="quotes-error" />}

      {quotes === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} data-testid="quotes-loading" />
          </Center>
        )
      ) : quotes.length === 0 ? (
        <EmptyState data-testid="quotes-empty" title={t(status ? 'quotes.empty.titleFiltered' : 'quotes.empty.title')} description={t('quotes.empty.description')} />
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table highlightOnHover verticalSpacing={6} aria-label={t('quotes.listLabel')} data-testid="quotes-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('quotes.column.number')}</Table.Th>
                <Table.Th>{t('quotes.column.account')}</Table.Th>
                <Table.Th w={110}>{t('quotes.column.status')}</Table.Th>
                <Table.Th w={80}>{t('quotes.column.version')}</Table.Th>
                <Table.Th w={150} style={{ textAlign: 'right' }}>
                  {t('quotes.column.total')}
                </Table.Th>
                <Table.Th w={120}>{t('quotes.column.quoteDate')}</Table.Th>
                <Table.Th w={230}>
                  {t('quotes.column.validity')}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('quotes.column.theirDay')}
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody onKeyDown={onKeyDown}>
              {quotes.map((quote, index) => {
                const account = accounts[quote.accountId];
                const total = quote.versions.find((v) => v.version === quote.currentVersion)?.total ?? null;
                return (
                  <Table.Tr
                    key={quote.id}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    aria-label={t('quotes.openLabel', { number: quote.number, account: account?.name ?? '' })}
                    onFocus={() => setSelected(index)}
                    onClick={() => open(quote)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' && event.target === event.currentTarget) open(quote);
                    }}
                    data-testid="quote-row"
                    data-index={index}
                    data-quote-id={quote.id}
                    data-number={quote.number}
                  >
                    <Table.Td>
                      <Text size="sm" fw={600} data-testid="quote-row-number">
                        {quote.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="quote-row-account">
                        {account?.name ?? t('quotes.unknownAccount')}
                      </Text>
                      {quote.specCoverage.asked > 0 && (
                        <Tooltip label={t('quotes.questions.label')}>
                          <Text size="xs" c={quote.specCoverage.answered < quote.specCoverage.asked ? 'var(--tb-text-warning)' : 'dimmed'} data-testid="quote-row-coverage">
                            {t('quotes.questions.coverage', { count: quote.specCoverage.asked, answered: quote.specCoverage.answered })}
                          </Text>
                        </Tooltip>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={quote.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="quote-row-version">
                        {t('quotes.version', { version: quote.currentVersion })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Text size="sm" data-testid="quote-row-total">
                        {total === null ? t('common.none') : formatMoney(total, quote.currency, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDay(quote.quoteDate, language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {account ? <ExpiryText quote={quote} zone={account.timeZone} nowMs={now.getTime()} /> : <Text size="sm">{t('common.none')}</Text>}
                      {account && (
                        <Text size="xs" c="dimmed">
                          {account.timeZone}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {quotes && quotes.length >= QUOTES_LIMIT && (
        <Text size="sm" c="dimmed" data-testid="quotes-limited">
          {t('quotes.limited', { count: quotes.length })}
        </Text>
      )}
    </Stack>
  );
}
