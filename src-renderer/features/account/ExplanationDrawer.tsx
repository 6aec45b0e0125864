import { Alert, Drawer, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAccountStore } from '../../stores/account-store';
import { useUiStore } from '../../stores/ui-store';
import { formatCalendarDate } from './account-format';

/** `scores.explain`, line by line in the UI language: top-level lines, and their inputs indented beneath. */
export function ExplanationDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const explanation = useAccountStore((state) => state.explanation);
  const lines = explanation.value?.lines.slice(1) ?? []; // the first line names the account id and date: shown as the title
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Stack gap={0}>
          <Text fw={600}>{t('account.scores.explainTitle')}</Text>
          {explanation.value && (
            <Text size="xs" c="dimmed">
              {t('account.scores.asOf', { date: formatCalendarDate(explanation.value.asOf, language) })}
            </Text>
          )}
        </Stack>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="explanation"
    >
      {explanation.error && <ApiErrorAlert error={explanation.error} testId="explanation-error" />}
      {explanation.value === null && explanation.loading && <Loader size="sm" aria-label={t('common.loading')} />}
      {explanation.value && lines.length === 0 && <Alert variant="light">{t('account.scores.none')}</Alert>}
      <Stack gap={4} data-testid="explanation-lines">
        {lines.map((line, index) => {
          const nested = line.startsWith('  ');
          return (
            <Text
              key={index}
              size="sm"
              fw={nested ? 400 : 600}
              c={nested ? 'dimmed' : undefined}
              pl={nested ? 'md' : 0}
              mt={nested || index === 0 ? 0 : 'xs'}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="explanation-line"
            >
              {line.trim()}
            </Text>
          );
        })}
      </Stack>
    </Drawer>
  );
}
