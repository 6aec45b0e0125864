import { Text } from '@mantine/core';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountListItem } from '../../../src-main/contract/models';
import { LoadingBar } from '../../components/LoadingBar';
import { countryName, localTimeIn } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { ACCOUNT_ROW_HEIGHT, accountColumns, accountGridColumns } from './account-columns';
import { MiniBadge, ScoreMeter } from './ScoreBadges';
import { loyaltyColor, quadrantColor, tierColor } from './score-style';

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

const ellipsis: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

/** A cell with a main line and a dimmed second line (both fit the fixed row height); plain elements, rows are many. */
function TwoLineCell({ main, sub, strong = false, mainTestId }: { main: ReactNode; sub: ReactNode; strong?: boolean; mainTestId?: string }) {
  return (
    <div role="cell" style={{ minWidth: 0 }}>
      <div data-testid={mainTestId} title={typeof main === 'string' ? main : undefined} style={{ ...ellipsis, fontSize: 'var(--mantine-font-size-sm)', fontWeight: strong ? 600 : 400, lineHeight: 1.35 }}>{main}</div>
      <div style={{ ...ellipsis, fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', lineHeight: 1.3 }}>{sub}</div>
    </div>
  );
}

function BadgeCell({ children }: { children: ReactNode }) {
  return (
    <div role="cell" style={{ minWidth: 0, overflow: 'hidden', display: 'flex', alignItems: 'center' }}>
      {children}
    </div>
  );
}

const dimmed: CSSProperties = { color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-sm)' };

interface AccountRowProps {
  account: AccountListItem;
  index: number;
  start: number;
  now: Date;
}

/** One row; memoised: a page of rows arriving while the list scrolls re-renders only the rows that changed. */
export const AccountRow = memo(function AccountRow({ account, index, start, now }: AccountRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const openAccount = useUiStore((state) => state.openAccount);
  const score = account.score;
  const none = <span style={dimmed}>{t('common.none')}</span>;
  return (
    <RowBox index={index} start={start} testId="account-row" onOpen={() => openAccount(account.id)}>
      <TwoLineCell strong mainTestId="account-row-name" main={account.name} sub={account.city || t('common.none')} />
      <Cell>{countryName(account.country, language)}</Cell>
      <TwoLineCell main={localTimeIn(account.timeZone, now, language) ?? t('common.none')} sub={account.timeZone} />
      <BadgeCell>
        {score?.tier ? (
          <MiniBadge
            color={tierColor[score.tier]}
            variant={score.tier === 'VIP' ? 'filled' : 'light'}
            title={t('accounts.rfmTitle', { r: score.r, f: score.f, m: score.m })}
            data-tier={score.tier}
          >
            {t(`scores.tiers.${score.tier}`)}
          </MiniBadge>
        ) : score ? (
          none
        ) : (
          <span style={{ ...dimmed, ...ellipsis, fontSize: 'var(--mantine-font-size-xs)' }}>{t('accounts.notScored')}</span>
        )}
      </BadgeCell>
      <BadgeCell>{score?.value != null ? <ScoreMeter score={score.value} label={t('accounts.valueTitle', { value: Math.round(score.value) })} /> : none}</BadgeCell>
      <BadgeCell>
        {score?.quadrant ? (
          <MiniBadge color={quadrantColor[score.quadrant]} variant="dot" data-quadrant={score.quadrant}>
            {t(`scores.quadrants.${score.quadrant}`)}
          </MiniBadge>
        ) : (
          none
        )}
      </BadgeCell>
      <BadgeCell>
        {score?.loyalty ? (
          <MiniBadge
            color={loyaltyColor[score.loyalty]}
            variant="outline"
            title={t('accounts.loyaltyTitle', { value: score.loyalty })}
            style={{ width: 24, justifyContent: 'center', padding: 0 }}
            data-loyalty={score.loyalty}
          >
            {score.loyalty}
          </MiniBadge>
        ) : (
          none
        )}
      </BadgeCell>
      <BadgeCell>{score?.health != null ? <ScoreMeter score={score.health} label={t('accounts.healthTitle', { value: Math.round(score.health) })} /> : none}</BadgeCell>
      <BadgeCell>
        {score?.churnWarning ? (
          <MiniBadge color="red" variant="light" data-testid="churn-badge">
            {t('scores.churn')}
          </MiniBadge>
        ) : null}
      </BadgeCell>
    </RowBox>
  );
});

/** A row whose page is still loading. */
export const AccountRowPlaceholder = memo(function AccountRowPlaceholder({ index, start }: { index: number; start: number }) {
  const { t } = useTranslation();
  return (
    <RowBox index={index} start={start} testId="account-row-loading">
      {accountColumns.map((column, i) => (
        <LoadingBar key={column} width={i === 0 ? '70%' : '50%'} {...(i === 0 ? { label: t('accounts.loadingRow') } : {})} />
      ))}
    </RowBox>
  );
});
