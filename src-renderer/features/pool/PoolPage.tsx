import { Alert, Anchor, Button, Center, EmptyState, Group, Loader, Notification, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolAccount } from '../../../src-main/contract/sharing';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { countryName, formatInstant, formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { ClaimDialog } from './ClaimDialog';
import { PoolDaysForm } from './PoolDaysForm';
import { usePoolStore } from './pool-store';

/** 公海: accounts nobody followed up for `poolDays` days (or nobody owns), each claimable by name. */
export function PoolPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { days, total, accounts, loading, error, claimed } = usePoolStore();
  const load = usePoolStore((state) => state.load);
  const loadMore = usePoolStore((state) => state.loadMore);
  const dismissClaimed = usePoolStore((state) => state.dismissClaimed);
  const [claiming, setClaiming] = useState<PoolAccount | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="pool-page" data-days={days ?? undefined}>
      <Stack gap={2}>
        <Group gap="md" align="baseline">
          <Title order={2}>{t('pool.title')}</Title>
          {days !== null && days > 0 && (
            <Text size="sm" c="dimmed" data-testid="pool-count" data-count={total} aria-live="polite">
              {t('pool.count', { count: total, formatted: formatNumber(total, language) })}
            </Text>
          )}
        </Group>
        {days !== null && days > 0 && (
          <Text size="sm" c="dimmed" maw={820} data-testid="pool-intro">
            {t('pool.intro', { count: days })}
          </Text>
        )}
      </Stack>

      {days !== null && (
        <Paper withBorder radius="md" p="sm">
          <PoolDaysForm key={days} days={days} />
        </Paper>
      )}
      {days === 0 && (
        <Alert color="gray" variant="light" data-testid="pool-off">
          {t('pool.off')}
        </Alert>
      )}
      {claimed && (
        <Notification color="teal" withBorder onClose={dismissClaimed} closeButtonProps={{ 'aria-label': t('common.close') }} role="status" data-testid="pool-claimed">
          {t('pool.claimed', { name: claimed.name, owner: claimed.owner ?? '' })}
        </Notification>
      )}
      {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="pool-error" />}

      {days === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )
      ) : days === 0 ? null : accounts.length === 0 ? (
        <EmptyState data-testid="pool-empty" title={t('pool.empty.title')} description={t('pool.empty.description')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing={6} aria-label={t('pool.listLabel')} data-testid="pool-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pool.name')}</Table.Th>
                  <Table.Th w={180}>{t('pool.country')}</Table.Th>
                  <Table.Th w={160}>{t('pool.owner')}</Table.Th>
                  <Table.Th w={200}>{t('pool.idle')}</Table.Th>
                  <Table.Th w={110}>
                    <VisuallyHidden>{t('pool.claim')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.map((account) => (
                  <Table.Tr key={account.id} data-testid="pool-row" data-account-id={account.id} data-idle-days={account.idleDays ?? undefined}>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" fw={600} onClick={() => useUiStore.getState().openAccount(account.id)} data-testid="pool-row-name">
                        {account.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{countryName(account.country, language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={account.owner ? undefined : 'dimmed'} data-testid="pool-row-owner">
                        {account.owner || t('pool.nobody')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="pool-row-idle">
                        {account.idleDays !== null ? t('pool.idleDays', { count: account.idleDays, formatted: formatNumber(account.idleDays, language) }) : t('common.none')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {account.lastFollowUp ? t('pool.lastFollowUp', { date: formatInstant(account.lastFollowUp, language) }) : t('pool.neverFollowedUp')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => setClaiming(account)} aria-label={t('pool.claimLabel', { name: account.name })} data-testid="pool-claim">
                        {t('pool.claim')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {accounts.length < total && (
            <Group>
              <Button variant="default" onClick={() => void loadMore()} loading={loading} data-testid="pool-more">
                {t('pool.more')}
              </Button>
            </Group>
          )}
        </>
      )}
      <ClaimDialog account={claiming} onClose={() => setClaiming(null)} />
    </Stack>
  );
}
