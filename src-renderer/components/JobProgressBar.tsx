import { Alert, Loader, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../src-main/contract/progress';
import { formatNumber } from '../i18n';
import { useUiStore } from '../stores/ui-store';

/**
 * A long call running: what it is doing and, once the call has reported how far it is, a progress bar with the phase
 * in words ("Reading rows: 12,000 of about 40,000"). Announced politely; the bar carries its value for screen readers.
 */
export function JobProgressBar({ text, progress, testId }: { text: string; progress: JobProgress | null; testId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  const phase = progress
    ? t(`progress.${progress.phase}`, { done: formatNumber(progress.done, language), total: formatNumber(progress.total, language) })
    : null;
  return (
    <Alert variant="light" color="blue" icon={<Loader size="xs" />} role="status" aria-live="polite" data-testid={testId}>
      <Stack gap={6}>
        <Text size="sm">{text}</Text>
        {progress && (
          <>
            <Progress
              value={percent ?? 0}
              animated
              aria-label={t('progress.label')}
              aria-valuetext={phase ?? undefined}
              data-testid={`${testId}-bar`}
              data-phase={progress.phase}
              data-done={progress.done}
              data-total={progress.total}
            />
            <Text size="xs" c="dimmed" data-testid={`${testId}-phase`}>
              {phase}
              {percent !== null && ` · ${formatNumber(percent, language)} %`}
            </Text>
          </>
        )}
      </Stack>
    </Alert>
  );
}
