import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../src-main/contract/transfer';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';

/** The duplicates found (against the book or an earlier row): what matched and what happens to the row. */
export function DuplicatesTable({ report, testId }: { report: ImportReport; testId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { duplicates, duplicateCount } = report;
  if (duplicateCount === 0) return null;
  const more = duplicateCount - duplicates.length;
  return (
    <Stack gap="xs" data-testid={testId} data-count={duplicateCount}>
      <Text fw={600} size="sm" component="h4" m={0}>
        {t('transfer.import.duplicatesTitle', { count: duplicateCount, formatted: formatNumber(duplicateCount, language) })}
      </Text>
      <Table.ScrollContainer minWidth={640} maxHeight={320}>
        <Table withTableBorder stickyHeader verticalSpacing={4} aria-label={t('transfer.import.duplicatesTitle', { count: duplicateCount, formatted: formatNumber(duplicateCount, language) })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('transfer.import.row')}</Table.Th>
              <Table.Th w={140}>{t('transfer.import.matchedBy')}</Table.Th>
              <Table.Th>{t('transfer.import.value')}</Table.Th>
              <Table.Th w={200}>{t('transfer.import.existing')}</Table.Th>
              <Table.Th w={200}>{t('transfer.import.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {duplicates.map((d, i) => (
              <Table.Tr key={`${d.row}:${d.field}:${i}`} data-testid={`${testId}-row`} data-row={d.row} data-field={d.field}>
                <Table.Td>{formatNumber(d.row, language)}</Table.Td>
                <Table.Td>{t(`transfer.import.dupFields.${d.field}`)}</Table.Td>
                <Table.Td>
                  <Code style={{ wordBreak: 'break-all' }}>{d.value}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.existingRow !== null ? t('transfer.import.existingRow', { row: formatNumber(d.existingRow, language) }) : t('transfer.import.existingRecord')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`transfer.import.actions.${d.action}`)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more > 0 && (
        <Text size="sm" c="dimmed">
          {t('transfer.import.duplicatesMore', { count: more, formatted: formatNumber(more, language) })}
        </Text>
      )}
    </Stack>
  );
}
