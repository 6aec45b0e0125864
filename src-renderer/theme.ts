import { createTheme, type CSSVariablesResolver } from '@mantine/core';

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

/**
 * Contrast (WCAG AA, 4.5:1 for text; axe in the e2e tests): Mantine's grey secondary text (gray.6, 3.3:1 on white),
 * its placeholders (gray.5) and white on teal.6 (2.5:1) are too faint. Secondary text is #5f666d (5.8:1),
 * placeholders #6b7280 (4.8:1), messages of fields in error #c92a2a (red.9, 5.6:1; red.6 is 3.6:1), and the primary colour is teal's shade 9 (5.0:1 under white text).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5f666d', '--mantine-color-placeholder': '#6b7280', '--mantine-color-error': '#c92a2a',
    // Shade 9's hover would be the lighter shade 8 (3.9:1): a darker teal instead.
    '--mantine-primary-color-filled-hover': '#066b4d',
    '--mantine-color-teal-filled-hover': '#066b4d',
    // Light buttons: Mantine's teal.9 on teal.1 is 4.3:1; the darker teal is 5.6:1.
    '--mantine-color-teal-light-color': '#066b4d',
    // Orange badges (the dormant tier, a day off): orange.9 on orange's light background is 3.9:1; this is 5.0:1.
    '--mantine-color-orange-light-color': '#b34700',
    // Text in a colour of its own (a warning, a good or a middling class): the palettes' shades are under 4.5:1.
    '--tb-text-warning': '#b34700',
    '--tb-text-good': '#237032',
    '--tb-text-middling': '#8a5a00',
  },
  dark: {},
});

/** Local fonts only: the app is offline and its CSP allows nothing from the network. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 7 },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts },
  defaultRadius: 'md',
});
