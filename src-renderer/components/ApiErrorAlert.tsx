import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-main/contract/errors';

interface ApiErrorAlertProps {
  error: ApiError;
  /** A heading in the user's language; defaults to "Something went wrong". */
  title?: string;
  onRetry?: () => void;
  onClose?: () => void;
  testId?: string;
}

/** Shows an API error's message (already in the user's language: the server renders it from the `language` setting). */
export function ApiErrorAlert({ error, title, onRetry, onClose, testId = 'api-error' }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title ?? t('errors.title')}
      withCloseButton={onClose !== undefined}
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      data-testid={testId}
      data-error-code={error.code}
    >
      <span data-testid={`${testId}-message`}>{error.message}</span>
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
