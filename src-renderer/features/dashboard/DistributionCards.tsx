import { Box, Card, Group, Progress, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreSummary } from '../../../src-main/contract/models';
import { formatNumber } from '../../i18n';
import { noFilters, useAccountsStore, type AccountFilters } from '../../stores/accounts-store';
import { useUiStore } from '../../stores/ui-store';
import { QuadrantBadge, TierBadge } from '../accounts/ScoreBadges';
import { loyaltyColor, loyaltyOrder, quadrantColor, quadrantOrder, tierColor, tierOrder } from '../accounts/score-style';
import { percentOf } from './format-day';

/** Opens the accounts list filtered to one tier, quadrant or loyalty class. */
function showAccounts(filters: Partial<AccountFilters>): void {
  void useAccountsStore.getState().setFilters({ ...noFilters, ...filters });
  useUiStore.getState().setPage('accounts');
}

interface DashboardCardProps {
  title: string;
  hint: string;
  /** Shown beside the title (a count). */
  badge?: ReactNode;
  children: ReactNode;
  testId: string;
}

export function DashboardCard({ title, hint, badge, children, testId }: DashboardCardProps) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Stack gap={2} mb="sm">
        <Group gap="xs" align="center">
          <Text fw={700}>{title}</Text>
          {badge}
        </Group>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </Stack>
      {children}
    </Card>
  );
}

interface BarRowProps {
  label: ReactNode;
  count: number;
  total: number;
  color: string;
  testId: string;
  onOpen: () => void;
}

/** One bar of a distribution: label, count and share; a button that opens the matching accounts. */
function BarRow({ label, count, total, color, testId, onOpen }: BarRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const percent = percentOf(count, total);
  return (
    <UnstyledButton onClick={onOpen} data-testid={testId} data-count={count} style={{ borderRadius: 6 }} className="dashboard-bar">
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
        {label}
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatNumber(count, language)}
          </Text>
          <Text size="xs" c="dimmed" w={36} ta="right">
            {t('dashboard.share', { percent })}
          </Text>
        </Group>
      </Group>
      <Progress value={percent} color={color} size="sm" radius="xl" aria-hidden />
    </UnstyledButton>
  );
}

export function TierCard({ summary }: { summary: ScoreSummary }) {
  const { t } = useTranslation();
  return (
    <DashboardCard title={t('dashboard.tiers.title')} hint={t('dashboard.tiers.hint')} testId="dashboard-tiers">
      <Stack gap="sm">
        {tierOrder.map((tier) => (
          <BarRow
            key={tier}
            label={<TierBadge tier={tier} />}
            count={summary.tiers[tier]}
            total={summary.withOrders}
            color={tierColor[tier]}
            testId={`dashboard-tier-${tier}`}
            onOpen={() => showAccounts({ tier })}
          />
        ))}
      </Stack>
    </DashboardCard>
  );
}

/** The class names' text colours (green.8 and yellow.8 are 3.4:1 and 2.5:1 on white). */
const loyaltyText = { A: 'var(--tb-text-good)', B: 'var(--tb-text-middling)', C: 'red.9' } as const;

export function LoyaltyCard({ summary }: { summary: ScoreSummary }) {
  const { t } = useTranslation();
  const total = loyaltyOrder.reduce((sum, c) => sum + summary.loyalty[c], 0);
  return (
    <DashboardCard title={t('dashboard.loyalty.title')} hint={t('dashboard.loyalty.hint')} testId="dashboard-loyalty">
      <Stack gap="sm">
        {loyaltyOrder.map((loyalty) => (
          <BarRow
            key={loyalty}
            label={
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={700} c={loyaltyText[loyalty]}>
                  {t(`scores.loyalty.${loyalty}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`scores.loyaltyHints.${loyalty}`)}
                </Text>
              </Group>
            }
            count={summary.loyalty[loyalty]}
            total={total}
            color={loyaltyColor[loyalty]}
            testId={`dashboard-loyalty-${loyalty}`}
            onOpen={() => showAccounts({ loyalty })}
          />
        ))}
      </Stack>
    </DashboardCard>
  );
}

/** R12's four quadrants as a 2 × 2 matrix; each tile opens its accounts. */
export function QuadrantCard({ summary }: { summary: ScoreSummary }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (
    <DashboardCard title={t('dashboard.quadrants.title')} hint={t('dashboard.quadrants.hint')} testId="dashboard-quadrants">
      <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
        {quadrantOrder.map((quadrant) => {
          const count = summary.quadrants[quadrant];
          return (
            <UnstyledButton
              key={quadrant}
              onClick={() => showAccounts({ quadrant })}
              data-testid={`dashboard-quadrant-${quadrant}`}
              data-count={count}
              style={{
                borderRadius: 8,
                padding: '10px 12px',
                background: `var(--mantine-color-${quadrantColor[quadrant]}-0)`,
                border: `1px solid var(--mantine-color-${quadrantColor[quadrant]}-2)`,
              }}
            >
              <QuadrantBadge quadrant={quadrant} />
              <Box mt={6}>
                <Text fz={26} fw={700} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(count, language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`scores.quadrantHints.${quadrant}`)} · {t('dashboard.share', { percent: percentOf(count, summary.accounts) })}
                </Text>
              </Box>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </DashboardCard>
  );
}
