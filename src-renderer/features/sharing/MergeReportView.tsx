import { Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareMergeReport } from '../../../src-main/contract/sharing';
import { formatInstant, formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatDay } from '../dashboard/format-day';
import { ConflictTable } from './ConflictTable';
import { FileName } from './FileName';
import { MergeCounts } from './MergeCounts';

interface MergeReportViewProps {
  report: ShareMergeReport;
  /** The heading, focused when the report appears. */
  headingRef: Ref<HTMLHeadingElement>;
  testId: string;
}

/** A dry run's preview ("would add…") or a merge's report: the totals, where the file came from, per table, every conflict. */
export function MergeReportView({ report, headingRef, testId }: MergeReportViewProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const records = (count: number) => t('sharing.merge.records', { count, formatted: formatNumber(count, language) });
  const conflictCount = report.conflicts.length + report.moreConflicts;
  const conflicts = t('sharing.merge.conflicts', { count: conflictCount, formatted: formatNumber(conflictCount, language) });
  const nothing = report.added + report.updated + conflictCount === 0;
  const from = report.from;
  const createdAt = formatInstant(from.createdAt, language);
  return (
    <Stack
      gap="sm"
      data-testid={testId}
      data-dry-run={report.dryRun}
      data-added={report.added}
      data-updated={report.updated}
      data-unchanged={report.unchanged}
      data-conflicts={conflictCount}
    >
      <Title order={4} ref={headingRef} tabIndex={-1} data-testid={`${testId}-title`}>
        {report.dryRun ? t('sharing.merge.previewTitle') : t('sharing.merge.reportTitle')}
      </Title>
      <Text size="sm" fw={500} data-testid={`${testId}-summary`}>
        {report.dryRun
          ? nothing
            ? t('sharing.merge.previewNothing')
            : t('sharing.merge.previewSummary', { added: records(report.added), updated: records(report.updated), conflicts })
          : t('sharing.merge.reportSummary', { added: records(report.added), updated: records(report.updated), unchanged: formatNumber(report.unchanged, language), conflicts })}
      </Text>
      <Text size="sm" c="dimmed" data-testid={`${testId}-from`}>
        {from.kind === 'changes' && from.since
          ? t('sharing.merge.fromChanges', { since: formatDay(from.since, language), createdAt, site: from.site })
          : t('sharing.merge.fromFull', { createdAt, site: from.site })}
      </Text>
      {!report.dryRun && report.backup && <FileName label={t('sharing.merge.backup')} file={report.backup} testId={`${testId}-backup`} />}
      <MergeCounts report={report} testId={`${testId}-tables`} />
      <ConflictTable report={report} testId={`${testId}-conflicts`} />
    </Stack>
  );
}
