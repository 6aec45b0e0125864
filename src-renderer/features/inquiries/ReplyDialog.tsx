import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { InboxRow } from '../../../src-main/contract/inquiries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { formatInstant, weekdayTimeIn } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { useInquiriesStore } from './inquiries-store';
import { instantToWall, wallToInstant } from '../../time/wall-time';

interface ReplyDialogProps {
  row: InboxRow | null;
  myTimeZone: string;
  onClose: () => void;
}

/** Logs the first reply (closes the R1 to-do): just now, or at a time in the user's own zone. Enter logs, Esc cancels. */
export function ReplyDialog({ row, myTimeZone, onClose }: ReplyDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={row !== null} onClose={onClose} title={row ? t('inquiries.reply.title', { name: row.deadline.accountName }) : ''} testId="reply-dialog">
      {row && <ReplyForm row={row} myTimeZone={myTimeZone} onClose={onClose} />}
    </FormDialog>
  );
}

type Problem = 'required' | 'time' | 'beforeReceipt' | 'future';

function ReplyForm({ row, myTimeZone, onClose }: { row: InboxRow; myTimeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const reply = useInquiriesStore((state) => state.reply);
  const [mode, setMode] = useState<'now' | 'at'>('now');
  const [wall, setWall] = useState(() => instantToWall(Date.now(), myTimeZone));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const zone = row.deadline.timeZone;
  const theirs = (instant: string) => weekdayTimeIn(new Date(instant), zone, language) ?? instant;
  const atInstant = mode === 'at' ? wallToInstant(wall, myTimeZone) : null;

  const check = (): string | Problem => {
    if (mode === 'now') return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    if (!wall) return 'required';
    if (atInstant === null) return 'time';
    if (Date.parse(atInstant) < Date.parse(row.receivedAt)) return 'beforeReceipt';
    if (Date.parse(atInstant) > Date.now() + 60_000) return 'future';
    return atInstant;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const at = check();
    if (at === 'required' || at === 'time' || at === 'beforeReceipt' || at === 'future') {
      setProblem(at);
      return;
    }
    setSubmitting(true);
    const failed = await reply(row, at);
    setSubmitting(false);
    if (failed) setError(failed);
    else onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} data-testid="reply-form">
      <Stack gap="sm">
        {error && <ApiErrorAlert error={error} title={t('inquiries.reply.errorTitle')} testId="reply-error" />}
        <Text size="sm" c="dimmed" data-testid="reply-summary">
          {t('inquiries.reply.summary', { received: theirs(row.receivedAt), replyBy: theirs(row.deadline.replyBy) })}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="reply-when">
            {t('inquiries.reply.when')}
          </Text>
          <SegmentedControl
            aria-labelledby="reply-when"
            value={mode}
            onChange={(value) => {
              setMode(value === 'at' ? 'at' : 'now');
              setProblem(null);
            }}
            data={[
              { value: 'now', label: t('inquiries.reply.now') },
              { value: 'at', label: t('inquiries.reply.at') },
            ]}
            data-testid="reply-mode"
          />
        </Stack>
        {mode === 'at' && (
          <TextInput
            type="datetime-local"
            data-autofocus
            label={t('inquiries.reply.atLabel', { zone: myTimeZone })}
            description={atInstant ? t('inquiries.reply.theirs', { time: theirs(atInstant) }) : undefined}
            value={wall}
            onChange={(event) => {
              setWall(event.currentTarget.value);
              setProblem(null);
            }}
            error={problem ? t(`inquiries.reply.validation.${problem}`, { received: formatInstant(row.receivedAt, language, myTimeZone) }) : undefined}
            data-testid="reply-at"
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} data-testid="reply-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-autofocus={mode === 'now' ? true : undefined} data-testid="reply-submit">
            {t('inquiries.reply.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
