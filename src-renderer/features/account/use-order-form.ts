import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Order } from '../../../src-main/contract/models';
import {
  emptyOrderForm,
  isOrderFormField,
  toAddOrderInput,
  validateOrderForm,
  type OrderFieldProblems,
  type OrderFormField,
  type OrderFormValues,
} from './order-validation';

type ServerIssues = Partial<Record<OrderFormField, string>>;

/** Splits an `invalid_input` error into per-field messages; anything not tied to a field stays for the form's Alert. */
function splitIssues(error: ApiError): { fields: ServerIssues; rest: ApiError | null } {
  if (error.code !== 'invalid_input' || !error.issues?.length) return { fields: {}, rest: error };
  const fields: ServerIssues = {};
  let unmatched = false;
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isOrderFormField(field)) fields[field] ??= issue.message;
    else unmatched = true;
  }
  return { fields, rest: unmatched ? error : null };
}

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
  const [values, setValues] = useState<OrderFormValues>(() => emptyOrderForm(today, defaultCurrency));
  const [problems, setProblems] = useState<OrderFieldProblems>({});
  const [serverIssues, setServerIssues] = useState<ServerIssues>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const setField = <F extends OrderFormField>(field: F, value: OrderFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    // Quantity and unit are checked together: a change to one clears the pair's messages.
    const cleared: OrderFormField[] = field === 'quantity' || field === 'unit' ? ['quantity', 'unit'] : [field];
    setProblems((current) => ({ ...current, ...Object.fromEntries(cleared.map((f) => [f, undefined])) }));
    setServerIssues((current) => ({ ...current, ...Object.fromEntries(cleared.map((f) => [f, undefined])) }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const local = validateOrderForm(values, currencies);
    setProblems(local);
    setServerIssues({});
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(local).length > 0) return;
    setSubmitting(true);
    const result = await api.call('orders.add', toAddOrderInput(accountId, values));
    setSubmitting(false);
    if (result.ok) {
      onAdded(result.value);
      return;
    }
    const { fields, rest } = splitIssues(result.error);
    setServerIssues(fields);
    setFormError(rest);
    setAttempt((n) => n + 1);
  };

  return { values, problems, serverIssues, formError, submitting, attempt, setField, submit };
}
