import { Alert, Button, Group, Radio, Stack, Table, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatDay } from '../dashboard/format-day';
import { JobProgressBar } from '../../components/JobProgressBar';
import { FileName } from './FileName';
import { FilePathInput } from './FilePathInput';
import { SectionCard } from './SectionCard';
import { byTableOrder, tableLabel } from './share-tables';
import { formatSize } from './format-size';
import { useSharingStore, type ExportKind } from './sharing-store';

const isExportKind = (value: string): value is ExportKind => value === 'full' || value === 'changes';

/** Export a share file: a snapshot of the whole book or the changes since a day; the result gives records and size. */
export function ShareExportSection() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { exportKind, exportSince, exportOut, exporting, exported, exportError, progress } = useSharingStore();
  const setExport = useSharingStore((state) => state.setExport);
  const runExport = useSharingStore((state) => state.runExport);
  const [attempted, setAttempted] = useState(false);
  const outRef = useRef<HTMLInputElement>(null);
  const sinceRef = useRef<HTMLInputElement>(null);

  const outMissing = exportOut.trim() === '';
  const sinceMissing = exportKind === 'changes' && exportSince === '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (sinceMissing) sinceRef.current?.focus();
    else if (outMissing) outRef.current?.focus();
    else void runExport();
  };

  return (
    <SectionCard title={t('sharing.export.title')} description={t('sharing.export.description')} testId="share-export">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Radio.Group
            label={t('sharing.export.kindLabel')}
            value={exportKind}
            onChange={(value) => isExportKind(value) && setExport({ exportKind: value })}
            data-testid="share-export-kind"
          >
            <Group gap="lg" mt={4}>
              <Radio value="full" label={t('sharing.export.full')} data-testid="share-export-full" />
              <Radio value="changes" label={t('sharing.export.changes')} data-testid="share-export-changes" />
            </Group>
          </Radio.Group>
          {exportKind === 'changes' && (
            <TextInput
              ref={sinceRef}
              required
              type="date"
              w={220}
              label={t('sharing.export.since')}
              value={exportSince}
              onChange={(event) => setExport({ exportSince: event.currentTarget.value })}
              error={attempted && sinceMissing ? t('sharing.export.sinceRequired') : undefined}
              data-testid="share-export-since"
            />
          )}
          <FilePathInput
            value={exportOut}
            onChange={(value) => setExport({ exportOut: value })}
            placeholder={t('sharing.export.outPlaceholder')}
            description={t('sharing.export.outDescription')}
            error={attempted && outMissing ? t('files.pathRequired') : null}
            disabled={exporting}
            testId="share-export-out"
            ref={outRef}
          />
          <Group>
            <Button type="submit" loading={exporting} data-testid="share-export-submit">
              {t('sharing.export.submit')}
            </Button>
          </Group>
          {exporting && <JobProgressBar text={t('sharing.export.running')} progress={progress} testId="share-export-running" />}
          {exportError && <ApiErrorAlert error={exportError} title={t('sharing.export.errorTitle')} testId="share-export-error" />}
          {exported && (
            <Alert variant="light" color="teal" title={t('sharing.export.doneTitle')} role="status" data-testid="share-export-done" data-total={exported.total} data-bytes={exported.bytes}>
              <Stack gap="xs">
                <span data-testid="share-export-summary">
                  {exported.kind === 'changes' && exported.since
                    ? t('sharing.export.doneChanges', {
                        count: exported.total,
                        formatted: formatNumber(exported.total, language),
                        size: formatSize(exported.bytes, language),
                        seconds: formatNumber(exported.seconds, language),
                        since: formatDay(exported.since, language),
                      })
                    : t('sharing.export.doneFull', {
                        count: exported.total,
                        formatted: formatNumber(exported.total, language),
                        size: formatSize(exported.bytes, language),
                        seconds: formatNumber(exported.seconds, language),
                      })}
                </span>
                <FileName label={t('sharing.export.writtenTo')} file={exported.file} testId="share-export-file" />
                <RecordCounts records={exported.records} />
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}

function RecordCounts({ records }: { records: Record<string, number> }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const rows = byTableOrder(records).filter(([, n]) => n > 0);
  if (rows.length === 0) return null;
  return (
    <Table withTableBorder={false} verticalSpacing={2} w="auto" aria-label={t('sharing.export.recordsLabel')} data-testid="share-export-records">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sharing.export.table')}</Table.Th>
          <Table.Th ta="right">{t('sharing.export.records')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([table, n]) => (
          <Table.Tr key={table} data-table={table} data-count={n}>
            <Table.Td>{tableLabel(t, table)}</Table.Td>
            <Table.Td ta="right">{formatNumber(n, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
