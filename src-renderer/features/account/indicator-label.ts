import type { TFunction } from 'i18next';

/** The twelve R13 indicator ids (PRODUCT, Defaults: R13), in the order the server lists them. */
export const healthIndicatorIds = [
  'volume_trend',
  'order_rhythm',
  'recency',
  'margin_trend',
  'on_time_payment',
  'overdue_receivables',
  'open_complaints',
  'complaint_resolution',
  'reply_latency',
  'quote_win_rate',
  'inquiry_activity',
  'contact_recency',
] as const;
type IndicatorId = (typeof healthIndicatorIds)[number];

function isIndicatorId(name: string): name is IndicatorId {
  return (healthIndicatorIds as readonly string[]).includes(name);
}

/** An indicator's name in the UI language; an indicator added later shows its id until it is translated. */
export function indicatorLabel(t: TFunction, name: string): string {
  return isIndicatorId(name) ? t(`account.health.indicators.${name}`) : name;
}
