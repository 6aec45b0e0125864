import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { loyaltyColor, quadrantColor, scoreColor, tierColor, type Loyalty, type Quadrant, type Tier } from './score-style';

export function TierBadge({ tier, size = 'sm' }: { tier: Tier; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={tierColor[tier]} variant={tier === 'VIP' ? 'filled' : 'light'} size={size} radius="sm" data-tier={tier}>
      {t(`scores.tiers.${tier}`)}
    </Badge>
  );
}

export function QuadrantBadge({ quadrant, size = 'sm' }: { quadrant: Quadrant; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={quadrantColor[quadrant]} variant="dot" size={size} radius="sm" data-quadrant={quadrant}>
      {t(`scores.quadrants.${quadrant}`)}
    </Badge>
  );
}

export function LoyaltyBadge({ loyalty }: { loyalty: Loyalty }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('accounts.loyaltyTitle', { value: loyalty })} openDelay={400}>
      <Badge color={loyaltyColor[loyalty]} variant="outline" size="sm" radius="sm" w={28} px={0} data-loyalty={loyalty}>
        {loyalty}
      </Badge>
    </Tooltip>
  );
}

/** A 0–100 score as a number with a short bar in its colour. */
export function ScoreMeter({ score, label }: { score: number; label: string }) {
  const rounded = Math.round(score);
  return (
    <Group gap={6} wrap="nowrap" aria-label={label} title={label}>
      <Text size="sm" fw={600} w={24} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {rounded}
      </Text>
      <Progress value={rounded} color={scoreColor(rounded)} size={5} w={32} radius="xl" aria-hidden />
    </Group>
  );
}

export function ChurnBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" size="sm" radius="sm" data-testid="churn-badge">
      {t('scores.churn')}
    </Badge>
  );
}
