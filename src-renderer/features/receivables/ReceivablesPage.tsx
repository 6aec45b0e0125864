import { Center, EmptyState, Group, Loader, Notification, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Receivable } from '../../../src-main/contract/receivables';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatCalendarDate, formatMoney } from '../account/account-format';
import { BucketCards } from './BucketCards';
import { OverdueAccounts } from './OverdueAccounts';
import { PaymentDialog } from './PaymentDialog';
import { ReceivablesTable } from './ReceivablesTable';
import { useReceivablesStore } from './receivables-store';

/** 回款: the book's aged receivables in the base currency, the overdue accounts, and a payment recorded per order. */
export function ReceivablesPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { report, error, recorded } = useReceivablesStore();
  const load = useReceivablesStore((state) => state.load);
  const dismissRecorded = useReceivablesStore((state) => state.dismissRecorded);
  const [paying, setPaying] = useState<Receivable | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const money = (amount: number) => formatMoney(amount, report?.baseCurrency ?? 'CNY', language);

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="receivables-page" data-as-of={report?.asOf}>
      <Stack gap={2}>
        <Group gap="md" align="baseline">
          <Title order={2}>{t('receivables.title')}</Title>
          {report && report.total.count > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="receivables-count" data-count={report.total.count} data-total={report.total.outstandingBase} data-overdue={report.total.overdueBase}>
              {t('receivables.count', {
                count: report.total.count,
                formatted: formatNumber(report.total.count, language),
                total: money(report.total.outstandingBase),
                overdue: money(report.total.overdueBase),
              })}
            </Text>
          )}
        </Group>
        {report && (
          <Text size="sm" c="dimmed" maw={820} data-testid="receivables-intro">
            {t('receivables.intro', { date: formatCalendarDate(report.asOf, language), currency: report.baseCurrency })}
          </Text>
        )}
      </Stack>

      {recorded && (
        <Notification color="teal" withBorder onClose={dismissRecorded} closeButtonProps={{ 'aria-label': t('common.close') }} role="status" data-testid="receivables-recorded">
          {t(recorded.outstanding > 0 ? 'receivables.recorded' : 'receivables.recordedSettled', {
            amount: formatMoney(recorded.payment.amount, recorded.payment.currency, language),
            name: recorded.accountName,
            order: recorded.order,
            date: formatCalendarDate(recorded.payment.paidOn, language),
            outstanding: formatMoney(recorded.outstanding, recorded.payment.currency, language),
          })}
        </Notification>
      )}
      {error && <ApiErrorAlert error={error} title={t('receivables.errorTitle')} onRetry={() => void load()} testId="receivables-error" />}

      {report === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} data-testid="receivables-loading" />
          </Center>
        )
      ) : report.total.count === 0 ? (
        <EmptyState data-testid="receivables-empty" title={t('receivables.empty.title')} description={t('receivables.empty.description')} />
      ) : (
        <>
          <BucketCards report={report} />
          <OverdueAccounts report={report} />
          <ReceivablesTable report={report} onRecord={setPaying} />
          {report.rows.length < report.total.count && (
            <Text size="sm" c="dimmed" data-testid="receivables-more">
              {t('receivables.table.more', { count: report.total.count, shown: report.rows.length, formatted: formatNumber(report.total.count, language) })}
            </Text>
          )}
        </>
      )}
      <PaymentDialog row={paying} today={report?.asOf ?? ''} onClose={() => setPaying(null)} />
    </Stack>
  );
}
