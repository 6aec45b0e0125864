import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InquiryStats } from '../../../src-main/contract/inquiries';
import { useDuration } from './use-duration';

const BAR_HEIGHT = 22;
const GAP = 10;
const LABEL_WIDTH = 150;
const CHART_WIDTH = 640;

/**
 * R1's story in one picture: per source, the median first reply as a bar and the source's SLA as a tick, on one
 * scale — 4.2 h against a 4 h SLA next to 12 min against 1 h. Plain SVG: a few bars need no chart library.
 */
export function ResponseChart({ stats }: { stats: InquiryStats }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const rows = stats.sources.filter((row) => row.medianMinutes !== null);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="stats-chart-empty">
        {t('inquiries.stats.chartEmpty')}
      </Text>
    );
  }
  const max = Math.max(...rows.map((row) => Math.max(row.medianMinutes ?? 0, (row.slaHours ?? 0) * 60)), 1);
  const scale = (minutes: number) => ((CHART_WIDTH - LABEL_WIDTH - 90) * minutes) / max;
  const height = rows.length * (BAR_HEIGHT + GAP) + 24;
  return (
    <figure style={{ margin: 0 }}>
      <Text component="figcaption" size="sm" fw={600} mb={4}>
        {t('inquiries.stats.chartTitle')}
      </Text>
      <svg role="img" aria-label={t('inquiries.stats.chartLabel')} viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" style={{ maxWidth: CHART_WIDTH }} data-testid="stats-chart">
        {rows.map((row, i) => {
          const y = i * (BAR_HEIGHT + GAP);
          const median = row.medianMinutes ?? 0;
          const sla = (row.slaHours ?? 0) * 60;
          const late = median > sla;
          const source = t(`inquiries.sources.${row.source}`);
          return (
            <g key={row.source} data-testid="stats-bar" data-source={row.source} data-median={median} data-sla={sla}>
              <title>{t('inquiries.stats.chartBar', { source, median: duration(median), sla: duration(sla) })}</title>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT * 0.7} textAnchor="end" fontSize="12" fill="currentColor">
                {source}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(2, scale(median))} height={BAR_HEIGHT} rx="3" fill={late ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-teal-6)'} />
              <line x1={LABEL_WIDTH + scale(sla)} x2={LABEL_WIDTH + scale(sla)} y1={y - 3} y2={y + BAR_HEIGHT + 3} stroke="var(--mantine-color-dark-4)" strokeWidth="2" strokeDasharray="3 2" />
              <text x={LABEL_WIDTH + Math.max(scale(median), scale(sla)) + 6} y={y + BAR_HEIGHT * 0.7} fontSize="12" fill="currentColor">
                {duration(median)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_WIDTH}, ${height - 8})`} fontSize="11" fill="currentColor">
          <rect width="10" height="10" y="-9" fill="var(--mantine-color-teal-6)" />
          <text x="14">{t('inquiries.stats.chartMedian')}</text>
          <line x1="90" x2="90" y1="-10" y2="2" stroke="var(--mantine-color-dark-4)" strokeWidth="2" strokeDasharray="3 2" />
          <text x="96">{t('inquiries.stats.chartSla')}</text>
        </g>
      </svg>
    </figure>
  );
}
