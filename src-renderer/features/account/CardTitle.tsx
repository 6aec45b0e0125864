import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A card's heading with optional controls on the right. */
export function CardTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" wrap="nowrap" mb="sm" gap="xs" mih={28}>
      <Title order={4} fz="md" style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {children}
      </Title>
      {right}
    </Group>
  );
}
