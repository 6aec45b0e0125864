import { Alert, Loader } from '@mantine/core';

/** A long call running (no progress figures to show): a spinner and what is happening, announced politely. */
export function BusyNotice({ text, testId }: { text: string; testId: string }) {
  return (
    <Alert variant="light" color="blue" icon={<Loader size="xs" />} role="status" aria-live="polite" data-testid={testId}>
      {text}
    </Alert>
  );
}
