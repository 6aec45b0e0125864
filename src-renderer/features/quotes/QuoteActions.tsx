import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../src-main/contract/errors';
import type { Quote } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoseQuoteDialog } from '../lost-deals/LoseQuoteDialog';
import { isOpenQuote, unansweredQuestions } from './quote-format';
import { useQuotesStore } from './quotes-store';
import { SendDialog } from './SendDialog';

/**
 * The quote's next steps: Send (a draft; with questions unanswered the warning dialog first), Win (after a
 * confirmation), Lose (the lost-deals dialog, R9) and Re-confirm (an FX-sensitive quote flagged for a currency move,
 * R7). The server decides: a refusal (a quote lost meanwhile cannot be won) shows its message and the quote is read again.
 */
export function QuoteActions({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const { send, win, reconfirm, lost, loadQuote } = useQuotesStore.getState();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'send' | 'win' | 'reconfirm' | null>(null);
  const [warning, setWarning] = useState<Quote | null>(null);
  const [confirmingWin, setConfirmingWin] = useState(false);
  const [losing, setLosing] = useState<string | null>(null);

  const run = async (action: 'send' | 'win' | 'reconfirm', call: () => Promise<Result<Quote>>) => {
    setBusy(action);
    setError(null);
    const result = await call();
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      void loadQuote(quote.id);
    }
    return result.ok;
  };
  const onSend = () => {
    if (unansweredQuestions(quote).length > 0) setWarning(quote);
    else void run('send', () => send(quote.id, false));
  };
  const open = isOpenQuote(quote.status);

  return (
    <Stack gap="xs">
      <Group gap="sm" data-testid="quote-actions">
        {quote.status === 'draft' && (
          <Button onClick={onSend} loading={busy === 'send'} data-testid="quote-send">
            {t('quotes.actions.send')}
          </Button>
        )}
        {quote.validity.fxFlag && quote.status === 'sent' && (
          <Button variant="light" color="orange" onClick={() => void run('reconfirm', () => reconfirm(quote.id))} loading={busy === 'reconfirm'} data-testid="quote-reconfirm">
            {t('quotes.actions.reconfirm')}
          </Button>
        )}
        <Button variant="light" color="teal" disabled={!open} onClick={() => setConfirmingWin(true)} loading={busy === 'win'} data-testid="quote-win">
          {t('quotes.actions.win')}
        </Button>
        <Button variant="light" color="red" disabled={!open} onClick={() => setLosing(quote.id)} data-testid="quote-lose">
          {t('quotes.actions.lose')}
        </Button>
      </Group>
      {error && <ApiErrorAlert error={error} title={t('quotes.actions.error')} onClose={() => setError(null)} testId="quote-action-error" />}

      <SendDialog quote={warning} onClose={() => setWarning(null)} />
      <Modal
        opened={confirmingWin}
        onClose={() => setConfirmingWin(false)}
        title={t('quotes.actions.winTitle', { number: quote.number })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        data-testid="quote-win-dialog"
      >
        <Stack gap="sm">
          <Text size="sm">{t('quotes.actions.winBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingWin(false)} data-testid="quote-win-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              color="teal"
              data-autofocus
              onClick={() => {
                setConfirmingWin(false);
                void run('win', () => win(quote.id));
              }}
              data-testid="quote-win-confirm"
            >
              {t('quotes.actions.winConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <LoseQuoteDialog quoteId={losing} onClose={() => setLosing(null)} onLost={(quote) => {
        setLosing(null);
        lost(quote);
      }} />
    </Stack>
  );
}
