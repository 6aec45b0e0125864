import { Alert, Button, Center, Code, EmptyState, Group, Loader, Notification, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInstant, formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatSize } from '../sharing/format-size';
import { useBackupsStore } from './backups-store';
import { RestoreSteps } from './RestoreCommand';
import { RestoreDialog, type RestoreTarget } from './RestoreDialog';
import { RestoreFromFile } from './RestoreFromFile';
import { restoreCommand } from './restore-command';

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
const isWindowsPath = (file: string) => /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('\\\\');

/** The book's backups (newest first), Back up now, restore one (or any backup file), and the terminal way for when the app cannot start. */
export function BackupsPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { backups, bookPath, warnings, error, creating, created, createError, restored } = useBackupsStore();
  const load = useBackupsStore((state) => state.load);
  const create = useBackupsStore((state) => state.create);
  const dismissCreated = useBackupsStore((state) => state.dismissCreated);
  const dismissRestored = useBackupsStore((state) => state.dismissRestored);
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null);

  // Warnings come in the book's language: load again when it changes.
  useEffect(() => {
    void load();
  }, [load, language]);

  const windows = isWindowsPath(bookPath ?? backups?.[0]?.file ?? '');
  const commandFor = (file: string) => restoreCommand(bookPath, file, windows);

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="backups-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Group gap="md" align="baseline">
            <Title order={2}>{t('backups.title')}</Title>
            {backups && (
              <Text size="sm" c="dimmed" data-testid="backups-count" data-count={backups.length} aria-live="polite">
                {t('backups.count', { count: backups.length, formatted: formatNumber(backups.length, language) })}
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed" maw={820}>
            {t('backups.intro')}
          </Text>
        </Stack>
        <Button onClick={() => void create()} loading={creating} data-testid="backups-create">
          {t('backups.now')}
        </Button>
      </Group>

      {warnings.map((warning) => (
        <Alert key={warning.code} color="orange" variant="light" role="alert" data-testid="backups-warning">
          {warning.message}
        </Alert>
      ))}
      {creating && (
        <Alert variant="light" color="blue" icon={<Loader size="xs" />} role="status">
          {t('backups.backingUp')}
        </Alert>
      )}
      {created && (
        <Notification color="teal" withBorder onClose={dismissCreated} closeButtonProps={{ 'aria-label': t('common.close') }} role="status" data-testid="backups-created">
          {t('backups.made', { file: baseName(created.file), size: formatSize(created.bytes, language) })}
        </Notification>
      )}
      {restored && (
        <Notification color="teal" withBorder onClose={dismissRestored} closeButtonProps={{ 'aria-label': t('common.close') }} role="status" data-testid="backups-restored">
          {t('backups.restored', { count: restored.accounts, formatted: formatNumber(restored.accounts, language), file: baseName(restored.restoredFrom) })}
          {restored.previous && ` ${t('backups.restoredPrevious', { file: baseName(restored.previous.file) })}`}
        </Notification>
      )}
      {createError && <ApiErrorAlert error={createError} title={t('backups.errorTitle')} testId="backups-create-error" />}
      {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="backups-error" />}

      {backups === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )
      ) : backups.length === 0 ? (
        <EmptyState data-testid="backups-empty" title={t('backups.empty.title')} description={t('backups.empty.description')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing={6} aria-label={t('backups.listLabel')} data-testid="backups-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={210}>{t('backups.takenAt')}</Table.Th>
                <Table.Th w={170}>{t('backups.reason')}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t('backups.size')}
                </Table.Th>
                <Table.Th>{t('backups.file')}</Table.Th>
                <Table.Th w={150}>
                  <VisuallyHidden>{t('backups.restore')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((backup) => (
                <Table.Tr key={backup.file} data-testid="backup-row" data-reason={backup.reason} data-taken-at={backup.takenAt} data-bytes={backup.bytes}>
                  <Table.Td>
                    <Text size="sm" component="time" dateTime={backup.takenAt} data-testid="backup-taken-at">
                      {formatInstant(backup.takenAt, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`backups.reasons.${backup.reason}`)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{formatSize(backup.bytes, language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Code title={backup.file} style={{ wordBreak: 'break-all' }}>
                      {baseName(backup.file)}
                    </Code>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setRestoring({ file: backup.file, takenAt: backup.takenAt })}
                      aria-label={t('backups.restoreFor', { date: formatInstant(backup.takenAt, language) })}
                      data-testid="backup-restore"
                    >
                      {t('backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="backups-restore-heading" data-testid="backups-restore-help">
        <Stack gap="md">
          <Title order={3} size="h4" id="backups-restore-heading">
            {t('backups.restoreTitle')}
          </Title>
          <RestoreFromFile onRestore={(file) => setRestoring({ file, takenAt: null })} />
          <RestoreSteps command={commandFor(backups?.[0]?.file ?? 'FILE')} testId="backups-restore-steps" />
        </Stack>
      </Paper>

      <RestoreDialog target={restoring} onClose={() => setRestoring(null)} />
    </Stack>
  );
}
