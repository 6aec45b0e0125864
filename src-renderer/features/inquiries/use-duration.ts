import { useTranslation } from 'react-i18next';
import { durationParts } from './inquiry-format';

/** Minutes as text in the UI language: "2 days 3 h", "3 h 12 min" / "2 天 3 小时". */
export function useDuration(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) =>
    durationParts(minutes)
      .map(({ unit, count }) => t(`inquiries.duration.${unit}`, { count }))
      .join(' ');
}
