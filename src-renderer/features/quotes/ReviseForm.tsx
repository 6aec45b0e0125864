import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFocusFirstInvalid } from '../../hooks/use-validated-form';
import { useUiStore } from '../../stores/ui-store';
import { ItemsTable } from './ItemsTable';
import { QuestionsPanel } from './QuestionsPanel';
import {
  answersInput,
  emptyItem,
  emptyValidity,
  formatDay,
  isRevisable,
  itemsOfVersion,
  questionsInput,
  termsInput,
  termsOfVersion,
  validityChanged,
  validityInput,
  validityOfVersion,
  validityProblems,
  type ValidityDraft,
} from './quote-format';
import { useQuotesStore } from './quotes-store';
import { TermsFields } from './TermsFields';
import { useQuoteForm, type QuoteFormValues } from './use-quote-form';
import { ValidityFields } from './ValidityFields';

const FIELDS = ['validity', 'items', 'incoterm', 'paymentTerms', 'leadTimeDays', 'terms', 'note', 'questions', 'answers'] as const;
type Field = (typeof FIELDS)[number];
type ReviseValues = QuoteFormValues & { validity: ValidityDraft } & Record<Field, unknown>;

/**
 * R8: the current version's validity (R7), lines and terms, the questions with answer fields and new ones; "Save as
 * new version" calls `quotes.revise` (the old versions are kept), with the validity only when it was changed (else
 * the new version carries the current one). A closed quote shows the same, read only. The parent keys this form by
 * version, so a saved version starts the next edit from itself.
 */
export function ReviseForm({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const revise = useQuotesStore((state) => state.revise);
  const formRef = useRef<HTMLFormElement>(null);
  const latest = quote.versions.find((v) => v.version === quote.currentVersion) ?? quote.versions[quote.versions.length - 1];
  const editable = isRevisable(quote.status);
  const language = useUiStore((state) => state.language);
  const zone = useQuotesStore((state) => state.accounts[quote.accountId]?.timeZone);
  /** The validity the current version has, as a draft: what the form starts from and what "changed" is told against. */
  const currentValidity = () => (latest ? validityOfVersion(latest.validity, quote.stages) : emptyValidity());
  const initial = (): ReviseValues => ({
    validity: currentValidity(),
    items: latest ? itemsOfVersion(latest) : [emptyItem()],
    questions: [],
    answers: {},
    ...(latest ? termsOfVersion(latest) : { incoterm: '', paymentTerms: '', leadTimeDays: '', terms: '', note: '' }),
  });
  const { form, message, items, validityIssues, clearValidityIssues, terms } = useQuoteForm<Field, ReviseValues>({
    initial,
    fields: FIELDS,
    validate: (v) =>
      validityChanged(v.validity, currentValidity()) && Object.keys(validityProblems(v.validity)).length > 0 ? { validity: t('quotes.validation.validity') } : {},
    send: (v, lines) =>
      revise({
        id: quote.id,
        ...(validityChanged(v.validity, currentValidity()) ? { validity: validityInput(v.validity) } : {}),
        ...(answersInput(v.answers).length ? { answers: answersInput(v.answers) } : {}),
        ...(questionsInput(v.questions).length ? { questions: questionsInput(v.questions) } : {}),
        items: lines,
        ...termsInput(v),
      }),
    onDone: () => undefined, // the store puts the new version on screen; the parent's key starts a fresh form
  });
  useFocusFirstInvalid(formRef, form.attempt);
  const { values: v, update } = form;
  const validityEdited = validityChanged(v.validity, currentValidity());

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void form.submit(event)} data-testid="quote-revise">
      <Stack gap="md">
        {form.formError && <ApiErrorAlert error={form.formError} title={t('quotes.editor.saveError')} testId="quote-revise-form-error" />}
        <Card withBorder padding="md">
          <Stack gap="xs">
            <fieldset disabled={!editable} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
              <ValidityFields
                value={v.validity}
                onChange={(validity) => {
                  clearValidityIssues();
                  update({ validity }, ['validity']);
                }}
                quoteDate={quote.quoteDate}
                zone={zone}
                problems={form.attempt > 0 && validityEdited ? validityProblems(v.validity) : {}}
                issues={validityIssues}
                disabled={!editable}
              />
            </fieldset>
            {editable && (
              <Text size="xs" c="dimmed" data-testid="quote-revise-validity-hint">
                {t(validityEdited ? 'quotes.editor.validityChanged' : 'quotes.editor.validityKept', {
                  version: quote.currentVersion + 1,
                  date: formatDay(quote.quoteDate, language),
                })}
              </Text>
            )}
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Group justify="space-between" align="baseline">
              <Text fw={600}>{t('quotes.editor.itemsOf', { version: quote.currentVersion })}</Text>
              {!editable && (
                <Text size="sm" c="dimmed" data-testid="quote-read-only">
                  {t('quotes.editor.readOnly', { status: t(`quotes.status.${quote.status}`, { defaultValue: quote.status }) })}
                </Text>
              )}
            </Group>
            <fieldset disabled={!editable} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
              <ItemsTable items={v.items} onChange={items.onChange} currency={quote.currency} problems={items.problems} issues={items.issues} error={items.error} />
            </fieldset>
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Text fw={600}>{t('quotes.terms.label')}</Text>
            <fieldset disabled={!editable} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
              <TermsFields value={terms.value} onChange={terms.onChange} errors={terms.errors} />
            </fieldset>
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <QuestionsPanel
            asked={quote.questions}
            answers={v.answers}
            onAnswers={(answers) => update({ answers }, ['answers'])}
            added={v.questions}
            onAdded={(questions) => update({ questions }, ['questions'])}
            editable={editable}
            error={message('questions') ?? message('answers')}
          />
        </Card>
        {editable && (
          <Group justify="flex-end">
            <Text size="xs" c="dimmed" mr="auto">
              {t('quotes.editor.saveHint', { version: quote.currentVersion, next: quote.currentVersion + 1 })}
            </Text>
            <Button
              variant="default"
              onClick={() => {
                clearValidityIssues();
                update(initial(), FIELDS);
              }}
              data-testid="quote-revise-reset"
            >
              {t('quotes.editor.discard')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="quote-revise-submit">
              {t('quotes.editor.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
