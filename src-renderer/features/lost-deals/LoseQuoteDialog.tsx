import { Button, Center, Group, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Quote } from '../../../src-main/contract/models';
import type { LossAnalysis } from '../../../src-main/contract/quotes';
import { api } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { LoseQuoteForm } from './LoseQuoteForm';

interface LoseQuoteDialogProps {
  /** The quote to mark lost; the dialog is open while it is not null. */
  quoteId: string | null;
  onClose(): void;
  /** After the server marked it lost (the dialog does not close itself: the caller sets quoteId to null). */
  onLost(quote: Quote): void;
}

/**
 * R9: marks a quote lost. It first asks the server what the book knows about the quote (the facts, each with its
 * number, the reason they suggest and a recovery to-do per reason), then takes the reason, a note and the recovery.
 */
export function LoseQuoteDialog({ quoteId, onClose, onLost }: LoseQuoteDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={quoteId !== null} onClose={onClose} title={t('lostDeals.dialog.title')} testId="lose-quote-dialog">
      {quoteId !== null && <LoseQuoteBody quoteId={quoteId} onClose={onClose} onLost={onLost} />}
    </FormDialog>
  );
}

/** Now, as an instant to the second (what the contract's Instant prints). */
const nowInstant = () => new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function LoseQuoteBody({ quoteId, onClose, onLost }: { quoteId: string; onClose(): void; onLost(quote: Quote): void }) {
  const { t } = useTranslation();
  const [analysis, setAnalysis] = useState<LossAnalysis | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    let current = true;
    void api.call('quotes.lossAnalysis', { id: quoteId, at: nowInstant() }).then((result) => {
      if (!current) return;
      if (result.ok) setAnalysis(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [quoteId, attempt]);

  if (error) {
    return (
      <Stack gap="sm">
        <ApiErrorAlert error={error} title={t('lostDeals.dialog.loadError')} onRetry={retry} testId="lose-quote-load-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus data-testid="lose-quote-close">
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (analysis === null) {
    return (
      <Center py="lg">
        <Loader aria-label={t('lostDeals.dialog.loading')} data-testid="lose-quote-loading" />
      </Center>
    );
  }
  return <LoseQuoteForm analysis={analysis} onClose={onClose} onLost={onLost} />;
}
