/** Column widths shared by the list header and its rows. */
export const accountGridColumns =
  'minmax(170px, 2.2fr) minmax(100px, 1fr) minmax(150px, 1.3fr) 88px 76px 104px 60px 76px 96px';

/** The columns, in order (their headers are `accounts.columns.<id>`). */
export const accountColumns = ['name', 'country', 'localTime', 'tier', 'value', 'quadrant', 'loyalty', 'health', 'churn'] as const;

/** Every row has this height (px), so the virtualizer needs no measuring. */
export const ACCOUNT_ROW_HEIGHT = 48;
