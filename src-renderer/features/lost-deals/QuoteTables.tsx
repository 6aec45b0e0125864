import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { isRecoveryAction } from './lost-deals-format';

interface QuoteTableProps {
  quotes: readonly Quote[];
  names: Readonly<Record<string, string>>;
}

/** R9: the lost quotes of the period with their reason, note and recovery to-do. */
export function LostQuotesTable({ quotes, names }: QuoteTableProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={6} aria-label={t('lostDeals.lostList.label')} data-testid="lost-quotes-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('lostDeals.lostList.column.number')}</Table.Th>
            <Table.Th>{t('lostDeals.lostList.column.account')}</Table.Th>
            <Table.Th w={170}>{t('lostDeals.lostList.column.lostOn')}</Table.Th>
            <Table.Th w={130}>{t('lostDeals.lostList.column.reason')}</Table.Th>
            <Table.Th>{t('lostDeals.lostList.column.note')}</Table.Th>
            <Table.Th>{t('lostDeals.lostList.column.recovery')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quotes.map((quote) => {
            const recovery = quote.lost?.recovery ?? null;
            return (
              <Table.Tr key={quote.id} data-testid="lost-quote-row" data-quote={quote.number}>
                <Table.Td data-testid="lost-quote-number">{quote.number}</Table.Td>
                <Table.Td>{names[quote.accountId] || t('lostDeals.unknownAccount')}</Table.Td>
                <Table.Td>{quote.closedAt ? formatInstant(quote.closedAt, language) : t('common.none')}</Table.Td>
                <Table.Td data-testid="lost-quote-reason">{t(`lostDeals.reason.${quote.lost?.reason ?? 'unknown'}`, { defaultValue: quote.lost?.reason ?? '' })}</Table.Td>
                <Table.Td data-testid="lost-quote-note">
                  <Text size="sm" lineClamp={3}>
                    {quote.lost?.note || t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td data-testid="lost-quote-recovery">
                  {recovery && isRecoveryAction(recovery.action)
                    ? t('lostDeals.lostList.recovery', { action: t(`lostDeals.action.${recovery.action}`), due: formatInstant(recovery.dueAt, language) })
                    : t('lostDeals.lostList.noRecovery')}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const STATUSES = ['draft', 'sent', 'expired'] as const;
const statusKey = (status: string) => STATUSES.find((s) => s === status);

/** Drafts, sent and expired quotes, each with "Mark lost" (which opens the lost-deal form). */
export function OpenQuotesTable({ quotes, names, onMarkLost }: QuoteTableProps & { onMarkLost(quote: Quote): void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} highlightOnHover aria-label={t('lostDeals.open.label')} data-testid="open-quotes-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('lostDeals.open.column.number')}</Table.Th>
            <Table.Th>{t('lostDeals.open.column.account')}</Table.Th>
            <Table.Th w={110}>{t('lostDeals.open.column.status')}</Table.Th>
            <Table.Th w={120}>{t('lostDeals.open.column.quoteDate')}</Table.Th>
            <Table.Th w={120}>{t('lostDeals.open.column.validThrough')}</Table.Th>
            <Table.Th w={140}>
              <VisuallyHidden>{t('lostDeals.open.column.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quotes.map((quote) => {
            const status = statusKey(quote.status);
            return (
              <Table.Tr key={quote.id} data-testid="open-quote-row" data-quote={quote.number}>
                <Table.Td data-testid="open-quote-number">{quote.number}</Table.Td>
                <Table.Td>{names[quote.accountId] || t('lostDeals.unknownAccount')}</Table.Td>
                <Table.Td data-testid="open-quote-status">{status ? t(`lostDeals.open.status.${status}`) : quote.status}</Table.Td>
                <Table.Td>{quote.quoteDate}</Table.Td>
                <Table.Td>{quote.validity.validThrough ?? t('common.none')}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => onMarkLost(quote)}
                    aria-label={t('lostDeals.open.markLostLabel', { number: quote.number })}
                    data-testid="open-quote-mark-lost"
                  >
                    {t('lostDeals.open.markLost')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
