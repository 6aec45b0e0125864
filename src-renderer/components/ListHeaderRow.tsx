import { Text } from '@mantine/core';

/** The column headers of a virtual table (the accounts list, the to-do board): one grid row above its scroller. */
export function ListHeaderRow({ gridColumns, labels }: { gridColumns: string; labels: readonly string[] }) {
  return (
    <div
      role="row"
      aria-rowindex={1}
      style={{
        display: 'grid',
        gridTemplateColumns: gridColumns,
        columnGap: 'var(--mantine-spacing-md)',
        padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-md)',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        background: 'var(--mantine-color-gray-0)',
      }}
    >
      {labels.map((label) => (
        <Text key={label} role="columnheader" size="xs" fw={700} c="dimmed" tt="uppercase" truncate="end">
          {label}
        </Text>
      ))}
    </div>
  );
}
