import { Title } from '@mantine/core';

/** One account: details, orders, scores with their explanation, health over time. */
export function AccountPage({ accountId }: { accountId: string }) {
  return <Title order={2}>{accountId}</Title>;
}
