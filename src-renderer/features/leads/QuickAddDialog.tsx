import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDuplicate, LeadSaved } from '../../../src-main/contract/leads';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useFocusFirstInvalid } from '../../hooks/use-validated-form';
import { weekdayTimeIn } from '../../i18n';
import { readMyTimeZone } from '../../stores/my-time-zone';
import { useUiStore } from '../../stores/ui-store';
import { DuplicatesPanel } from './DuplicatesPanel';
import { todaysTags } from './fair-tags';
import { LeadFields } from './LeadFields';
import { MergeView } from './MergeView';
import { useQuickAdd } from './use-quick-add';

/**
 * Trade-fair capture: a lead from the keyboard alone. Enter saves and starts the next lead with the day's tags
 * kept; what was saved (and when its first follow-up is, their time and yours) stays at the top; Esc closes.
 */
export function QuickAddDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<LeadSaved | null>(null);
  const [comparing, setComparing] = useState<LeadDuplicate | null>(null);
  const [myZone, setMyZone] = useState<string | undefined>(undefined);
  // Every opening starts a fresh lead (the dialog stays mounted between openings).
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      setRound((n) => n + 1);
      setSaved(null);
      setComparing(null);
    }
  }
  useEffect(() => {
    if (opened && myZone === undefined) void readMyTimeZone().then((zone) => setMyZone(zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone));
  }, [opened, myZone]);
  const title = comparing ? t('leads.merge.title', { name: comparing.account.name }) : t('leads.title');

  return (
    // No opening animation: the lead's first keystrokes go to Company at once, and focus is not moved after the user
    // has already gone on to another field.
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
      transitionProps={{ duration: 0 }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="quick-add"
    >
      <Stack gap="sm">
        {saved && !comparing && <SavedNotice saved={saved} myZone={myZone} onOpen={onClose} />}
        <LeadBody
          key={round}
          comparing={comparing}
          onCompare={setComparing}
          onSaved={(lead) => {
            setSaved(lead);
            setComparing(null);
            setRound((n) => n + 1);
          }}
          onCancel={onClose}
        />
      </Stack>
    </Modal>
  );
}

function LeadBody({
  comparing,
  onCompare,
  onSaved,
  onCancel,
}: {
  comparing: LeadDuplicate | null;
  onCompare: (d: LeadDuplicate | null) => void;
  onSaved: (saved: LeadSaved) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [initialTags] = useState(() => todaysTags());
  const form = useQuickAdd(initialTags, onSaved);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, form.attempt);
  // The next lead starts in Company (the dialog's own autofocus only acts when it opens).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-testid="lead-company"]')?.focus();
  }, []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.save();
  };

  if (comparing) {
    return (
      <MergeView
        values={form.values}
        duplicate={comparing}
        submitting={form.submitting}
        onAdd={(target) => void form.save(target)}
        onSaveAsNew={() => void form.save()}
        onBack={() => onCompare(null)}
      />
    );
  }
  return (
    <form ref={formRef} noValidate onSubmit={submit} data-testid="quick-add-form">
      <Stack gap="sm">
        {form.formError && <ApiErrorAlert error={form.formError} title={t('leads.errorTitle')} testId="quick-add-error" />}
        <LeadFields form={form} />
        <DuplicatesPanel duplicates={form.duplicates} onCompare={onCompare} />
        <Group justify="space-between" mt="xs">
          <Text size="sm" c="dimmed">
            {t('leads.hint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel} data-testid="quick-add-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="quick-add-save">
              {t('leads.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function SavedNotice({ saved, myZone, onOpen }: { saved: LeadSaved; myZone: string | undefined; onOpen: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const openAccount = useUiStore((state) => state.openAccount);
  const at = saved.followUpAt ? new Date(saved.followUpAt) : null;
  const their = at ? weekdayTimeIn(at, saved.account.timeZone, language) : null;
  const yours = at && myZone ? weekdayTimeIn(at, myZone, language) : null;
  return (
    <Alert color="teal" variant="light" role="status" data-testid="quick-add-saved">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {saved.merged ? t('leads.merged', { name: saved.account.name }) : t('leads.saved', { name: saved.account.name })}{' '}
          {their ? t('leads.followUp', { their, yours: yours ?? their }) : t('leads.noFollowUp')}
        </Text>
        <Button
          size="xs"
          onClick={() => {
            openAccount(saved.account.id);
            onOpen();
          }}
          data-testid="quick-add-open-account"
        >
          {t('leads.openAccount')}
        </Button>
      </Group>
    </Alert>
  );
}
