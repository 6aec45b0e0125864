import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReceivablesReport } from '../../../src-main/contract/receivables';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatMoney } from '../account/account-format';

const BUCKET_COLOR: Record<ReceivablesReport['buckets'][number]['bucket'], string | undefined> = {
  not_due: undefined,
  days_1_30: 'yellow.8',
  days_31_60: 'orange.7',
  days_61_90: 'red.6',
  days_over_90: 'red.8',
  no_due_date: 'dimmed',
};

/** One card per aging bucket, in order: its outstanding total in the base currency and how many orders. */
export function BucketCards({ report }: { report: ReceivablesReport }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" role="list" aria-label={t('receivables.buckets.label')} data-testid="receivables-buckets">
      {report.buckets.map((bucket) => (
        <Paper
          key={bucket.bucket}
          withBorder
          radius="md"
          p="sm"
          role="listitem"
          data-testid={`receivables-bucket-${bucket.bucket}`}
          data-count={bucket.count}
          data-amount={bucket.outstandingBase}
        >
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" data-testid="bucket-label">
            {t(`receivables.buckets.${bucket.bucket}`)}
          </Text>
          <Text size="lg" fw={700} c={bucket.outstandingBase > 0 ? BUCKET_COLOR[bucket.bucket] : 'dimmed'} data-testid="bucket-amount">
            {formatMoney(bucket.outstandingBase, report.baseCurrency, language)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="bucket-count">
            {t('receivables.buckets.orders', { count: bucket.count, formatted: formatNumber(bucket.count, language) })}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
