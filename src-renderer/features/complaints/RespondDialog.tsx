import { Radio, Group, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../src-main/contract/models';
import { DialogForm } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { instantToWall, wallToInstant } from '../../time/wall-time';
import { userZone } from './complaint-window';
import { useComplaintsStore } from './complaints-store';

interface RespondDialogProps {
  complaint: Complaint | null;
  accountName: string;
  onClose: () => void;
}

/** R15: logs the response to a complaint, now or at a time the user picks (in their own zone). */
export function RespondDialog({ complaint, accountName, onClose }: RespondDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={complaint !== null} onClose={onClose} title={t('complaints.respondDialog.title')} testId="complaint-respond-dialog">
      {complaint && <RespondForm complaint={complaint} accountName={accountName} onClose={onClose} />}
    </FormDialog>
  );
}

type Field = 'when' | 'note';
const isField = (path: string): path is Field => path === 'when' || path === 'note';

function RespondForm({ complaint, accountName, onClose }: { complaint: Complaint; accountName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const respond = useComplaintsStore((state) => state.respond);
  const zone = userZone();
  const form = useValidatedForm({
    initial: () => ({ mode: 'now' as 'now' | 'chosen', when: instantToWall(Date.now(), zone), note: '' }),
    isField,
    validate: (values) => (values.mode === 'chosen' && wallToInstant(values.when, zone) === null ? { when: 'time' as const } : {}),
    send: (values) => {
      const at = values.mode === 'now' ? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') : wallToInstant(values.when, zone)!;
      return respond(complaint.id, at, values.note.trim() || undefined);
    },
    onDone: onClose,
  });
  const whenError = form.problems.when ? t('complaints.validation.time') : form.serverIssues.when;

  return (
    <DialogForm form={form} errorTitle={t('complaints.respondDialog.error')} submitLabel={t('complaints.respondDialog.submit')} onCancel={onClose} testId="complaint-respond">
      <Text size="sm" c="dimmed">
        {t('complaints.respondDialog.intro', { subject: complaint.subject, account: accountName, date: formatInstant(complaint.openedAt, language) })}
      </Text>
      <Radio.Group value={form.values.mode} onChange={(mode) => form.update({ mode: mode as 'now' | 'chosen' }, ['when'])}>
        <Group gap="lg">
          <Radio value="now" label={t('complaints.respondDialog.now')} data-autofocus data-testid="complaint-respond-now" />
          <Radio value="chosen" label={t('complaints.respondDialog.chosen')} data-testid="complaint-respond-chosen" />
        </Group>
      </Radio.Group>
      {form.values.mode === 'chosen' && (
        <TextInput
          type="datetime-local"
          required
          label={t('complaints.respondDialog.when')}
          description={t('complaints.respondDialog.whenDescription', { zone })}
          value={form.values.when}
          onChange={(event) => form.update({ when: event.currentTarget.value }, ['when'])}
          error={whenError}
          data-testid="complaint-respond-when"
        />
      )}
      <Textarea
        label={t('complaints.respondDialog.note')}
        description={t('complaints.respondDialog.noteDescription')}
        autosize
        minRows={2}
        maxRows={6}
        value={form.values.note}
        onChange={(event) => form.update({ note: event.currentTarget.value }, ['note'])}
        error={form.serverIssues.note}
        data-testid="complaint-respond-note"
      />
    </DialogForm>
  );
}
