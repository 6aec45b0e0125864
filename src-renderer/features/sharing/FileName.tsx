import { Code, Group, Text } from '@mantine/core';

/** A path on the disk, shown whole (it wraps) in a monospace block so it can be read and selected. */
export function FileName({ label, file, testId }: { label: string; file: string; testId: string }) {
  return (
    <Group gap="xs" wrap="wrap" align="baseline">
      <Text size="sm">{label}</Text>
      <Code data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {file}
      </Code>
    </Group>
  );
}
