import { Anchor, Badge, Box, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNow } from '../../hooks/use-now';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { ExpiryText, StatusBadge } from './QuotesList';
import { QuoteActions } from './QuoteActions';
import { formatDay, formatMoney } from './quote-format';
import { useQuotesStore } from './quotes-store';
import { ReviseForm } from './ReviseForm';
import { ValiditySummary } from './ValidityFields';
import { VersionDiff } from './VersionDiff';

/** One quote: its facts and next steps, the current version to edit into a new one, its versions and their diff (R7, R8). */
export function QuoteEditor({ quoteId }: { quoteId: string }) {
  const { t } = useTranslation();
  const { quote, quoteError, loadQuote } = useQuotesStore();
  const shown = quote?.id === quoteId ? quote : null;

  useEffect(() => {
    void loadQuote(quoteId);
  }, [loadQuote, quoteId]);

  const back = () => useUiStore.getState().openQuote(null);
  return (
    // A block that scrolls around the column: inside a scrolling flex column the cards would shrink to fit.
    <Box
      style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}
      data-testid="quote-editor"
      data-quote-id={quoteId}
      onKeyDown={(event) => {
        // Alt+← goes back to the list, as in a browser.
        if (event.altKey && event.key === 'ArrowLeft') back();
      }}
    >
      <Stack gap="md">
        <Group>
          <Button variant="subtle" onClick={back} data-testid="quote-back">
            {t('quotes.editor.back')}
          </Button>
        </Group>
        {quoteError && <ApiErrorAlert error={quoteError} title={t('quotes.editor.loadError')} onRetry={() => void loadQuote(quoteId)} testId="quote-error" />}
        {!shown ? (
          !quoteError && (
            <Center py="xl">
              <Loader aria-label={t('common.loading')} />
            </Center>
          )
        ) : (
          <QuoteView quote={shown} />
        )}
      </Stack>
    </Box>
  );
}

function QuoteView({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const account = useQuotesStore((state) => state.accounts[quote.accountId]);
  const myTimeZone = useQuotesStore((state) => state.myTimeZone);
  const now = useNow();
  const current = quote.versions.find((v) => v.version === quote.currentVersion);
  return (
    <>
      <Stack gap={4}>
        <Group gap="sm" align="baseline">
          <Title order={2} data-testid="quote-number">
            {t('quotes.editor.title', { number: quote.number })}
          </Title>
          <StatusBadge status={quote.status} />
          <Badge variant="outline" color="gray" data-testid="quote-version">
            {t('quotes.version', { version: quote.currentVersion })}
          </Badge>
        </Group>
        <Group gap="md">
          <Anchor component="button" type="button" fw={600} onClick={() => useUiStore.getState().openAccount(quote.accountId)} data-testid="quote-account-link">
            {account?.name ?? t('quotes.unknownAccount')}
          </Anchor>
          {current && (
            <Text fw={600} data-testid="quote-total">
              {formatMoney(current.total, quote.currency, language)}
            </Text>
          )}
        </Group>
      </Stack>

      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('quotes.editor.dates')}
            </Text>
            <Text size="sm">{t('quotes.editor.quoteDate', { date: formatDay(quote.quoteDate, language) })}</Text>
            {quote.sentAt && <Text size="sm">{t('quotes.editor.sentAt', { time: formatInstant(quote.sentAt, language, myTimeZone) })}</Text>}
            {quote.closedAt && (
              <Text size="sm" data-testid="quote-closed-at">
                {t(quote.status === 'won' ? 'quotes.editor.wonAt' : 'quotes.editor.lostAt', { time: formatInstant(quote.closedAt, language, myTimeZone) })}
              </Text>
            )}
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('quotes.validity.label')}
            </Text>
            <ValiditySummary quote={quote} />
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {account ? t('quotes.expiry.inZone', { zone: account.timeZone }) : t('quotes.column.validity')}
            </Text>
            {account && <ExpiryText quote={quote} zone={account.timeZone} nowMs={now.getTime()} />}
          </Stack>
        </SimpleGrid>
        {quote.lost && (
          <Text size="sm" mt="sm" c="red" data-testid="quote-lost-reason">
            {t('quotes.editor.lostReason', { reason: quote.lost.reason ?? t('common.none'), note: quote.lost.note ?? '' })}
          </Text>
        )}
      </Card>

      <QuoteActions quote={quote} />
      <ReviseForm key={`${quote.id}:${quote.currentVersion}`} quote={quote} />
      <VersionsCard quote={quote} />
      {quote.versions.length > 1 ? (
        <VersionDiff quote={quote} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="quote-diff-single">
          {t('quotes.diff.single')}
        </Text>
      )}
    </>
  );
}

function VersionsCard({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const myTimeZone = useQuotesStore((state) => state.myTimeZone);
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Text fw={600}>{t('quotes.versions.label', { count: quote.versions.length })}</Text>
        <Table verticalSpacing={4} aria-label={t('quotes.versions.label', { count: quote.versions.length })} data-testid="quote-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>{t('quotes.versions.version')}</Table.Th>
              <Table.Th>{t('quotes.versions.created')}</Table.Th>
              <Table.Th>{t('quotes.versions.lines')}</Table.Th>
              <Table.Th>{t('quotes.versions.validThrough')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('quotes.versions.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...quote.versions].reverse().map((v) => (
              <Table.Tr key={v.version} data-testid="quote-version-row" data-version={v.version}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{t('quotes.version', { version: v.version })}</Text>
                    {v.version === quote.currentVersion && (
                      <Badge size="xs" variant="light">
                        {t('quotes.versions.current')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatInstant(v.createdAt, language, myTimeZone)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('quotes.versions.lineCount', { count: v.items.length })}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="quote-version-valid-through">
                    {v.validity.validThrough ? formatDay(v.validity.validThrough, language) : t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Text size="sm">{formatMoney(v.total, quote.currency, language)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
