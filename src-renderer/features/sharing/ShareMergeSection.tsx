import { Button, Group, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useUiStore } from '../../stores/ui-store';
import { JobProgressBar } from '../../components/JobProgressBar';
import { FilePathInput } from './FilePathInput';
import { MergeReportView } from './MergeReportView';
import { SectionCard } from './SectionCard';
import { useSharingStore } from './sharing-store';

/** Merge a colleague's share file: a dry run first ("would add…", per table, conflicts), then Merge, then the report. */
export function ShareMergeSection() {
  const { t } = useTranslation();
  const { mergeFile, mergePhase, preview, report, mergeError, progress } = useSharingStore();
  const setMergeFile = useSharingStore((state) => state.setMergeFile);
  const dryRun = useSharingStore((state) => state.dryRun);
  const merge = useSharingStore((state) => state.merge);
  const resetMerge = useSharingStore((state) => state.resetMerge);
  const [attempted, setAttempted] = useState(false);
  const pathRef = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const busy = mergePhase === 'checking' || mergePhase === 'merging';
  const missing = mergeFile.trim() === '';

  // Keyboard and screen-reader users land on what just appeared.
  useEffect(() => {
    if (mergePhase === 'preview') previewHeading.current?.focus();
    if (mergePhase === 'done') reportHeading.current?.focus();
  }, [mergePhase]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (missing) pathRef.current?.focus();
    else void dryRun();
  };

  return (
    <SectionCard title={t('sharing.merge.title')} description={t('sharing.merge.description')} testId="share-merge">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <FilePathInput
            ref={pathRef}
            value={mergeFile}
            onChange={setMergeFile}
            placeholder={t('sharing.merge.pathPlaceholder')}
            error={attempted && missing ? t('files.pathRequired') : null}
            disabled={busy}
            testId="share-merge-file"
          />
          <Group>
            <Button type="submit" variant={mergePhase === 'preview' ? 'default' : 'filled'} loading={mergePhase === 'checking'} disabled={mergePhase === 'merging'} data-testid="share-merge-dry-run">
              {t('sharing.merge.dryRun')}
            </Button>
          </Group>
        </Stack>
      </form>
      {mergePhase === 'checking' && <JobProgressBar text={t('sharing.merge.checking')} progress={progress} testId="share-merge-checking" />}
      {mergeError && <ApiErrorAlert error={mergeError} title={t('sharing.merge.errorTitle')} testId="share-merge-error" />}
      {preview && (mergePhase === 'preview' || mergePhase === 'merging') && (
        <Stack gap="sm">
          <MergeReportView report={preview} headingRef={previewHeading} testId="share-preview" />
          <Group>
            <Button onClick={() => void merge()} loading={mergePhase === 'merging'} data-testid="share-merge-apply">
              {t('sharing.merge.apply')}
            </Button>
          </Group>
          {mergePhase === 'merging' && <JobProgressBar text={t('sharing.merge.merging')} progress={progress} testId="share-merge-merging" />}
        </Stack>
      )}
      {report && mergePhase === 'done' && (
        <Stack gap="sm">
          <MergeReportView report={report} headingRef={reportHeading} testId="share-report" />
          <Group>
            <Button variant="light" onClick={() => useUiStore.getState().setPage('accounts')} data-testid="share-open-accounts">
              {t('sharing.merge.openAccounts')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                resetMerge();
                setAttempted(false);
                pathRef.current?.focus();
              }}
              data-testid="share-merge-again"
            >
              {t('sharing.merge.again')}
            </Button>
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}
