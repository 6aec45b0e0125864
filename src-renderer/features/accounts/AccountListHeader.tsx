import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accountColumns, accountGridColumns } from './account-columns';

export function AccountListHeader() {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={1}
      style={{
        display: 'grid',
        gridTemplateColumns: accountGridColumns,
        columnGap: 'var(--mantine-spacing-md)',
        padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-md)',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        background: 'var(--mantine-color-gray-0)',
      }}
    >
      {accountColumns.map((column) => (
        <Text key={column} role="columnheader" size="xs" fw={700} c="dimmed" tt="uppercase" truncate="end">
          {t(`accounts.columns.${column}`)}
        </Text>
      ))}
    </div>
  );
}
