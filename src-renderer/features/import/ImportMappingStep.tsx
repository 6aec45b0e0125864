import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-main/contract/transfer';
import { isImportField } from '../../../src-main/domain/import/fields';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { fieldLabel, fieldOptions, IGNORE } from './field-options';
import { useImportStore } from './import-store';
import { RowErrorsTable } from './RowErrorsTable';

function FileInfo({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const kind = preview.kind.toUpperCase();
  const columns = formatNumber(preview.headers.length, language);
  return (
    <Text size="sm" c="dimmed" data-testid="import-file-info" data-encoding={preview.encoding ?? ''}>
      {preview.encoding
        ? t('transfer.import.fileInfo', { kind, encoding: preview.encoding, columns })
        : t('transfer.import.fileInfoNoEncoding', { kind, columns })}
    </Text>
  );
}

/** Step 2: each column with its first values and the field it imports as (a Select per column), and the first rows. */
export function ImportMappingStep() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const preview = useImportStore((state) => state.preview);
  const overrides = useImportStore((state) => state.overrides);
  const busy = useImportStore((state) => state.busy);
  const setMapping = useImportStore((state) => state.setMapping);
  const runCheck = useImportStore((state) => state.runCheck);
  const goTo = useImportStore((state) => state.goTo);
  const options = useMemo(() => (preview ? fieldOptions(t, preview.fields) : []), [t, preview]);
  if (!preview) return null;
  const needs = preview.needs.map((field) => fieldLabel(t, field)).join(', ');

  return (
    <Stack gap="sm" data-testid="import-mapping-step">
      <FileInfo preview={preview} />
      {preview.needs.length > 0 && (
        <Alert color="orange" variant="light" role="alert" data-testid="import-needs">
          {t('transfer.import.needs', { fields: needs })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder verticalSpacing={6} aria-label={t('transfer.import.mappingLabel')} data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{t('transfer.import.column')}</Table.Th>
              <Table.Th>{t('transfer.import.samples')}</Table.Th>
              <Table.Th w={300}>{t('transfer.import.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.mapping.map((m, i) => {
              const samples = preview.rows
                .slice(0, 3)
                .map((r) => r.cells[i] ?? '')
                .filter((cell) => cell.trim() !== '');
              const changed = m.column in overrides;
              return (
                <Table.Tr key={`${m.column}:${i}`} data-testid="import-mapping-row" data-column={m.column} data-field={m.field ?? ''} data-guessed={m.guessed ?? ''}>
                  <Table.Th scope="row" fw={600}>
                    {m.column}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {samples.join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Select
                        aria-label={`${t('transfer.import.field')}: ${m.column}`}
                        data={options}
                        value={m.field ?? IGNORE}
                        onChange={(value) => {
                          if (value === IGNORE) void setMapping(m.column, null);
                          else if (value && isImportField(value)) void setMapping(m.column, value);
                        }}
                        allowDeselect={false}
                        searchable
                        maxDropdownHeight={280}
                        disabled={busy !== null}
                        style={{ flex: 1 }}
                        data-testid="import-mapping-field"
                      />
                      {changed ? (
                        <Badge size="xs" variant="outline" color="grape">
                          {t('transfer.import.changed')}
                        </Badge>
                      ) : (
                        m.field !== null && (
                          <Badge size="xs" variant="light" color="gray">
                            {t('transfer.import.guessed')}
                          </Badge>
                        )
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {preview.errors.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} size="sm" component="h4" m={0}>
            {t('transfer.import.previewErrors', { count: preview.errors.length, formatted: formatNumber(preview.errors.length, language) })}
          </Text>
          <RowErrorsTable errors={preview.errors} total={preview.errors.length} testId="import-preview-errors" />
        </Stack>
      )}

      <Stack gap="xs">
        <Text fw={600} size="sm" component="h4" m={0}>
          {t('transfer.import.previewRows')}
        </Text>
        <Table.ScrollContainer minWidth={Math.max(480, preview.headers.length * 140)} maxHeight={320}>
          <Table withTableBorder withColumnBorders stickyHeader verticalSpacing={2} fz="xs" data-testid="import-preview-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>{t('transfer.import.row')}</Table.Th>
                {preview.mapping.map((m, i) => (
                  <Table.Th key={`${m.column}:${i}`}>
                    <div>{m.column}</div>
                    <Text size="xs" c="dimmed" fw={400}>
                      {m.field ? fieldLabel(t, m.field) : t('transfer.import.ignore')}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  {preview.headers.map((_, i) => (
                    <Table.Td key={i}>{row.cells[i] ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Group>
        <Button variant="default" onClick={() => goTo(0)} disabled={busy !== null} data-testid="import-back-to-file">
          {t('transfer.import.back')}
        </Button>
        <Button onClick={() => void runCheck()} loading={busy === 'checking'} disabled={preview.needs.length > 0 || busy === 'remapping'} data-testid="import-check">
          {t('transfer.import.toCheck')}
        </Button>
      </Group>
    </Stack>
  );
}
