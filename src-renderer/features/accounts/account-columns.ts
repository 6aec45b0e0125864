/** Column widths shared by the list header and its rows. */
export const accountGridColumns =
  'minmax(180px, 2.2fr) minmax(120px, 1.3fr) minmax(100px, 1fr) minmax(150px, 1.3fr) minmax(150px, 1.2fr)';

/** Every row has this height (px), so the virtualizer needs no measuring. */
export const ACCOUNT_ROW_HEIGHT = 48;
