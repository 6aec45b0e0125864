import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareConflict, ShareMergeReport } from '../../../src-main/contract/sharing';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { tableLabel } from './share-tables';

const keptStyle = { background: 'var(--mantine-color-teal-light)', fontWeight: 600 } as const;

function Value({ value, kept }: { value: ShareConflict['mine']; kept: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={kept ? 600 : 400} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} c={value === null || value === '' ? 'dimmed' : undefined}>
        {value === null || value === '' ? t('files.empty') : String(value)}
      </Text>
      {/* Not colour alone: the kept value also says so in words. */}
      {kept && (
        <Badge size="xs" color="teal" variant="filled" data-testid="merge-conflict-kept-mark">
          {t('sharing.merge.keptMark')}
        </Badge>
      )}
    </Stack>
  );
}

/**
 * Every conflict of a merge as a row: the table, the record, the field, both values and which was kept (its cell
 * highlighted and marked "✓ kept"). Conflicts beyond the first 1,000 are counted.
 */
export function ConflictTable({ report, testId }: { report: ShareMergeReport; testId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { conflicts, moreConflicts } = report;
  return (
    <Stack gap="xs" data-testid={testId} data-count={conflicts.length + moreConflicts}>
      <Text fw={600} size="sm" component="h4" m={0}>
        {t('sharing.merge.conflictsTitle')} ({formatNumber(conflicts.length + moreConflicts, language)})
      </Text>
      {conflicts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sharing.merge.conflictsNone')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('sharing.merge.conflictsHint')}
          </Text>
          <Table.ScrollContainer minWidth={760} maxHeight={480}>
            <Table withTableBorder withColumnBorders stickyHeader verticalSpacing={6} aria-label={t('sharing.merge.conflictsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={130}>{t('sharing.merge.conflictTable')}</Table.Th>
                  <Table.Th w={150}>{t('sharing.merge.conflictRecord')}</Table.Th>
                  <Table.Th w={120}>{t('sharing.merge.conflictField')}</Table.Th>
                  <Table.Th>{t('sharing.merge.mine')}</Table.Th>
                  <Table.Th>{t('sharing.merge.theirs')}</Table.Th>
                  <Table.Th w={90}>{t('sharing.merge.kept')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflicts.map((c) => (
                  <Table.Tr key={`${c.table}:${c.id}:${c.field}`} data-testid={`${testId}-row`} data-table={c.table} data-id={c.id} data-field={c.field} data-kept={c.kept}>
                    <Table.Td>
                      <Text size="sm">{tableLabel(t, c.table)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Code title={c.id} style={{ wordBreak: 'break-all' }}>
                        {c.id}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Code>{c.field}</Code>
                    </Table.Td>
                    <Table.Td style={c.kept === 'mine' ? keptStyle : undefined} data-testid={`${testId}-mine`}>
                      <Value value={c.mine} kept={c.kept === 'mine'} />
                    </Table.Td>
                    <Table.Td style={c.kept === 'theirs' ? keptStyle : undefined} data-testid={`${testId}-theirs`}>
                      <Value value={c.theirs} kept={c.kept === 'theirs'} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {c.kept === 'mine' ? t('sharing.merge.keptMine') : t('sharing.merge.keptTheirs')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {moreConflicts > 0 && (
            <Text size="sm" c="dimmed" data-testid={`${testId}-more`}>
              {t('sharing.merge.moreConflicts', { count: moreConflicts, formatted: formatNumber(moreConflicts, language) })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
