import { Card, Group, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountScoreView } from '../../../src-main/contract/models';
import { useUiStore } from '../../stores/ui-store';
import { CardTitle } from './CardTitle';
import { formatDecimal, scoreColor } from './account-format';
import { indicatorLabel } from './indicator-label';

/** R13: the twelve health indicators with their score, weight and one-line reason (in the UI language). */
export function HealthIndicatorsCard({ score }: { score: AccountScoreView }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (
    <Card withBorder padding="md" h="100%" data-testid="health-indicators">
      <CardTitle>{t('account.health.indicatorsTitle')}</CardTitle>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={6} horizontalSpacing="xs" layout="fixed" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('account.health.indicator')}</Table.Th>
              <Table.Th w={110}>{t('account.health.score')}</Table.Th>
              <Table.Th w={64} ta="right">
                {t('account.health.weight')}
              </Table.Th>
              <Table.Th>{t('account.health.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {score.health.indicators.map((indicator) => (
              <Table.Tr key={indicator.name} data-testid="health-indicator" data-name={indicator.name}>
                <Table.Td>
                  <Text size="sm" truncate="end" title={indicatorLabel(t, indicator.name)}>
                    {indicatorLabel(t, indicator.name)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600} w={28} ta="right">
                      {formatDecimal(indicator.score, language, 0)}
                    </Text>
                    <Progress value={indicator.score} color={scoreColor(indicator.score)} size="sm" style={{ flex: 1 }} aria-hidden />
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{formatDecimal(indicator.weight, language)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2} title={indicator.reason}>
                    {indicator.reason}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
