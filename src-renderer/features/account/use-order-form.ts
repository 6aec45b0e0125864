import { api } from '../../api';
import type { Order } from '../../../src-main/contract/models';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { emptyOrderForm, isOrderFormField, toAddOrderInput, validateOrderForm, type OrderFormField, type OrderFormValues } from './order-validation';

interface OrderFormOptions {
  accountId: string;
  today: string;
  defaultCurrency: string | null;
  currencies: readonly string[];
  onAdded: (order: Order) => void;
}

/**
 * State and submit logic of the order form: local checks first, then `orders.add`. A refusal (a missing FX rate,
 * a field the server rejects) keeps every value as typed and says what to fix, in the UI language.
 */
export function useOrderForm({ accountId, today, defaultCurrency, currencies, onAdded }: OrderFormOptions) {
  const { update, ...form } = useValidatedForm({
    initial: () => emptyOrderForm(today, defaultCurrency),
    isField: isOrderFormField,
    validate: (values: OrderFormValues) => validateOrderForm(values, currencies),
    send: (values) => api.call('orders.add', toAddOrderInput(accountId, values)),
    onDone: onAdded,
  });

  const setField = <F extends OrderFormField>(field: F, value: OrderFormValues[F]) => {
    // Quantity and unit are checked together: a change to one clears the pair's messages.
    const cleared: OrderFormField[] = field === 'quantity' || field === 'unit' ? ['quantity', 'unit'] : [field];
    update({ [field]: value } as Partial<OrderFormValues>, cleared);
  };

  return { ...form, setField };
}
