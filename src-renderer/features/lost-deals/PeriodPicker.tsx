import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from './lost-deals-store';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface PeriodPickerProps {
  /** The period shown (the server's answer: its default when none was chosen). */
  shown: Period | null;
  /** Whether the user chose it (the reset button shows then). */
  chosen: boolean;
  onChoose(period: Period | null): void;
}

/** From and to days of the report; Enter or "Show" applies them; "Last 12 months" goes back to the server's default. */
export function PeriodPicker({ shown, chosen, onChoose }: PeriodPickerProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(shown?.from ?? '');
  const [to, setTo] = useState(shown?.to ?? '');
  const [invalid, setInvalid] = useState(false);
  const [seen, setSeen] = useState(shown);
  /** Typed into since the last apply: a report arriving meanwhile does not overwrite it. */
  const [dirty, setDirty] = useState(false);
  if (shown !== seen) {
    // A new answer from the server (e.g. its default period): the fields show it unless the user is typing.
    setSeen(shown);
    if (shown && !dirty) {
      setFrom(shown.from);
      setTo(shown.to);
    }
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = DAY.test(from) && DAY.test(to) && from <= to;
    setInvalid(!ok);
    if (!ok) return;
    setDirty(false);
    onChoose({ from, to });
  };
  const error = invalid ? t('lostDeals.period.invalid') : undefined;
  return (
    <form onSubmit={submit} aria-label={t('lostDeals.period.legend')} data-testid="lost-period">
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label={t('lostDeals.period.from')}
          value={from}
          onChange={(event) => {
            setFrom(event.currentTarget.value);
            setDirty(true);
          }}
          error={error}
          data-testid="lost-period-from"
        />
        <TextInput
          type="date"
          label={t('lostDeals.period.to')}
          value={to}
          onChange={(event) => {
            setTo(event.currentTarget.value);
            setDirty(true);
          }}
          error={invalid ? ' ' : undefined}
          data-testid="lost-period-to"
        />
        <Button type="submit" variant="default" data-testid="lost-period-apply">
          {t('lostDeals.period.apply')}
        </Button>
        {chosen && (
          <Button variant="subtle" onClick={() => {
              setDirty(false);
              onChoose(null);
            }} data-testid="lost-period-reset">
            {t('lostDeals.period.reset')}
          </Button>
        )}
      </Group>
    </form>
  );
}
