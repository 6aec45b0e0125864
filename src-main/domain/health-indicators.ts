/**
 * The twelve R13 health indicators (PRODUCT, Defaults: R13), in the order the server lists them. A module of its
 * own, free of imports, so the renderer can use the list without pulling in the settings' validators.
 */
export const healthIndicators = [
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
