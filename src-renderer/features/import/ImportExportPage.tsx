import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExportFilesSection } from './ExportFilesSection';
import { ImportWizard } from './ImportWizard';

/** Import from CSV, Excel or vCard with a wizard; export to the same formats (issue 11, item 4). */
export function ImportExportPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="import-export-page">
      <Title order={2}>{t('transfer.title')}</Title>
      <ImportWizard />
      <ExportFilesSection />
    </Stack>
  );
}
