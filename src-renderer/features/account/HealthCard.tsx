import { Alert, Badge, Card, Group, List, RingProgress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountScoreView } from '../../../src-main/contract/models';
import { useUiStore } from '../../stores/ui-store';
import { CardTitle } from './CardTitle';
import { formatDecimal, scoreColor } from './account-format';
import { indicatorLabel } from './indicator-label';

/** R13 health now and R14 churn: the score as a ring, the weakest indicators, the warning with its recovery plan. */
export function HealthCard({ score }: { score: AccountScoreView }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const health = score.health.score;
  const weakest = [...score.health.indicators].sort((a, b) => a.score - b.score).slice(0, 5);
  return (
    <Card withBorder padding="md" h="100%" data-testid="account-health">
      <CardTitle>{t('account.health.title')}</CardTitle>
      <Stack gap="md">
        <Group wrap="nowrap" align="center" gap="md">
          <RingProgress
            size={104}
            thickness={10}
            roundCaps
            sections={[{ value: health, color: scoreColor(health) }]}
            label={
              <Text ta="center" fw={700} size="xl" data-testid="health-score">
                {formatDecimal(health, language, 0)}
              </Text>
            }
          />
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            {weakest.map((indicator) => (
              <Group key={indicator.name} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="xs" truncate="end" title={indicator.reason}>
                  {indicatorLabel(t, indicator.name)}
                </Text>
                <Badge size="sm" variant="light" color={scoreColor(indicator.score)}>
                  {formatDecimal(indicator.score, language, 0)}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Group>
        <div data-testid="account-churn" data-warning={score.churn.warning}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('account.churn.title')}
            </Text>
            <Badge variant={score.churn.warning ? 'filled' : 'light'} color={score.churn.warning ? 'red' : 'gray'}>
              {score.churn.warning ? t('account.churn.warning') : t('account.churn.none')}
            </Badge>
          </Group>
          {score.churn.warning ? (
            <Alert color="red" variant="light" p="xs">
              <Text size="sm">{score.churn.reason}</Text>
              {score.churn.recoveryPlan.length > 0 && (
                <>
                  <Text size="xs" fw={600} mt="xs">
                    {t('account.churn.plan')}
                  </Text>
                  <List size="xs" spacing={2} data-testid="churn-plan">
                    {score.churn.recoveryPlan.map((step) => (
                      <List.Item key={`${step.kind}-${step.dueInBusinessDays}`}>
                        {step.title} · {t('account.churn.inDays', { count: step.dueInBusinessDays })}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Alert>
          ) : (
            <Text size="xs" c="dimmed" lineClamp={3} title={score.churn.reason}>
              {score.churn.reason}
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}
