import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../../src-main/contract/transfer';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';

/** Row errors as the importer reports them: row number (as in the spreadsheet), column and reason (in the user's language). */
export function RowErrorsTable({ errors, total, testId }: { errors: readonly ImportRowError[]; total: number; testId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  if (errors.length === 0) return null;
  const more = total - errors.length;
  return (
    <>
      <Table.ScrollContainer minWidth={600} maxHeight={360}>
        <Table withTableBorder stickyHeader verticalSpacing={4} aria-label={t('transfer.import.errorsTitle', { count: total, formatted: formatNumber(total, language) })} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('transfer.import.row')}</Table.Th>
              <Table.Th w={180}>{t('transfer.import.column')}</Table.Th>
              <Table.Th>{t('transfer.import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error, i) => (
              <Table.Tr key={`${error.row}:${error.column}:${i}`} data-testid={`${testId}-row`} data-row={error.row} data-column={error.column} data-code={error.code}>
                <Table.Td>{formatNumber(error.row, language)}</Table.Td>
                <Table.Td>
                  <Code>{error.column}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{error.reason}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more > 0 && (
        <Text size="sm" c="dimmed">
          {t('transfer.import.errorsMore', { count: more, formatted: formatNumber(more, language) })}
        </Text>
      )}
    </>
  );
}
