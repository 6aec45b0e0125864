import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ShareExportSection } from './ShareExportSection';
import { ShareMergeSection } from './ShareMergeSection';

/** Team sharing by file (issue 11): export a share file, merge a colleague's with a dry run first. */
export function SharingPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="sharing-page">
      <Stack gap={2}>
        <Title order={2}>{t('sharing.title')}</Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('sharing.intro')}
        </Text>
      </Stack>
      <ShareExportSection />
      <ShareMergeSection />
    </Stack>
  );
}
