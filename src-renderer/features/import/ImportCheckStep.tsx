import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { DuplicatesTable } from './DuplicatesTable';
import { reportCounts } from './import-counts';
import { useImportStore } from './import-store';
import { RowErrorsTable } from './RowErrorsTable';

/** Step 3: the dry run — what would be imported, every row error (row, column, reason) and duplicate; Import only when clean. */
export function ImportCheckStep() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const check = useImportStore((state) => state.check);
  const busy = useImportStore((state) => state.busy);
  const goTo = useImportStore((state) => state.goTo);
  const checkAgain = useImportStore((state) => state.checkAgain);
  const runImport = useImportStore((state) => state.runImport);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (check) heading.current?.focus();
  }, [check]);

  if (!check) return null;
  const blocked = check.errorCount > 0;
  return (
    <Stack gap="sm" data-testid="import-check-step" data-errors={check.errorCount} data-duplicates={check.duplicateCount} data-rows={check.rows}>
      <Title order={4} ref={heading} tabIndex={-1}>
        {t('transfer.import.checkTitle')}
      </Title>
      <Text size="sm" fw={500} data-testid="import-check-summary">
        {t('transfer.import.wouldImport', reportCounts(t, language, check))}
      </Text>
      {check.skipped > 0 && (
        <Text size="sm" data-testid="import-check-skipped">
          {t('transfer.import.skipped', { count: check.skipped, formatted: formatNumber(check.skipped, language) })}
        </Text>
      )}
      {blocked && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('transfer.import.errorsTitle', { count: check.errorCount, formatted: formatNumber(check.errorCount, language) })}
          data-testid="import-check-blocked"
        >
          {t('transfer.import.errorsBlock')}
        </Alert>
      )}
      <RowErrorsTable errors={check.errors} total={check.errorCount} testId="import-check-errors" />
      <DuplicatesTable report={check} testId="import-check-duplicates" />
      <Group>
        <Button variant="default" onClick={() => goTo(1)} disabled={busy !== null} data-testid="import-back-to-columns">
          {t('transfer.import.back')}
        </Button>
        <Button variant={blocked ? 'filled' : 'default'} onClick={() => void checkAgain()} loading={busy === 'checking'} data-testid="import-check-again">
          {t('transfer.import.checkAgain')}
        </Button>
        <Button onClick={() => void runImport()} disabled={blocked || busy !== null} data-testid="import-run">
          {t('transfer.import.run')}
        </Button>
      </Group>
    </Stack>
  );
}
