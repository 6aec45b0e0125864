import { Button, Group, Stack } from '@mantine/core';
import { useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-main/contract/errors';
import { useFocusFirstInvalid } from '../hooks/use-validated-form';
import { ApiErrorAlert } from './ApiErrorAlert';

/**
 * A required pick-one list typed into (country, currency): typing filters, the first match is taken on Enter or when
 * leaving the field, and a choice cannot be cleared.
 */
export const searchablePick = {
  required: true,
  searchable: true,
  selectFirstOptionOnChange: true,
  openOnFocus: false,
  autoSelectOnBlur: true,
  allowDeselect: false,
} as const;

/** For a multi-line field of a form: Enter is a new line there, Ctrl+Enter (⌘+Enter) submits the form. */
export function submitOnCtrlEnter(event: React.KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

interface DialogFormProps {
  /** What useValidatedForm gives: the error for the Alert, the pending state, failed attempts, submit. */
  form: { formError: ApiError | null; submitting: boolean; attempt: number; submit: (event: FormEvent<HTMLFormElement>) => Promise<void> };
  errorTitle: string;
  submitLabel: string;
  onCancel: () => void;
  /** Test ids `<testId>-fields`, `-form-error`, `-cancel`, `-submit`. */
  testId: string;
  children: ReactNode;
}

/**
 * The body of a form dialog: an Alert for errors not tied to a field, the fields, Cancel and Submit. Enter submits;
 * after a failed attempt focus moves to the first field with a message.
 */
export function DialogForm({ form, errorTitle, submitLabel, onCancel, testId, children }: DialogFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, form.attempt);
  return (
    <form ref={formRef} noValidate onSubmit={(event) => void form.submit(event)} data-testid={`${testId}-fields`}>
      <Stack gap="sm">
        {form.formError && <ApiErrorAlert error={form.formError} title={errorTitle} testId={`${testId}-form-error`} />}
        {children}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
