import { Group, NativeSelect, Paper, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { wallToInstant } from '../../time/wall-time';
import { formatAmount, isRecoveryAction, RECOVERY_ACTIONS, type RecoveryDraft, type RecoveryProposal } from './lost-deals-format';

interface RecoveryFieldsProps {
  draft: RecoveryDraft;
  /** The chosen reason's proposal; null while no reason is chosen. */
  proposal: RecoveryProposal | null;
  quote: { number: string; accountName: string };
  buyerZone: string;
  myZone: string;
  /** The due time's message (local check or the server's), if any. */
  error: string | undefined;
  onChange(patch: Partial<RecoveryDraft>): void;
}

export const RECOVERY_NOTE_MAX = 20_000;

/**
 * R9: the recovery to-do the chosen reason proposes — what to do and when (the buyer's morning, shown in their time
 * and in mine) — accepted as is, changed (what, when, a note) or declined.
 */
export function RecoveryFields({ draft, proposal, quote, buyerZone, myZone, error, onChange }: RecoveryFieldsProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  if (proposal === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="lose-quote-recovery-none">
        {t('lostDeals.dialog.noSuggestion')}
      </Text>
    );
  }
  const action = draft.mode === 'edit' ? draft.action : proposal.action;
  const dueAt = draft.mode === 'edit' ? wallToInstant(draft.due, buyerZone) : proposal.dueAt;
  return (
    <Stack gap="xs" data-testid="lose-quote-recovery" data-mode={draft.mode} data-action={action} data-due-at={dueAt ?? ''}>
      <Radio.Group
        value={draft.mode}
        onChange={(mode) => onChange({ mode: mode as RecoveryDraft['mode'] })}
        label={t('lostDeals.dialog.recoveryTitle')}
        data-testid="lose-quote-recovery-mode"
      >
        <Group gap="lg" mt={4}>
          {(['accept', 'edit', 'decline'] as const).map((mode) => (
            <Radio key={mode} value={mode} label={t(`lostDeals.dialog.mode.${mode}`)} data-testid={`lose-quote-recovery-${mode}`} />
          ))}
        </Group>
      </Radio.Group>

      {draft.mode === 'decline' ? (
        <Text size="sm" c="dimmed" data-testid="lose-quote-recovery-declined">
          {t('lostDeals.dialog.declined')}
        </Text>
      ) : (
        <Paper withBorder p="sm" radius="sm">
          <Stack gap={2}>
            <Text size="sm" fw={600} data-testid="lose-quote-recovery-title">
              {t(`lostDeals.taskTitle.${action}`, { number: quote.number, account: quote.accountName })}
            </Text>
            {dueAt !== null && (
              <>
                <Text size="sm" data-testid="lose-quote-recovery-due-buyer">
                  {t('lostDeals.dialog.dueBuyer', { time: formatInstant(dueAt, language, buyerZone), zone: buyerZone })}
                </Text>
                <Text size="sm" c="dimmed" data-testid="lose-quote-recovery-due-mine">
                  {t('lostDeals.dialog.dueMine', { time: formatInstant(dueAt, language, myZone), zone: myZone })}
                </Text>
              </>
            )}
            {draft.mode === 'accept' && (
              <Text size="xs" c="dimmed" data-testid="lose-quote-recovery-proposal">
                {t('lostDeals.dialog.proposal', { count: proposal.businessDays, formatted: formatAmount(proposal.businessDays, language) })}
              </Text>
            )}
          </Stack>
        </Paper>
      )}

      {draft.mode === 'edit' && (
        <>
          <NativeSelect
            label={t('lostDeals.dialog.actionLabel')}
            value={draft.action}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isRecoveryAction(value)) onChange({ action: value });
            }}
            data={RECOVERY_ACTIONS.map((a) => ({ value: a, label: t(`lostDeals.action.${a}`) }))}
            data-testid="lose-quote-recovery-action"
          />
          <TextInput
            type="datetime-local"
            required
            label={t('lostDeals.dialog.due')}
            description={t('lostDeals.dialog.dueDescription', { zone: buyerZone })}
            value={draft.due}
            onChange={(event) => onChange({ due: event.currentTarget.value })}
            error={error}
            data-testid="lose-quote-recovery-due"
          />
          <Textarea
            autosize
            minRows={2}
            maxRows={5}
            label={t('lostDeals.dialog.recoveryNote')}
            value={draft.note}
            onChange={(event) => onChange({ note: event.currentTarget.value })}
            error={draft.note.length > RECOVERY_NOTE_MAX ? t('lostDeals.validation.tooLong', { max: RECOVERY_NOTE_MAX }) : undefined}
            data-testid="lose-quote-recovery-note"
          />
        </>
      )}
    </Stack>
  );
}
