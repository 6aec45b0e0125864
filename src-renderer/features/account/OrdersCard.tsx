import { Badge, Button, Card, Center, EmptyState, Group, Kbd, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useAccountStore } from '../../stores/account-store';
import { useUiStore } from '../../stores/ui-store';
import { CardTitle } from './CardTitle';
import { formatCalendarDate, formatDecimal, formatMoney } from './account-format';

function PaymentCell({ order }: { order: Order }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  if (order.paidOn) {
    return (
      <Badge variant="light" color={order.dueOn && order.paidOn > order.dueOn ? 'orange' : 'teal'} size="sm">
        {formatCalendarDate(order.paidOn, language)}
      </Badge>
    );
  }
  if (!order.dueOn) return <Text size="xs" c="dimmed">{t('account.orders.notDue')}</Text>;
  return (
    <Badge variant="light" color="gray" size="sm">
      {t('account.orders.unpaid')}
    </Badge>
  );
}

/** The account's orders, newest first: date, amount in its currency and in the base currency, cost, quantity, due and paid. */
export function OrdersCard({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const orders = useAccountStore((state) => state.orders);
  const more = useAccountStore((state) => state.moreOrders);
  const loadMore = useAccountStore((state) => state.loadMoreOrders);
  const base = useAccountStore((state) => state.baseCurrency);
  const list = orders.value;
  const none = t('common.none');
  return (
    <Card withBorder padding="md" data-testid="account-orders">
      <CardTitle
        right={
          <Group gap="sm" wrap="nowrap">
            {list && (
              <Text size="sm" c="dimmed" data-testid="order-count" data-count={list.length}>
                {t('account.orders.count', { count: list.length, formatted: formatNumber(list.length, language) + (more ? '+' : '') })}
              </Text>
            )}
            <Button size="xs" onClick={onAdd} rightSection={<Kbd size="xs" ff="inherit">O</Kbd>} data-testid="add-order-button">
              {t('account.orders.add')}
            </Button>
          </Group>
        }
      >
        {t('account.orders.title')}
      </CardTitle>
      {orders.error && <ApiErrorAlert error={orders.error} testId="orders-error" />}
      {list === null && orders.loading && (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {list !== null && list.length === 0 && (
        <EmptyState data-testid="orders-empty" title={t('account.orders.empty')} description={t('account.orders.emptyHint')} />
      )}
      {/* The list scrolls within the card: its viewport takes focus, so the arrow keys scroll it without a mouse. */}
      {list !== null && list.length > 0 && (
        <Table.ScrollContainer minWidth={760} maxHeight={420} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('account.orders.title') } }}>
          <Table striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.orders.columns.date')}</Table.Th>
                <Table.Th ta="right">{t('account.orders.columns.amount')}</Table.Th>
                <Table.Th ta="right">{t('account.orders.columns.base', { currency: base })}</Table.Th>
                <Table.Th ta="right">{t('account.orders.columns.cost')}</Table.Th>
                <Table.Th ta="right">{t('account.orders.columns.quantity')}</Table.Th>
                <Table.Th>{t('account.orders.columns.due')}</Table.Th>
                <Table.Th>{t('account.orders.columns.paid')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((order) => (
                <Table.Tr key={order.id} data-testid="order-row" data-order-id={order.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(order.orderedAt, language)}</Table.Td>
                  <Table.Td ta="right" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="order-row-amount">
                    {formatMoney(order.amount, order.currency, language)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(order.amountBase, base, language)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {order.cost === null ? none : formatMoney(order.cost, order.currency, language)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {order.quantity === null ? none : `${formatDecimal(order.quantity, language, 3)} ${order.unit ?? ''}`}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{order.dueOn ? formatCalendarDate(order.dueOn, language) : none}</Table.Td>
                  <Table.Td>
                    <PaymentCell order={order} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more && (
        <Group justify="center" mt="sm">
          <Button variant="subtle" size="xs" onClick={() => void loadMore()} loading={orders.loading} data-testid="orders-more">
            {t('account.orders.more')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
