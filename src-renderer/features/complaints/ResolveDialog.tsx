import { Text, TextInput, Textarea } from '@mantine/core';
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

interface ResolveDialogProps {
  complaint: Complaint | null;
  accountName: string;
  onClose: () => void;
}

/** R15: closes a complaint at a time (now by default) with a resolution note; resolving also counts as the response. */
export function ResolveDialog({ complaint, accountName, onClose }: ResolveDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={complaint !== null} onClose={onClose} title={t('complaints.resolveDialog.title')} testId="complaint-resolve-dialog">
      {complaint && <ResolveForm complaint={complaint} accountName={accountName} onClose={onClose} />}
    </FormDialog>
  );
}

type Field = 'when' | 'resolution';
const isField = (path: string): path is Field => path === 'when' || path === 'resolution';
const RESOLUTION_MAX = 20_000;

function ResolveForm({ complaint, accountName, onClose }: { complaint: Complaint; accountName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const resolve = useComplaintsStore((state) => state.resolve);
  const zone = userZone();
  const form = useValidatedForm({
    initial: () => ({ when: instantToWall(Date.now(), zone), resolution: complaint.resolution ?? '' }),
    isField,
    validate: (values) => {
      const problems: Partial<Record<Field, 'time' | 'tooLong'>> = {};
      if (wallToInstant(values.when, zone) === null) problems.when = 'time';
      if (values.resolution.length > RESOLUTION_MAX) problems.resolution = 'tooLong';
      return problems;
    },
    send: (values) => resolve(complaint.id, wallToInstant(values.when, zone)!, values.resolution),
    onDone: onClose,
  });
  const whenError = form.problems.when ? t('complaints.validation.time') : form.serverIssues.when;
  const resolutionError = form.problems.resolution ? t('validation.tooLong', { max: RESOLUTION_MAX }) : form.serverIssues.resolution;

  return (
    <DialogForm form={form} errorTitle={t('complaints.resolveDialog.error')} submitLabel={t('complaints.resolveDialog.submit')} onCancel={onClose} testId="complaint-resolve">
      <Text size="sm" c="dimmed">
        {t('complaints.respondDialog.intro', { subject: complaint.subject, account: accountName, date: formatInstant(complaint.openedAt, language) })}
      </Text>
      <Textarea
        data-autofocus
        autosize
        minRows={3}
        maxRows={8}
        label={t('complaints.resolveDialog.resolution')}
        placeholder={t('complaints.resolveDialog.resolutionPlaceholder')}
        value={form.values.resolution}
        onChange={(event) => form.update({ resolution: event.currentTarget.value }, ['resolution'])}
        error={resolutionError}
        data-testid="complaint-resolve-resolution"
      />
      <TextInput
        type="datetime-local"
        required
        label={t('complaints.resolveDialog.when')}
        description={t('complaints.resolveDialog.whenDescription', { zone })}
        value={form.values.when}
        onChange={(event) => form.update({ when: event.currentTarget.value }, ['when'])}
        error={whenError}
        data-testid="complaint-resolve-when"
      />
    </DialogForm>
  );
}
