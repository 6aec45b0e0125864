import { Badge, Button, Card, Group, Kbd, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountScoreView } from '../../../src-main/contract/models';
import { useUiStore } from '../../stores/ui-store';
import { CardTitle } from './CardTitle';
import { formatCalendarDate, formatDecimal, scoreColor } from './account-format';

const partOrder = ['purchase', 'margin', 'growth', 'strategic', 'reputation'] as const;

export const quadrantColors: Record<AccountScoreView['quadrant'], string> = {
  strategic: 'teal',
  potential: 'blue',
  maintain: 'gray',
  declining: 'red',
};
const loyaltyColors = { A: 'teal', B: 'yellow', C: 'red' } as const;
const priorityColors = { high: 'red', normal: 'blue', low: 'gray' } as const;

function RfmBox({ letter, value }: { letter: string; value: number }) {
  return (
    <Stack gap={0} align="center" miw={40}>
      <Text size="xs" c="dimmed">
        {letter}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}

/** R10–R12 and R16 of the latest snapshot: RFM and tier, the value score with its five parts, quadrant, loyalty, inquiries. */
export function ScoresCard({ score, onExplain }: { score: AccountScoreView; onExplain: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const n = (value: number) => formatDecimal(value, language);
  return (
    <Card withBorder padding="md" h="100%" data-testid="account-scores" data-as-of={score.asOf}>
      <CardTitle
        right={
          <Text size="xs" c="dimmed" data-testid="scores-as-of">
            {t('account.scores.asOf', { date: formatCalendarDate(score.asOf, language) })}
          </Text>
        }
      >
        {t('account.scores.title')}
      </CardTitle>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="center">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('account.scores.rfm')}
            </Text>
            {score.rfm ? (
              <Group gap="xs" wrap="nowrap" data-testid="scores-rfm">
                <RfmBox letter="R" value={score.rfm.r} />
                <RfmBox letter="F" value={score.rfm.f} />
                <RfmBox letter="M" value={score.rfm.m} />
              </Group>
            ) : (
              <Text size="sm" c="dimmed" data-testid="scores-rfm">
                {t('account.scores.rfmNone')}
              </Text>
            )}
          </div>
          <Stack gap={4} align="flex-end">
            {score.rfm && (
              <Badge size="lg" variant="filled" color={score.rfm.tier === 'VIP' ? 'grape' : score.rfm.tier === 'dormant' ? 'gray' : 'teal'} data-testid="scores-tier">
                {t(`scores.tiers.${score.rfm.tier}`)}
              </Badge>
            )}
          </Stack>
        </Group>

        <div>
          <Group justify="space-between" align="baseline">
            <Text size="xs" c="dimmed">
              {t('account.scores.value')}
            </Text>
            <Text fw={700} size="xl" c={scoreColor(score.value.score)} data-testid="scores-value">
              {n(score.value.score)}
            </Text>
          </Group>
          <Stack gap={6} mt={4}>
            {partOrder.map((part) => (
              <div key={part} data-testid={`scores-part-${part}`}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="xs" truncate="end">
                    {t(`account.scores.parts.${part}`)}
                  </Text>
                  <Text size="xs" fw={500}>
                    {n(score.value.parts[part])}
                  </Text>
                </Group>
                <Progress size="sm" value={score.value.parts[part]} color={scoreColor(score.value.parts[part])} aria-label={t(`account.scores.parts.${part}`)} />
              </div>
            ))}
          </Stack>
        </div>

        <SimpleGrid cols={3} spacing="xs">
          <div>
            <Text size="xs" c="dimmed">
              {t('account.scores.quadrant')}
            </Text>
            <Badge variant="light" color={quadrantColors[score.quadrant]} data-testid="scores-quadrant">
              {t(`scores.quadrants.${score.quadrant}`)}
            </Badge>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('account.scores.loyalty')}
            </Text>
            {score.loyalty ? (
              <Badge variant="light" color={loyaltyColors[score.loyalty]} data-testid="scores-loyalty">
                {score.loyalty}
              </Badge>
            ) : (
              <Text size="sm">{t('common.none')}</Text>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed" truncate="end">
              {t('account.scores.inquiries')}
            </Text>
            <Tooltip label={score.inquiries.reason} multiline w={280} withArrow>
              {score.inquiries.priority ? (
                <Badge variant="light" color={priorityColors[score.inquiries.priority]} data-testid="scores-inquiries">
                  {t(`account.scores.priorities.${score.inquiries.priority}`)}
                </Badge>
              ) : (
                <Text size="sm" data-testid="scores-inquiries">
                  {t('common.none')}
                </Text>
              )}
            </Tooltip>
          </div>
        </SimpleGrid>
        <Text size="xs" c="dimmed" lineClamp={2} title={score.inquiries.reason}>
          {score.inquiries.open > 0 ? `${t('account.scores.openInquiries', { count: score.inquiries.open })} · ` : ''}
          {score.inquiries.reason}
        </Text>
        <Button variant="light" onClick={onExplain} rightSection={<Kbd size="xs" ff="inherit">E</Kbd>} data-testid="explain-button">
          {t('account.scores.explain')}
        </Button>
      </Stack>
    </Card>
  );
}
