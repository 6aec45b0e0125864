import { Box, Skeleton, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountListItem } from '../../../src-main/contract/models';
import { countryName, localTimeIn } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { ACCOUNT_ROW_HEIGHT, accountColumns, accountGridColumns } from './account-columns';
import { ChurnBadge, LoyaltyBadge, QuadrantBadge, ScoreMeter, TierBadge } from './ScoreBadges';

interface RowBoxProps {
  index: number;
  start: number;
  children: ReactNode;
  testId: string;
  /** Makes the row open something on click and on Enter. */
  onOpen?: () => void;
}

function rowStyle(start: number): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: ACCOUNT_ROW_HEIGHT,
    transform: `translateY(${start}px)`,
    display: 'grid',
    gridTemplateColumns: accountGridColumns,
    alignItems: 'center',
    columnGap: 'var(--mantine-spacing-md)',
    padding: '0 var(--mantine-spacing-md)',
    borderBottom: '1px solid var(--mantine-color-gray-2)',
  };
}

function RowBox({ index, start, children, testId, onOpen }: RowBoxProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-testid={testId}
      style={{ ...rowStyle(start), cursor: onOpen ? 'pointer' : undefined }}
      tabIndex={onOpen ? 0 : undefined}
      onClick={onOpen}
      onKeyDown={
        onOpen
          ? (event) => {
              if (event.key === 'Enter') onOpen();
            }
          : undefined
      }
    >
      {children}
    </div>
  );
}

function Cell({ children, strong = false }: { children: ReactNode; strong?: boolean }) {
  return (
    <Text role="cell" size="sm" fw={strong ? 600 : 400} truncate="end">
      {children}
    </Text>
  );
}

/** A cell with a main line and a dimmed second line (both fit the fixed row height). */
function TwoLineCell({ main, sub, strong = false }: { main: ReactNode; sub: ReactNode; strong?: boolean }) {
  return (
    <Box role="cell" style={{ minWidth: 0, lineHeight: 1.2 }}>
      <Text size="sm" fw={strong ? 600 : 400} truncate="end" lh={1.35}>
        {main}
      </Text>
      <Text size="xs" c="dimmed" truncate="end" lh={1.3}>
        {sub}
      </Text>
    </Box>
  );
}

function BadgeCell({ children }: { children: ReactNode }) {
  return (
    <Box role="cell" style={{ minWidth: 0, overflow: 'hidden', display: 'flex', alignItems: 'center' }}>
      {children}
    </Box>
  );
}

interface AccountRowProps {
  account: AccountListItem;
  index: number;
  start: number;
  now: Date;
}

export function AccountRow({ account, index, start, now }: AccountRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const openAccount = useUiStore((state) => state.openAccount);
  const score = account.score;
  const none = (
    <Text size="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <RowBox index={index} start={start} testId="account-row" onOpen={() => openAccount(account.id)}>
      <TwoLineCell strong main={account.name} sub={account.city || t('common.none')} />
      <Cell>{countryName(account.country, language)}</Cell>
      <TwoLineCell main={localTimeIn(account.timeZone, now, language) ?? t('common.none')} sub={account.timeZone} />
      <BadgeCell>
        {score?.tier ? (
          <span title={t('accounts.rfmTitle', { r: score.r, f: score.f, m: score.m })}>
            <TierBadge tier={score.tier} />
          </span>
        ) : score ? (
          none
        ) : (
          <Text size="xs" c="dimmed" truncate="end">
            {t('accounts.notScored')}
          </Text>
        )}
      </BadgeCell>
      <BadgeCell>{score?.value != null ? <ScoreMeter score={score.value} label={t('accounts.valueTitle', { value: Math.round(score.value) })} /> : none}</BadgeCell>
      <BadgeCell>{score?.quadrant ? <QuadrantBadge quadrant={score.quadrant} /> : none}</BadgeCell>
      <BadgeCell>{score?.loyalty ? <LoyaltyBadge loyalty={score.loyalty} /> : none}</BadgeCell>
      <BadgeCell>{score?.health != null ? <ScoreMeter score={score.health} label={t('accounts.healthTitle', { value: Math.round(score.health) })} /> : none}</BadgeCell>
      <BadgeCell>{score?.churnWarning ? <ChurnBadge /> : null}</BadgeCell>
    </RowBox>
  );
}

/** A row whose page is still loading. */
export function AccountRowPlaceholder({ index, start }: { index: number; start: number }) {
  const { t } = useTranslation();
  return (
    <RowBox index={index} start={start} testId="account-row-loading">
      {accountColumns.map((column, i) => (
        <Skeleton key={column} height={12} width={i === 0 ? '70%' : '50%'} aria-label={i === 0 ? t('accounts.loadingRow') : undefined} />
      ))}
    </RowBox>
  );
}
