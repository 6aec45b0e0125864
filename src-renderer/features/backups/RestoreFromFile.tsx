import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePathInput } from '../sharing/FilePathInput';

/** A backup that is not in the list (copied from another laptop, an older folder): its path, then the same dialog. */
export function RestoreFromFile({ onRestore }: { onRestore: (file: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file.trim() === '') {
          setMissing(true);
          return;
        }
        onRestore(file.trim());
      }}
      noValidate
      data-testid="backups-restore-file-form"
    >
      <Stack gap="xs">
        <FilePathInput
          value={file}
          onChange={(value) => {
            setFile(value);
            setMissing(false);
          }}
          placeholder={t('backups.filePlaceholder')}
          error={missing ? t('files.pathRequired') : null}
          testId="backups-restore-path"
        />
        <Group>
          <Button type="submit" variant="light" data-testid="backups-restore-file">
            {t('backups.restoreFile')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
