import { Skeleton, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-main/contract/models';
import { countryName, localTimeIn } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { ACCOUNT_ROW_HEIGHT, accountGridColumns } from './account-columns';

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

interface AccountRowProps {
  account: Account;
  index: number;
  start: number;
  now: Date;
}

export function AccountRow({ account, index, start, now }: AccountRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const openAccount = useUiStore((state) => state.openAccount);
  return (
    <RowBox index={index} start={start} testId="account-row" onOpen={() => openAccount(account.id)}>
      <Cell strong>{account.name}</Cell>
      <Cell>{countryName(account.country, language)}</Cell>
      <Cell>{account.city || t('common.none')}</Cell>
      <Cell>{account.timeZone}</Cell>
      <Cell>{localTimeIn(account.timeZone, now, language) ?? t('common.none')}</Cell>
    </RowBox>
  );
}

/** A row whose page is still loading. */
export function AccountRowPlaceholder({ index, start }: { index: number; start: number }) {
  const { t } = useTranslation();
  return (
    <RowBox index={index} start={start} testId="account-row-loading">
      <Skeleton height={12} width="70%" aria-label={t('accounts.loadingRow')} />
      <Skeleton height={12} width="50%" />
      <Skeleton height={12} width="40%" />
      <Skeleton height={12} width="60%" />
      <Skeleton height={12} width="50%" />
    </RowBox>
  );
}
