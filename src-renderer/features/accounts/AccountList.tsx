import { Paper } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/use-now';
import { accountAt, useAccountsStore } from '../../stores/accounts-store';
import { ACCOUNT_ROW_HEIGHT } from './account-columns';
import { AccountListHeader } from './AccountListHeader';
import { AccountRow, AccountRowPlaceholder } from './AccountRow';

/**
 * The accounts as a virtual table (mounted afresh for every search, so it starts at the top): only the visible rows (plus a few) are in the DOM, and their pages are
 * fetched with `accounts.list` offset/limit as they scroll into view, so a 50,000-account book scrolls smoothly.
 */
export function AccountList({ total }: { total: number }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pages = useAccountsStore((state) => state.pages);
  const ensureRange = useAccountsStore((state) => state.ensureRange);
  const now = useNow();

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ACCOUNT_ROW_HEIGHT,
    overscan: 6,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, ensureRange]);

  return (
    <Paper
      withBorder
      role="table"
      aria-label={t('accounts.listLabel')}
      aria-rowcount={total + 1}
      style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
    >
      <AccountListHeader />
      <div ref={scrollRef} data-testid="account-list" style={{ flex: 1, minHeight: 0, overflowY: 'auto', contain: 'strict' }}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const account = accountAt(pages, item.index);
            return account ? (
              <AccountRow key={account.id} account={account} index={item.index} start={item.start} now={now} />
            ) : (
              <AccountRowPlaceholder key={`loading-${item.index}`} index={item.index} start={item.start} />
            );
          })}
        </div>
      </div>
    </Paper>
  );
}
