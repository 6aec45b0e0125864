import { Alert, Box, Button, Center, EmptyState, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useDashboardStore } from '../../stores/dashboard-store';
import { useUiStore } from '../../stores/ui-store';
import { ChurnWarnings } from './ChurnWarnings';
import { LoyaltyCard, QuadrantCard, TierCard } from './DistributionCards';
import { formatDay } from './format-day';
import { WorkCards } from './WorkCards';

function RescoreButton({ variant = 'filled' }: { variant?: 'filled' | 'light' }) {
  const { t } = useTranslation();
  const rescoring = useDashboardStore((state) => state.rescoring);
  const rescore = useDashboardStore((state) => state.rescore);
  return (
    <Button variant={variant} onClick={() => void rescore()} loading={rescoring} data-testid="dashboard-rescore">
      {t('dashboard.rescore')}
    </Button>
  );
}

/**
 * What needs the user this week (first replies against the SLA, quotes expiring, complaints and receivables overdue),
 * the tier, quadrant and loyalty distribution and the churn warnings, with a rescore of the book.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const summary = useDashboardStore((state) => state.summary);
  const error = useDashboardStore((state) => state.error);
  const load = useDashboardStore((state) => state.load);
  const rescoring = useDashboardStore((state) => state.rescoring);
  const lastRun = useDashboardStore((state) => state.lastRun);
  const dismissRun = useDashboardStore((state) => state.dismissRun);

  // Churn reasons come in the book's language: load again when it changes.
  useEffect(() => {
    void load();
  }, [load, language]);

  return (
    // The page scrolls as a whole: its cards keep their own height (a Card hides its overflow, so in a shrinking flex
    // column it would be squeezed and its rows drawn outside it).
    <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="dashboard">
      <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={2}>{t('dashboard.title')}</Title>
          {summary && summary.asOf !== null && (
            <Text size="sm" c="dimmed" data-testid="dashboard-asof" data-as-of={summary.asOf}>
              {t('dashboard.asOf', { date: formatDay(summary.asOf, language) })}
              {' · '}
              {t('dashboard.scored', { count: summary.accounts, formatted: formatNumber(summary.accounts, language) })}
              {summary.unscored > 0 && ` · ${t('dashboard.unscored', { count: summary.unscored, formatted: formatNumber(summary.unscored, language) })}`}
            </Text>
          )}
        </Stack>
        {summary && summary.accounts > 0 && <RescoreButton variant="light" />}
      </Group>

      {rescoring && (
        <Alert variant="light" color="blue" icon={<Loader size="xs" />} data-testid="dashboard-rescoring" role="status">
          {t('dashboard.rescoring')}
        </Alert>
      )}
      {lastRun && (
        <Alert
          variant="light"
          color="teal"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={dismissRun}
          data-testid="dashboard-rescored"
          role="status"
        >
          {t('dashboard.rescored', {
            formatted: formatNumber(lastRun.accounts, language),
            date: formatDay(lastRun.asOf, language),
            seconds: formatNumber(lastRun.seconds, language),
          })}
        </Alert>
      )}
      {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="dashboard-error" />}

      {summary === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )
      ) : summary.accounts === 0 ? (
        <EmptyState data-testid="dashboard-empty" title={t('dashboard.empty.title')} description={t('dashboard.empty.description')}>
          <EmptyState.Actions>
            <RescoreButton />
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          <WorkCards />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <TierCard summary={summary} />
            <QuadrantCard summary={summary} />
            <LoyaltyCard summary={summary} />
          </SimpleGrid>
          <ChurnWarnings summary={summary} />
        </>
      )}
      </Stack>
    </Box>
  );
}
