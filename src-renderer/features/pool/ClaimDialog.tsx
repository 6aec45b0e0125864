import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { PoolAccount } from '../../../src-main/contract/sharing';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { lastOwner, usePoolStore } from './pool-store';

interface ClaimDialogProps {
  account: PoolAccount | null;
  onClose: () => void;
}

/** Asks who claims the account (the last name used is offered); Enter claims, Esc cancels. */
export function ClaimDialog({ account, onClose }: ClaimDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={account !== null} onClose={onClose} title={account ? t('pool.claimTitle', { name: account.name }) : ''} testId="pool-claim-dialog">
      {account && <ClaimForm account={account} onClose={onClose} />}
    </FormDialog>
  );
}

function ClaimForm({ account, onClose }: { account: PoolAccount; onClose: () => void }) {
  const { t } = useTranslation();
  const claim = usePoolStore((state) => state.claim);
  const [owner, setOwner] = useState(lastOwner);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const name = owner.trim();
    if (!name) {
      setMissing(true);
      return;
    }
    setSubmitting(true);
    const failed = await claim(account.id, name);
    setSubmitting(false);
    if (failed) setError(failed);
    else onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} data-testid="pool-claim-form">
      <Stack gap="sm">
        {error && <ApiErrorAlert error={error} title={t('pool.claimError')} testId="pool-claim-error" />}
        <TextInput
          data-autofocus
          required
          label={t('pool.claimOwner')}
          description={t('pool.claimOwnerDescription')}
          placeholder={t('accountForm.ownerPlaceholder')}
          value={owner}
          onChange={(event) => {
            setOwner(event.currentTarget.value);
            setMissing(false);
          }}
          onFocus={(event) => event.currentTarget.select()}
          error={missing ? t('validation.required') : undefined}
          maxLength={200}
          data-testid="pool-claim-owner"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} data-testid="pool-claim-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="pool-claim-submit">
            {t('pool.claimSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
