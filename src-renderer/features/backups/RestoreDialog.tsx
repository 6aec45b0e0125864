import { Alert, Button, Code, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { useBackupsStore } from './backups-store';

/** What to restore: a backup of the list (with the instant it was taken) or a file the user named. */
export interface RestoreTarget {
  file: string;
  takenAt: string | null;
}

/**
 * Asks before a restore, says what it does (the whole book goes back; the book as it is now is backed up first, so
 * the restore can itself be undone) and runs it; a refused file is explained here and the book is left as it was.
 */
export function RestoreDialog({ target, onClose }: { target: RestoreTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { restoring, restoreError } = useBackupsStore();
  const restore = useBackupsStore((state) => state.restore);
  const clearRestoreError = useBackupsStore((state) => state.clearRestoreError);
  const close = () => {
    if (restoring) return;
    clearRestoreError();
    onClose();
  };
  const when = target?.takenAt ? formatInstant(target.takenAt, language) : null;
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      size="lg"
      title={when ? t('backups.confirmTitle', { date: when }) : t('backups.confirmFileTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target && (
        <Stack gap="sm" data-testid="backup-restore-dialog">
          <Text size="sm">{when ? t('backups.confirmBody', { date: when }) : t('backups.confirmFileBody')}</Text>
          <Code block style={{ wordBreak: 'break-all' }} data-testid="backup-restore-file">
            {target.file}
          </Code>
          <Text size="sm">{t('backups.restoreSafe')}</Text>
          {restoring && (
            <Alert variant="light" color="blue" icon={<Loader size="xs" />} role="status" data-testid="backup-restore-running">
              {t('backups.restoring')}
            </Alert>
          )}
          {restoreError && <ApiErrorAlert error={restoreError} title={t('backups.restoreFailed')} testId="backup-restore-error" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={restoring} data-testid="backup-restore-cancel" data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={restoring}
              onClick={() => void restore(target.file).then((done) => done && onClose())}
              data-testid="backup-restore-confirm"
            >
              {t('backups.restoreNow')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
