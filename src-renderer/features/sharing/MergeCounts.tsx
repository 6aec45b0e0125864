import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareMergeReport } from '../../../src-main/contract/sharing';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { byTableOrder, tableLabel } from './share-tables';

/** Added / updated / unchanged per table (the tables the file holds records of); a dry run says "would". */
export function MergeCounts({ report, testId }: { report: ShareMergeReport; testId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const rows = byTableOrder(report.tables).filter(([, c]) => c.added + c.updated + c.unchanged > 0);
  if (rows.length === 0) return null;
  const n = (value: number) => formatNumber(value, language);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder verticalSpacing={4} w="auto" miw={420} aria-label={t('sharing.merge.tablesLabel')} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sharing.merge.table')}</Table.Th>
            <Table.Th ta="right">{report.dryRun ? t('sharing.merge.wouldAdd') : t('sharing.merge.added')}</Table.Th>
            <Table.Th ta="right">{report.dryRun ? t('sharing.merge.wouldUpdate') : t('sharing.merge.updated')}</Table.Th>
            <Table.Th ta="right">{t('sharing.merge.unchanged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([table, counts]) => (
            <Table.Tr key={table} data-testid={`${testId}-row`} data-table={table} data-added={counts.added} data-updated={counts.updated} data-unchanged={counts.unchanged}>
              <Table.Th scope="row" fw={500}>
                {tableLabel(t, table)}
              </Table.Th>
              <Table.Td ta="right">{n(counts.added)}</Table.Td>
              <Table.Td ta="right">{n(counts.updated)}</Table.Td>
              <Table.Td ta="right">{n(counts.unchanged)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
