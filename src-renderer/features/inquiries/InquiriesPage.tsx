import { Button, Center, Checkbox, EmptyState, Group, Loader, Notification, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow } from '../../../src-main/contract/inquiries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNow } from '../../hooks/use-now';
import { formatInstant, formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { InboxTable } from './InboxTable';
import { INBOX_LIMIT, useInquiriesStore } from './inquiries-store';
import { NewInquiryDialog } from './NewInquiryDialog';
import { ReplyDialog } from './ReplyDialog';
import { StatsCard } from './StatsCard';
import { useDuration } from './use-duration';

/** R1/R4/R16: the inbox, least time left to reply first, with the buyer's clock; below it the response statistics. */
export function InquiriesPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { rows, myTimeZone, showReplied, error, notice } = useInquiriesStore();
  const { load, loadStats, setShowReplied, dismissNotice } = useInquiriesStore.getState();
  const now = useNow();
  const duration = useDuration();
  const [replying, setReplying] = useState<InboxRow | null>(null);
  const [adding, setAdding] = useState(false);
  const zone = myTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    void load();
    void loadStats();
  }, [load, loadStats]);
  // The countdown is computed from each row's deadline and the minute clock; the list itself is read again every 5 min.
  useEffect(() => {
    const timer = setInterval(() => void load(), 300_000);
    return () => clearInterval(timer);
  }, [load]);

  const count = rows?.length ?? 0;
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="inquiries-page">
      <Stack gap={2}>
        <Group gap="md" align="baseline" justify="space-between">
          <Group gap="md" align="baseline">
            <Title order={2}>{t('inquiries.title')}</Title>
            {rows && (
              <Text size="sm" c="dimmed" data-testid="inbox-count" data-count={count} aria-live="polite">
                {t(showReplied ? 'inquiries.inbox.countAll' : 'inquiries.inbox.count', { count, formatted: formatNumber(count, language) })}
              </Text>
            )}
          </Group>
          <Group gap="sm">
            <Checkbox label={t('inquiries.inbox.showReplied')} checked={showReplied} onChange={(event) => void setShowReplied(event.currentTarget.checked)} data-testid="inbox-show-replied" />
            <Button variant="default" onClick={() => void load()} data-testid="inbox-refresh">
              {t('inquiries.inbox.refresh')}
            </Button>
            <Button onClick={() => setAdding(true)} data-testid="inbox-add">
              {t('inquiries.inbox.add')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('inquiries.intro')} {t('inquiries.inbox.keys')}
        </Text>
      </Stack>

      {notice && (
        <Notification color="teal" withBorder onClose={dismissNotice} closeButtonProps={{ 'aria-label': t('common.close') }} role="status" data-testid="inquiries-notice">
          {notice.kind === 'replied'
            ? t('inquiries.reply.done', { name: notice.name, outcome: notice.late === null ? t('inquiries.reply.met') : t('inquiries.reply.late', { duration: duration(notice.late) }) })
            : t('inquiries.form.added', { name: notice.name, time: formatInstant(notice.replyBy ?? notice.inquiry.receivedAt, language, zone) })}
        </Notification>
      )}
      {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="inbox-error" />}

      {rows === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )
      ) : rows.length === 0 ? (
        <EmptyState
          data-testid="inbox-empty"
          title={t(showReplied ? 'inquiries.inbox.emptyAll.title' : 'inquiries.inbox.empty.title')}
          description={t(showReplied ? 'inquiries.inbox.emptyAll.description' : 'inquiries.inbox.empty.description')}
        />
      ) : (
        <>
          <InboxTable rows={rows} now={now} myTimeZone={zone} onReply={setReplying} />
          {rows.length >= INBOX_LIMIT && (
            <Text size="sm" c="dimmed" data-testid="inbox-limited">
              {t('inquiries.inbox.limited', { count: rows.length })}
            </Text>
          )}
        </>
      )}

      <StatsCard />
      <ReplyDialog row={replying} myTimeZone={zone} onClose={() => setReplying(null)} />
      <NewInquiryDialog opened={adding} myTimeZone={zone} onClose={() => setAdding(false)} />
    </Stack>
  );
}
