import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { JobProgressBar } from '../../components/JobProgressBar';
import { DuplicatesTable } from './DuplicatesTable';
import { reportCounts } from './import-counts';
import { useImportStore } from './import-store';
import { RowErrorsTable } from './RowErrorsTable';

/**
 * Step 4: the import running (its progress bar: reading, then writing) and its report — what was
 * written, the duplicates left out; should the file have changed since the dry run, its errors and nothing written.
 */
export function ImportReportStep() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const report = useImportStore((state) => state.report);
  const busy = useImportStore((state) => state.busy);
  const progress = useImportStore((state) => state.progress);
  const reset = useImportStore((state) => state.reset);
  const goTo = useImportStore((state) => state.goTo);
  const heading = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (report) heading.current?.focus();
  }, [report]);

  if (busy === 'importing') return <JobProgressBar text={t('transfer.import.running')} progress={progress} testId="import-running" />;
  if (!report) return null;
  return (
    <Stack gap="sm" data-testid="import-report" data-written={report.written} data-accounts={report.imported.accounts} data-contacts={report.imported.contacts} data-orders={report.imported.orders}>
      {report.written ? (
        <Alert ref={heading} tabIndex={-1} color="teal" variant="light" title={t('transfer.import.doneTitle')} data-testid="import-report-done">
          <Stack gap={4}>
            <span data-testid="import-report-summary">{t('transfer.import.done', { ...reportCounts(t, language, report), seconds: formatNumber(report.seconds, language) })}</span>
            {report.skipped > 0 && <span>{t('transfer.import.skipped', { count: report.skipped, formatted: formatNumber(report.skipped, language) })}</span>}
          </Stack>
        </Alert>
      ) : (
        <Alert ref={heading} tabIndex={-1} color="red" variant="light" role="alert" title={t('transfer.import.notWritten')} data-testid="import-report-refused">
          {t('transfer.import.errorsBlock')}
        </Alert>
      )}
      <RowErrorsTable errors={report.errors} total={report.errorCount} testId="import-report-errors" />
      <DuplicatesTable report={report} testId="import-report-duplicates" />
      <Group>
        {report.written ? (
          <Button variant="light" onClick={() => useUiStore.getState().setPage('accounts')} data-testid="import-open-accounts">
            {t('transfer.import.openAccounts')}
          </Button>
        ) : (
          <Button variant="default" onClick={() => goTo(1)} data-testid="import-report-back">
            {t('transfer.import.back')}
          </Button>
        )}
        <Button variant="default" onClick={reset} data-testid="import-another">
          {t('transfer.import.another')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {report.file}
      </Text>
    </Stack>
  );
}
