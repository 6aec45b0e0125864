import type { TFunction } from 'i18next';
import { healthIndicators } from '../../../src-main/domain/health-indicators';

type IndicatorId = (typeof healthIndicators)[number];

function isIndicatorId(name: string): name is IndicatorId {
  return (healthIndicators as readonly string[]).includes(name);
}

/** An indicator's name in the UI language; an indicator added later shows its id until it is translated. */
export function indicatorLabel(t: TFunction, name: string): string {
  return isIndicatorId(name) ? t(`account.health.indicators.${name}`) : name;
}
