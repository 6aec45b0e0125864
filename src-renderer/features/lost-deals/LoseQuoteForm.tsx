import { NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import type { LossAnalysis } from '../../../src-main/contract/quotes';
import { api } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { FactList } from './FactList';
import { draftOfProposal, isLostReason, LOST_REASONS, parseZoned, recoveryInput, type LostReason, type RecoveryDraft, type RecoveryProblem } from './lost-deals-format';
import { RECOVERY_NOTE_MAX, RecoveryFields } from './RecoveryFields';

type Field = 'reason' | 'note' | 'recovery';
const FIELDS: readonly string[] = ['reason', 'note', 'recovery'];
const isField = (path: string): path is Field => FIELDS.includes(path);
const NOTE_MAX = 20_000;

interface Values {
  reason: LostReason | '';
  note: string;
  recovery: RecoveryDraft;
}
type Problem = 'required' | 'tooLong' | RecoveryProblem;

/** The user's own zone (the browser's). */
const userZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

interface LoseQuoteFormProps {
  analysis: LossAnalysis;
  onClose(): void;
  onLost(quote: Quote): void;
}

/** R9: the facts, the reason (the suggested one first), a note and the recovery to-do; submitting marks the quote lost. */
export function LoseQuoteForm({ analysis, onClose, onLost }: LoseQuoteFormProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const buyerZone = parseZoned(analysis.recovery.other.dueBuyerLocal)?.zone ?? 'UTC';
  const myZone = userZone();
  const reasonRef = useRef<HTMLSelectElement>(null);
  // The form appears after the analysis has loaded, when the dialog's own first focus has passed: the reason takes it.
  useEffect(() => reasonRef.current?.focus(), []);
  const proposalOf = (reason: LostReason | '') => (reason === '' ? null : analysis.recovery[reason]);

  const form = useValidatedForm<Field, Values, Problem, Quote>({
    initial: () => {
      const reason = analysis.suggestedReason ?? '';
      return { reason, note: '', recovery: draftOfProposal(analysis.recovery[reason || 'other'], buyerZone) };
    },
    isField,
    validate: (values) => {
      const problems: Partial<Record<Field, Problem>> = {};
      if (values.reason === '') problems.reason = 'required';
      if (values.note.length > NOTE_MAX) problems.note = 'tooLong';
      const proposal = proposalOf(values.reason);
      if (proposal !== null) {
        const recovery = recoveryInput(values.recovery, proposal, buyerZone, analysis.at);
        if (!recovery.ok) problems.recovery = recovery.problem;
        else if (values.recovery.mode === 'edit' && values.recovery.note.length > RECOVERY_NOTE_MAX) problems.recovery = 'tooLong';
      }
      return problems;
    },
    send: (values) => {
      const reason = values.reason as LostReason;
      const recovery = recoveryInput(values.recovery, analysis.recovery[reason], buyerZone, analysis.at);
      const note = values.note.trim();
      return api.call('quotes.lose', {
        id: analysis.quoteId,
        at: analysis.at,
        reason,
        ...(note ? { note } : {}),
        recovery: recovery.ok ? recovery.value : null,
      });
    },
    onDone: (quote) => {
      onLost(quote);
      onClose();
    },
  });

  /** A new reason brings its own proposal (the mode and the to-do's note stay as the user set them). */
  const chooseReason = (value: string) => {
    if (value !== '' && !isLostReason(value)) return;
    const patch: Partial<Values> = { reason: value };
    if (value !== '') patch.recovery = draftOfProposal(analysis.recovery[value], buyerZone, form.values.recovery);
    form.update(patch, ['reason', 'recovery']);
  };

  const reasonName = (reason: LostReason) => t(`lostDeals.reason.${reason}`);
  const recoveryProblem = form.problems.recovery;
  const recoveryError =
    recoveryProblem === 'due'
      ? t('lostDeals.validation.due')
      : recoveryProblem === 'dueBeforeLoss'
        ? t('lostDeals.validation.dueBeforeLoss', { time: formatInstant(analysis.at, language, buyerZone) })
        : recoveryProblem === 'tooLong'
          ? t('lostDeals.validation.tooLong', { max: RECOVERY_NOTE_MAX })
          : form.serverIssues.recovery;

  return (
    <DialogForm form={form} errorTitle={t('lostDeals.dialog.error')} submitLabel={t('lostDeals.dialog.submit')} onCancel={onClose} testId="lose-quote">
      <Text size="sm" c="dimmed" data-testid="lose-quote-intro">
        {t('lostDeals.dialog.intro', { number: analysis.number, account: analysis.accountName })}
      </Text>
      <Stack gap={4}>
        <Title order={4} size="sm">
          {t('lostDeals.dialog.factsTitle')}
        </Title>
        <FactList facts={analysis.facts} label={t('lostDeals.dialog.factsLabel', { number: analysis.number })} />
      </Stack>
      <NativeSelect
        ref={reasonRef}
        data-autofocus
        required
        label={t('lostDeals.dialog.reason')}
        description={
          analysis.suggestedReason === null ? t('lostDeals.dialog.noSuggestion') : t('lostDeals.dialog.suggested', { reason: reasonName(analysis.suggestedReason) })
        }
        value={form.values.reason}
        onChange={(event) => chooseReason(event.currentTarget.value)}
        data={[
          ...(form.values.reason === '' ? [{ value: '', label: t('lostDeals.dialog.chooseReason'), disabled: true }] : []),
          ...LOST_REASONS.map((reason) => ({ value: reason, label: reasonName(reason) })),
        ]}
        error={form.problems.reason ? t('lostDeals.validation.reason') : form.serverIssues.reason}
        data-testid="lose-quote-reason"
        data-suggested={analysis.suggestedReason ?? ''}
      />
      <Textarea
        autosize
        minRows={2}
        maxRows={6}
        label={t('lostDeals.dialog.note')}
        placeholder={t('lostDeals.dialog.notePlaceholder')}
        value={form.values.note}
        onChange={(event) => form.update({ note: event.currentTarget.value }, ['note'])}
        error={form.problems.note ? t('lostDeals.validation.tooLong', { max: NOTE_MAX }) : form.serverIssues.note}
        data-testid="lose-quote-note"
      />
      <RecoveryFields
        draft={form.values.recovery}
        proposal={proposalOf(form.values.reason)}
        quote={{ number: analysis.number, accountName: analysis.accountName }}
        buyerZone={buyerZone}
        myZone={myZone}
        error={recoveryError}
        onChange={(patch) => form.update({ recovery: { ...form.values.recovery, ...patch } }, ['recovery'])}
      />
    </DialogForm>
  );
}
