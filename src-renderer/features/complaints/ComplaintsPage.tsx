import { Button, Center, EmptyState, Group, Loader, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNow } from '../../hooks/use-now';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { ComplaintRow } from './ComplaintRow';
import { NewComplaintDialog } from './NewComplaintDialog';
import { ResolveDialog } from './ResolveDialog';
import { RespondDialog } from './RespondDialog';
import { useComplaintsStore } from './complaints-store';

/** R15: open complaints, most urgent first (grade A, then the nearest deadline), with both deadlines counting down. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { complaints, names, showResolved, loading, error } = useComplaintsStore();
  const load = useComplaintsStore((state) => state.load);
  const setShowResolved = useComplaintsStore((state) => state.setShowResolved);
  const now = useNow();
  const [responding, setResponding] = useState<Complaint | null>(null);
  const [resolving, setResolving] = useState<Complaint | null>(null);
  const [adding, setAdding] = useState(false);
  const onRespond = useCallback((complaint: Complaint) => setResponding(complaint), []);
  const onResolve = useCallback((complaint: Complaint) => setResolving(complaint), []);

  useEffect(() => {
    void load();
  }, [load]);

  const count = complaints?.length ?? 0;
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="complaints-page">
      <Stack gap={2}>
        <Group gap="md" align="baseline" justify="space-between">
          <Group gap="md" align="baseline">
            <Title order={2}>{t('complaints.title')}</Title>
            {complaints && (
              <Text size="sm" c="dimmed" data-testid="complaints-count" data-count={count} aria-live="polite">
                {t('complaints.count', { count, formatted: formatNumber(count, language) })}
              </Text>
            )}
          </Group>
          <Group gap="sm">
            <Switch
              checked={showResolved}
              onChange={(event) => setShowResolved(event.currentTarget.checked)}
              label={t('complaints.showResolved')}
              data-testid="complaints-show-resolved"
            />
            <Button variant="default" onClick={() => void load()} loading={loading && complaints !== null} data-testid="complaints-refresh">
              {t('complaints.refresh')}
            </Button>
            <Button onClick={() => setAdding(true)} data-testid="complaints-add">
              {t('complaints.add')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed" maw={820}>
          {t('complaints.intro')}
        </Text>
      </Stack>

      {error && <ApiErrorAlert error={error} title={t('complaints.loadError')} onRetry={() => void load()} testId="complaints-error" />}

      {complaints === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} data-testid="complaints-loading" />
          </Center>
        )
      ) : complaints.length === 0 ? (
        <EmptyState
          data-testid="complaints-empty"
          title={showResolved ? t('complaints.empty.titleAll') : t('complaints.empty.title')}
          description={t('complaints.empty.description')}
        />
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table highlightOnHover verticalSpacing={6} aria-label={t('complaints.listLabel')} data-testid="complaints-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaints.column.account')}</Table.Th>
                <Table.Th>{t('complaints.column.subject')}</Table.Th>
                <Table.Th w={70}>{t('complaints.column.grade')}</Table.Th>
                <Table.Th w={150}>{t('complaints.column.opened')}</Table.Th>
                <Table.Th w={190}>{t('complaints.column.response')}</Table.Th>
                <Table.Th w={190}>{t('complaints.column.remediation')}</Table.Th>
                <Table.Th w={120}>{t('complaints.column.state')}</Table.Th>
                <Table.Th w={170}>
                  <VisuallyHidden>{t('complaints.column.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {complaints.map((complaint) => (
                <ComplaintRow
                  key={complaint.id}
                  complaint={complaint}
                  accountName={names[complaint.accountId] ?? ''}
                  nowMs={now.getTime()}
                  onRespond={onRespond}
                  onResolve={onResolve}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <RespondDialog complaint={responding} accountName={responding ? (names[responding.accountId] ?? '') : ''} onClose={() => setResponding(null)} />
      <ResolveDialog complaint={resolving} accountName={resolving ? (names[resolving.accountId] ?? '') : ''} onClose={() => setResolving(null)} />
      <NewComplaintDialog opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
