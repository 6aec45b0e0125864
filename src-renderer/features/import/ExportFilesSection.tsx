import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { ExportResult } from '../../../src-main/contract/transfer';
import { api } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { BusyNotice } from '../sharing/BusyNotice';
import { FileName } from '../sharing/FileName';
import { FilePathInput } from '../sharing/FilePathInput';
import { SectionCard } from '../sharing/SectionCard';

const entities = ['accounts', 'contacts', 'orders'] as const;
const formats = ['csv', 'xlsx', 'vcf'] as const;
type Entity = (typeof entities)[number];
type Format = (typeof formats)[number];
const isEntity = (value: string | null): value is Entity => (entities as readonly (string | null)[]).includes(value);
const isFormat = (value: string): value is Format => (formats as readonly string[]).includes(value);

/** Export accounts, contacts or orders to CSV, XLSX or vCard (contacts only) at a path. */
export function ExportFilesSection() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const [entity, setEntity] = useState<Entity>('accounts');
  const [format, setFormat] = useState<Format>('csv');
  const [out, setOut] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const outRef = useRef<HTMLInputElement>(null);
  const missing = out.trim() === '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (missing) {
      outRef.current?.focus();
      return;
    }
    if (running) return;
    setRunning(true);
    setResult(null);
    setError(null);
    const answer = await api.call('export.run', { out: out.trim(), format, entity: format === 'vcf' ? 'contacts' : entity });
    setRunning(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  return (
    <SectionCard title={t('transfer.export.title')} description={t('transfer.export.description')} testId="files-export">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Group gap="lg" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="files-export-format-label">
                {t('transfer.export.format')}
              </Text>
              <SegmentedControl
                aria-labelledby="files-export-format-label"
                value={format}
                onChange={(value) => {
                  if (!isFormat(value)) return;
                  setFormat(value);
                  if (value === 'vcf') setEntity('contacts');
                }}
                data={formats.map((f) => ({ value: f, label: t(`transfer.export.formats.${f}`) }))}
                data-testid="files-export-format"
              />
            </Stack>
            <Select
              w={200}
              label={t('transfer.export.entity')}
              data={entities.map((e) => ({ value: e, label: t(`transfer.export.entities.${e}`), disabled: format === 'vcf' && e !== 'contacts' }))}
              value={entity}
              onChange={(value) => isEntity(value) && setEntity(value)}
              allowDeselect={false}
              description={format === 'vcf' ? t('transfer.export.vcfContacts') : undefined}
              data-testid="files-export-entity"
            />
          </Group>
          <FilePathInput
            ref={outRef}
            value={out}
            onChange={setOut}
            placeholder={t('transfer.export.outPlaceholder')}
            description={t('sharing.export.outDescription')}
            error={attempted && missing ? t('files.pathRequired') : null}
            disabled={running}
            testId="files-export-out"
          />
          <Group>
            <Button type="submit" loading={running} data-testid="files-export-submit">
              {t('transfer.export.submit')}
            </Button>
          </Group>
          {running && <BusyNotice text={t('transfer.export.running')} testId="files-export-running" />}
          {error && <ApiErrorAlert error={error} title={t('transfer.export.errorTitle')} testId="files-export-error" />}
          {result && (
            <Alert color="teal" variant="light" role="status" data-testid="files-export-done" data-rows={result.rows}>
              <FileName label={t('transfer.export.done', { count: result.rows, formatted: formatNumber(result.rows, language) })} file={result.file} testId="files-export-file" />
            </Alert>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}
