import { Button, CopyButton, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * How to put a backup back from a terminal, for when the app cannot start (in the app, the Restore buttons do it).
 * The command is in a read-only field (select it with the keyboard) with a Copy button.
 */
export function RestoreSteps({ command, testId }: { command: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={testId}>
      <Text size="sm">{t('backups.restoreSteps')}</Text>
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>{t('backups.restoreStep1')}</List.Item>
        <List.Item>{t('backups.restoreStep2')}</List.Item>
        <List.Item>{t('backups.restoreStep3')}</List.Item>
      </List>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          readOnly
          label={t('backups.command')}
          value={command}
          onFocus={(event) => event.currentTarget.select()}
          style={{ flex: 1 }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid={`${testId}-command`}
        />
        <CopyButton value={command}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy} aria-live="polite" data-testid={`${testId}-copy`} data-copied={copied}>
              {copied ? t('backups.copied') : t('backups.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t('backups.restoreSafe')}
      </Text>
    </Stack>
  );
}
