import { Alert, Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RescoreJob } from '../../src-main/contract/rescoring';
import { formatNumber, type Language } from '../i18n';
import { useAccountsStore } from '../stores/accounts-store';
import { useDashboardStore } from '../stores/dashboard-store';
import { POLL_IDLE_MS, POLL_RUNNING_MS, useRescoreStore } from '../stores/rescore-store';
import { useUiStore } from '../stores/ui-store';

/** Asks how the book's background rescore is, often while one runs; a finished one reloads the scores shown. */
function useRescorePolling(): void {
  const poll = useRescoreStore((state) => state.poll);
  const running = useRescoreStore((state) => state.job?.state === 'running');
  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), running ? POLL_RUNNING_MS : POLL_IDLE_MS);
    return () => clearInterval(timer);
  }, [poll, running]);
  useEffect(
    () =>
      useRescoreStore.getState().onDone(() => {
        if (useDashboardStore.getState().summary !== null) void useDashboardStore.getState().load();
        if (useAccountsStore.getState().total !== null) void useAccountsStore.getState().refresh();
      }),
    [],
  );
}

function progressText(job: RescoreJob, t: TFunction, language: Language): string {
  if (job.phase === 'read') return t('rescoring.reading');
  if (job.phase === 'write') return t('rescoring.writing');
  return t('rescoring.scoring', { count: job.total, done: formatNumber(job.done, language), total: formatNumber(job.total, language) });
}

/**
 * The book's background rescore above every page (issue 13 item 6, issue 14 item 1): a progress bar with what it
 * is doing and a Stop button while it runs (a book never scored says so); a rescore that failed says why, with
 * nothing changed, and can be started again.
 */
export function RescoreStatus() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const job = useRescoreStore((state) => state.job);
  const start = useRescoreStore((state) => state.start);
  const cancel = useRescoreStore((state) => state.cancel);
  useRescorePolling();
  if (job === null) return null;
  if (job.state === 'failed') {
    return (
      <Alert color="red" variant="light" data-testid="rescore-failed" role="alert">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('rescoring.failed', { message: job.error?.message ?? '' })}</Text>
          <Button size="xs" variant="default" onClick={() => void start()}>
            {t('rescoring.retry')}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (job.state !== 'running') return null;
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const text = progressText(job, t, language);
  return (
    <Paper withBorder p="xs" data-testid="rescore-status" data-phase={job.phase} data-done={job.done} data-total={job.total}>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" role="status" aria-live="polite" data-testid="rescore-text">
            {text}
          </Text>
          {job.reason === 'first' && (
            <Text size="xs" c="dimmed">
              {t('rescoring.first')}
            </Text>
          )}
          <Progress value={job.phase === 'write' ? 100 : percent} animated={job.phase !== 'score'} mt={4} aria-label={t('rescoring.label')} />
        </div>
        <Button size="xs" variant="default" onClick={() => void cancel()} data-testid="rescore-cancel">
          {t('rescoring.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}
