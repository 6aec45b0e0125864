import { Box, Button, Chip, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasActiveFilters, noFilters, useAccountsStore } from '../../stores/accounts-store';
import { QuadrantBadge, TierBadge } from './ScoreBadges';
import { loyaltyOrder, quadrantOrder, tierOrder, type Loyalty, type Quadrant, type Tier } from './score-style';

const ALL = 'all';

const isTier = (value: string | null): value is Tier => (tierOrder as readonly (string | null)[]).includes(value);
const isQuadrant = (value: string | null): value is Quadrant => (quadrantOrder as readonly (string | null)[]).includes(value);
const isLoyalty = (value: string): value is Loyalty => (loyaltyOrder as readonly string[]).includes(value);

/**
 * Filters on the latest scores (tier, quadrant, loyalty, churn warning), combined with the search box. They stay in
 * the store while the user visits other pages; every control is reachable with Tab and works with the keyboard.
 */
export function AccountFilters() {
  const { t } = useTranslation();
  const filters = useAccountsStore((state) => state.filters);
  const setFilters = useAccountsStore((state) => state.setFilters);
  const active = hasActiveFilters(filters);

  return (
    <Group gap="sm" align="center" wrap="wrap" role="group" aria-label={t('accounts.filters.label')} data-testid="account-filters">
      <Select
        size="xs"
        w={150}
        aria-label={t('accounts.filters.tier')}
        placeholder={t('accounts.filters.tierAll')}
        clearable
        data={tierOrder.map((tier) => ({ value: tier, label: t(`scores.tiers.${tier}`) }))}
        renderOption={({ option }) => (isTier(option.value) ? <TierBadge tier={option.value} /> : option.label)}
        value={filters.tier}
        onChange={(value) => void setFilters({ tier: isTier(value) ? value : null })}
        clearButtonProps={{ 'aria-label': t('accounts.filters.clear') }}
        data-testid="filter-tier"
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        size="xs"
        w={170}
        aria-label={t('accounts.filters.quadrant')}
        placeholder={t('accounts.filters.quadrantAll')}
        clearable
        data={quadrantOrder.map((quadrant) => ({ value: quadrant, label: t(`scores.quadrants.${quadrant}`) }))}
        renderOption={({ option }) =>
          isQuadrant(option.value) ? (
            <Group gap={6} wrap="nowrap">
              <QuadrantBadge quadrant={option.value} />
              <Text size="xs" c="dimmed">
                {t(`scores.quadrantHints.${option.value}`)}
              </Text>
            </Group>
          ) : (
            option.label
          )
        }
        value={filters.quadrant}
        onChange={(value) => void setFilters({ quadrant: isQuadrant(value) ? value : null })}
        clearButtonProps={{ 'aria-label': t('accounts.filters.clear') }}
        data-testid="filter-quadrant"
      />
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" fw={600} id="filter-loyalty-label">
          {t('accounts.filters.loyalty')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="filter-loyalty-label"
          data={[
            { value: ALL, label: t('accounts.filters.loyaltyAll') },
            ...loyaltyOrder.map((loyalty) => ({ value: loyalty, label: t(`scores.loyalty.${loyalty}`) })),
          ]}
          value={filters.loyalty ?? ALL}
          onChange={(value) => void setFilters({ loyalty: isLoyalty(value) ? value : null })}
          data-testid="filter-loyalty"
        />
      </Group>
      <Box data-testid="filter-churn" data-checked={filters.churn}>
        <Chip size="xs" color="red" variant="light" checked={filters.churn} onChange={(checked) => void setFilters({ churn: checked })}>
          {t('accounts.filters.churn')}
        </Chip>
      </Box>
      {active && (
        <Button size="compact-xs" variant="subtle" onClick={() => void setFilters(noFilters)} data-testid="filter-clear">
          {t('accounts.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
