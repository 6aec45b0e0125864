import { Button, Group, NumberInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { usePoolStore } from './pool-store';

/** The pool length (`poolDays`, 0 = off), shown and changeable; saving lists the pool again. */
export function PoolDaysForm({ days }: { days: number }) {
  const { t } = useTranslation();
  const saveDays = usePoolStore((state) => state.saveDays);
  const [value, setValue] = useState<string | number>(days);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = typeof value === 'number' ? value : Number(value);
    if (value === '' || !Number.isInteger(n) || n < 0 || n > 3650) {
      setInvalid(true);
      return;
    }
    setSaving(true);
    setError(null);
    const failed = await saveDays(n);
    setSaving(false);
    setError(failed);
    setSaved(failed === null);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} data-testid="pool-days-form">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NumberInput
          w={320}
          label={t('pool.days')}
          description={t('pool.daysDescription')}
          value={value}
          onChange={(next) => {
            setValue(next);
            setInvalid(false);
            setSaved(false);
          }}
          min={0}
          max={3650}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          error={invalid ? t('pool.daysInvalid') : undefined}
          data-testid="pool-days"
        />
        <Button type="submit" variant="light" loading={saving} mt={44} data-testid="pool-days-save">
          {t('pool.save')}
        </Button>
        {saved && (
          <span role="status" style={{ marginTop: 50, fontSize: 'var(--mantine-font-size-sm)' }} data-testid="pool-days-saved">
            {t('pool.saved')}
          </span>
        )}
      </Group>
      {error && <ApiErrorAlert error={error} testId="pool-days-error" />}
    </form>
  );
}
