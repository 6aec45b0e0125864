import { Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Quote } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { unansweredQuestions } from './quote-format';
import { useQuotesStore } from './quotes-store';

interface SendDialogProps {
  /** The quote to send with unanswered questions; null: closed. */
  quote: Quote | null;
  onClose: () => void;
}

/**
 * R8: before a quote goes out with questions unanswered, say which ones; "Send anyway" sends it (confirmUnanswered),
 * Cancel writes nothing. Focus starts on Cancel, so Enter alone does not send.
 */
export function SendDialog({ quote, onClose }: SendDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={quote !== null} onClose={onClose} title={t('quotes.send.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} data-testid="quote-send-dialog">
      {quote && <SendWarning key={quote.id} quote={quote} onClose={onClose} />}
    </Modal>
  );
}

function SendWarning({ quote, onClose }: { quote: Quote; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useQuotesStore((state) => state.send);
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const open = unansweredQuestions(quote);
  const sendAnyway = async () => {
    setSending(true);
    const result = await send(quote.id, true);
    setSending(false);
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <Stack gap="sm">
      {error && <ApiErrorAlert error={error} title={t('quotes.actions.error')} testId="quote-send-error" />}
      <Text size="sm" data-testid="quote-send-intro">
        {t('quotes.send.intro', { count: open.length, asked: quote.specCoverage.asked, number: quote.number })}
      </Text>
      <ScrollArea.Autosize mah={320}>
        <List size="sm" spacing={4} data-testid="quote-send-unanswered">
          {open.map((q) => (
            <List.Item key={q.id} data-testid="quote-send-question">
              {q.question}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed">
        {t('quotes.send.hint')}
      </Text>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" data-autofocus onClick={onClose} data-testid="quote-send-cancel">
          {t('common.cancel')}
        </Button>
        <Button color="orange" loading={sending} onClick={() => void sendAnyway()} data-testid="quote-send-anyway">
          {t('quotes.send.anyway')}
        </Button>
      </Group>
    </Stack>
  );
}
