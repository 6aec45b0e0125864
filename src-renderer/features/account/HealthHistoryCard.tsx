import { Card, EmptyState, Text } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ScoreHistoryPoint } from '../../../src-main/contract/models';
import { useUiStore } from '../../stores/ui-store';
import { CardTitle } from './CardTitle';
import { formatCalendarDate, formatDecimal, formatMonth } from './account-format';

/** R13: the health stored at each quarterly review (and the value score of that rescore), oldest on the left. */
export function HealthHistoryCard({ points }: { points: ScoreHistoryPoint[] }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const healthName = t('account.health.historyHealth');
  const valueName = t('account.health.historyValue');
  return (
    <Card withBorder padding="md" h="100%" style={{ display: 'flex', flexDirection: 'column' }} data-testid="health-history" data-points={points.length}>
      <CardTitle>{t('account.health.historyTitle')}</CardTitle>
      {points.length === 0 ? (
        <EmptyState data-testid="health-history-empty" title={t('account.health.historyEmpty')} description={t('account.health.historyEmptyHint')} />
      ) : (
        <div role="img" aria-label={t('account.health.historyLabel')} style={{ width: '100%', flex: 1, minHeight: 260 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
              <XAxis dataKey="asOf" tickFormatter={(date: string) => formatMonth(date, language)} tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12 }} />
              <Tooltip
                labelFormatter={(date) => formatCalendarDate(String(date), language)}
                formatter={(value) => (typeof value === 'number' ? formatDecimal(value, language) : String(value ?? ''))}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line type="monotone" dataKey="health" name={healthName} stroke="var(--mantine-color-teal-6)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              <Line
                type="monotone"
                dataKey="valueScore"
                name={valueName}
                stroke="var(--mantine-color-gray-5)"
                strokeDasharray="4 3"
                strokeWidth={1.5}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {points.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('account.health.historyEmptyHint')}
        </Text>
      )}
    </Card>
  );
}
