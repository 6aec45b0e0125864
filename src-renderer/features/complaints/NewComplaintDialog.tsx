import { SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../src-main/contract/models';
import { DialogForm } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { AccountSelect, asPicked, type PickedAccount } from '../../components/AccountSelect';
import { instantToWall, wallToInstant } from '../../time/wall-time';
import { COMPLAINT_GRADES, userZone, type ComplaintGrade } from './complaint-window';
import { useComplaintsStore } from './complaints-store';

interface NewComplaintDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** R15: a new complaint: the account (searched), its grade, subject, description and when it was opened. */
export function NewComplaintDialog({ opened, onClose }: NewComplaintDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('complaints.addDialog.title')} testId="complaint-add-dialog">
      <NewComplaintForm onClose={onClose} />
    </FormDialog>
  );
}

type Field = 'accountId' | 'grade' | 'subject' | 'description' | 'openedAt';
const FIELDS: readonly string[] = ['accountId', 'grade', 'subject', 'description', 'openedAt'];
const isField = (path: string): path is Field => FIELDS.includes(path);
const SUBJECT_MAX = 200;
const DESCRIPTION_MAX = 20_000;

type Problem = 'required' | 'tooLong' | 'time';

interface Values {
  accountId: PickedAccount | null;
  grade: ComplaintGrade;
  subject: string;
  description: string;
  openedAt: string;
}

function NewComplaintForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const add = useComplaintsStore((state) => state.add);
  const zone = userZone();
  const form = useValidatedForm<Field, Values, Problem, Complaint>({
    initial: () => ({ accountId: null, grade: 'B', subject: '', description: '', openedAt: instantToWall(Date.now(), zone) }),
    isField,
    validate: (values) => {
      const problems: Partial<Record<Field, Problem>> = {};
      if (values.accountId === null) problems.accountId = 'required';
      if (!values.subject.trim()) problems.subject = 'required';
      else if (values.subject.trim().length > SUBJECT_MAX) problems.subject = 'tooLong';
      if (values.description.length > DESCRIPTION_MAX) problems.description = 'tooLong';
      if (wallToInstant(values.openedAt, zone) === null) problems.openedAt = 'time';
      return problems;
    },
    send: (values) =>
      add({
        accountId: values.accountId!.id,
        grade: values.grade,
        subject: values.subject.trim(),
        ...(values.description.trim() ? { description: values.description } : {}),
        openedAt: wallToInstant(values.openedAt, zone)!,
      }),
    onDone: onClose,
  });
  const message = (field: Field, max?: number): string | undefined => {
    const problem = form.problems[field];
    if (problem === 'required') return t('validation.required');
    if (problem === 'tooLong') return t('validation.tooLong', { max });
    if (problem === 'time') return t('complaints.validation.time');
    return form.serverIssues[field];
  };

  return (
    <DialogForm form={form} errorTitle={t('complaints.addDialog.error')} submitLabel={t('complaints.addDialog.submit')} onCancel={onClose} testId="complaint-add">
      <AccountSelect
        value={form.values.accountId}
        onChange={(account) => form.update({ accountId: account }, ['accountId'])}
        pick={asPicked}
        label={t('complaints.addDialog.account')}
        placeholder={t('complaints.addDialog.accountPlaceholder')}
        nothingFound={t('complaints.addDialog.noAccounts')}
        error={message('accountId')}
        testId="complaint-add-account"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="complaint-add-grade-label">
          {t('complaints.addDialog.grade')}
        </Text>
        <SegmentedControl
          aria-labelledby="complaint-add-grade-label"
          value={form.values.grade}
          onChange={(grade) => form.update({ grade: grade as ComplaintGrade }, ['grade'])}
          data={COMPLAINT_GRADES.map((grade) => ({ value: grade, label: t(`complaints.gradeLabel.${grade}`) }))}
          data-testid="complaint-add-grade"
        />
      </Stack>
      <TextInput
        required
        label={t('complaints.addDialog.subject')}
        value={form.values.subject}
        onChange={(event) => form.update({ subject: event.currentTarget.value }, ['subject'])}
        error={message('subject', SUBJECT_MAX)}
        data-testid="complaint-add-subject"
      />
      <Textarea
        autosize
        minRows={2}
        maxRows={6}
        label={t('complaints.addDialog.description')}
        value={form.values.description}
        onChange={(event) => form.update({ description: event.currentTarget.value }, ['description'])}
        error={message('description', DESCRIPTION_MAX)}
        data-testid="complaint-add-description"
      />
      <TextInput
        type="datetime-local"
        required
        label={t('complaints.addDialog.openedAt')}
        description={t('complaints.addDialog.openedAtDescription', { zone })}
        value={form.values.openedAt}
        onChange={(event) => form.update({ openedAt: event.currentTarget.value }, ['openedAt'])}
        error={message('openedAt')}
        data-testid="complaint-add-opened"
      />
    </DialogForm>
  );
}
