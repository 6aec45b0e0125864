/**
 * Score badges as plain elements styled with Mantine's colour variables: they look like Mantine badges but cost a
 * fraction of one to render, and a search repaints a few dozen list rows of them (keypress → painted ≤ 100 ms).
 */
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { quadrantColor, scoreColor, tierColor, type Quadrant, type Tier } from './score-style';

type Variant = 'filled' | 'light' | 'outline' | 'dot';

const base: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 5,
  height: 18,
  padding: '0 6px',
  borderRadius: 4,
  fontSize: 10.5,
  fontWeight: 700,
  letterSpacing: 0.25,
  textTransform: 'uppercase',
  lineHeight: 1,
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  maxWidth: '100%',
  boxSizing: 'border-box',
};

function variantStyle(color: string, variant: Variant): CSSProperties {
  switch (variant) {
    case 'filled':
      return { background: `var(--mantine-color-${color}-filled)`, color: 'var(--mantine-color-white)' };
    case 'light':
      return { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` };
    case 'outline':
      return { border: `1px solid var(--mantine-color-${color}-outline)`, color: `var(--mantine-color-${color}-outline)` };
    case 'dot':
      return { border: '1px solid var(--mantine-color-gray-3)', color: 'var(--mantine-color-black)', background: 'var(--mantine-color-white)' };
  }
}

interface MiniBadgeProps {
  color: string;
  variant: Variant;
  children: ReactNode;
  title?: string;
  style?: CSSProperties;
  [data: `data-${string}`]: string | undefined;
}

export function MiniBadge({ color, variant, children, title, style, ...data }: MiniBadgeProps) {
  return (
    <span title={title} style={{ ...base, ...variantStyle(color, variant), ...style }} {...data}>
      {variant === 'dot' && (
        <span aria-hidden style={{ width: 6, height: 6, borderRadius: 6, flex: 'none', background: `var(--mantine-color-${color}-filled)` }} />
      )}
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{children}</span>
    </span>
  );
}

export function TierBadge({ tier, title }: { tier: Tier; title?: string }) {
  const { t } = useTranslation();
  return (
    <MiniBadge color={tierColor[tier]} variant={tier === 'VIP' ? 'filled' : 'light'} title={title} data-tier={tier}>
      {t(`scores.tiers.${tier}`)}
    </MiniBadge>
  );
}

export function QuadrantBadge({ quadrant }: { quadrant: Quadrant }) {
  const { t } = useTranslation();
  return (
    <MiniBadge color={quadrantColor[quadrant]} variant="dot" data-quadrant={quadrant}>
      {t(`scores.quadrants.${quadrant}`)}
    </MiniBadge>
  );
}

/** A 0–100 score as a number with a short bar in its colour. */
export function ScoreMeter({ score, label }: { score: number; label: string }) {
  const rounded = Math.round(score);
  return (
    <span aria-label={label} title={label} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      <span style={{ width: 24, textAlign: 'right', fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {rounded}
      </span>
      <span aria-hidden style={{ width: 32, height: 5, borderRadius: 5, background: 'var(--mantine-color-gray-2)', overflow: 'hidden' }}>
        <span style={{ display: 'block', width: `${rounded}%`, height: '100%', background: `var(--mantine-color-${scoreColor(rounded)}-filled)` }} />
      </span>
    </span>
  );
}
