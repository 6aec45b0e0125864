import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LostReasonsReport } from '../../../src-main/contract/quotes';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { axisTicks, linearScale, monthLabel, monthSeries, niceCeiling, reasonColor, stackSegments } from './lost-deals-format';

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 32;
const BOTTOM = 24;
const TOP = 8;

const fill = (reason: string) => `var(--mantine-color-${reasonColor(reason)}-6)`;

/**
 * R9: lost quotes per month of the period, each bar stacked by reason (the colours of the reasons table). Plain SVG:
 * a dozen bars need no chart library; the table beside it holds the same numbers.
 */
export function LostReasonsChart({ report }: { report: LostReasonsReport }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const months = monthSeries(report);
  const reasons = report.reasons.map((r) => r.reason);
  const max = Math.max(0, ...months.map((m) => m.total));
  const top = niceCeiling(max);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const scale = linearScale(top, plotHeight);
  const slot = (WIDTH - LEFT) / Math.max(1, months.length);
  const barWidth = Math.max(4, Math.min(36, slot * 0.6));
  const busiest = months.reduce((best, m) => (m.total > best.total ? m : best), months[0] ?? { month: '', total: 0, reasons: [] });
  const reasonName = (reason: string) => t(`lostDeals.reason.${reason}`, { defaultValue: reason });
  const label = t('lostDeals.report.chartLabel', {
    from: report.from,
    to: report.to,
    total: formatNumber(report.total, language),
    month: busiest.month ? monthLabel(busiest.month, language) : '',
    max: formatNumber(busiest.total, language),
  });
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: WIDTH }} data-testid="lost-chart">
        {axisTicks(top, 4).map((tick) => (
          <g key={tick} fontSize="10" fill="currentColor">
            <line x1={LEFT} x2={WIDTH} y1={TOP + plotHeight - scale(tick)} y2={TOP + plotHeight - scale(tick)} stroke="var(--mantine-color-gray-3)" />
            <text x={LEFT - 6} y={TOP + plotHeight - scale(tick) + 3} textAnchor="end">
              {formatNumber(tick, language)}
            </text>
          </g>
        ))}
        {months.map((month, i) => {
          const x = LEFT + i * slot + (slot - barWidth) / 2;
          const parts = month.reasons.map((r) => `${reasonName(r.reason)} ${formatNumber(r.count, language)}`).join(', ');
          return (
            <g key={month.month} data-testid="lost-chart-bar" data-month={month.month} data-count={month.total}>
              <title>{t('lostDeals.report.chartBar', { month: monthLabel(month.month, language), count: formatNumber(month.total, language), reasons: parts || '—' })}</title>
              {stackSegments(month, reasons, scale).map((segment) => (
                <rect
                  key={segment.reason}
                  x={x}
                  width={barWidth}
                  y={TOP + plotHeight - segment.y1}
                  height={Math.max(1, segment.y1 - segment.y0)}
                  fill={fill(segment.reason)}
                  data-reason={segment.reason}
                />
              ))}
              <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="10" fill="currentColor">
                {monthLabel(month.month, language, months.length > 6)}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4} component="figcaption" aria-hidden>
        {reasons.map((reason) => (
          <Group key={reason} gap={4}>
            <span style={{ width: 10, height: 10, borderRadius: 2, background: fill(reason), display: 'inline-block' }} />
            <Text size="xs">{reasonName(reason)}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}
