import type { InputOf } from '../../../src-main/contract';
import { FACT_DATE_MIN, factDateMax } from '../../../src-main/contract/primitives';

export const orderFormFields = [
  'orderedAt',
  'amount',
  'currency',
  'cost',
  'quantity',
  'unit',
  'dueOn',
  'paidOn',
  'shippedOn',
  'deliveredOn',
] as const;
export type OrderFormField = (typeof orderFormFields)[number];

export const orderDateFields = ['dueOn', 'paidOn', 'shippedOn', 'deliveredOn'] as const satisfies readonly OrderFormField[];

export type OrderFormValues = Record<Exclude<OrderFormField, 'currency'>, string> & { currency: string | null };

/** A field problem as an i18n key (under `account.orderForm.validation`) with its parameters. */
export interface OrderFieldProblem {
  key: 'required' | 'number' | 'positive' | 'tooLarge' | 'date' | 'factDate' | 'dueBeforeOrder' | 'currency' | 'unitWithQuantity' | 'tooLong';
  max?: number | string;
}

export type OrderFieldProblems = Partial<Record<OrderFormField, OrderFieldProblem>>;

export function emptyOrderForm(today: string, currency: string | null): OrderFormValues {
  return { orderedAt: today, amount: '', currency, cost: '', quantity: '', unit: '', dueOn: '', paidOn: '', shippedOn: '', deliveredOn: '' };
}

/** The contract's limits (primitives.ts: Money, Quantity, Unit). */
const MAX_MONEY = 1e13;
const MAX_QUANTITY = 1e12;
const MAX_UNIT = 20;

/** A typed number: spaces and thousands separators (, or ’) allowed, a dot for decimals. NaN when it is not one. */
export function parseAmount(text: string): number {
  const cleaned = text.trim().replace(/[\s,’']/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** A real calendar date `YYYY-MM-DD` (the date input gives that form). */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function money(text: string, required: boolean): OrderFieldProblem | undefined {
  if (!text.trim()) return required ? { key: 'required' } : undefined;
  const value = parseAmount(text);
  if (!Number.isFinite(value) || value < 0) return { key: 'number' };
  if (value > MAX_MONEY) return { key: 'tooLarge', max: MAX_MONEY.toExponential() };
  return undefined;
}

/** The same checks the contract makes (`orders.add`), before the call, so messages show at once next to the field. */
export function validateOrderForm(values: OrderFormValues, currencies: readonly string[]): OrderFieldProblems {
  const problems: OrderFieldProblems = {};
  if (!values.orderedAt) problems.orderedAt = { key: 'required' };
  else if (!isRealDate(values.orderedAt)) problems.orderedAt = { key: 'date' };
  const amount = money(values.amount, true);
  if (amount) problems.amount = amount;
  // An order's amount is above 0 (a free sample is an interaction, not an order).
  else if (parseAmount(values.amount) === 0) problems.amount = { key: 'positive' };
  if (!values.currency) problems.currency = { key: 'required' };
  else if (!currencies.includes(values.currency)) problems.currency = { key: 'currency' };
  const cost = money(values.cost, false);
  if (cost) problems.cost = cost;
  const hasQuantity = values.quantity.trim() !== '';
  const hasUnit = values.unit.trim() !== '';
  if (hasQuantity) {
    const quantity = parseAmount(values.quantity);
    if (!Number.isFinite(quantity) || quantity <= 0) problems.quantity = { key: 'positive' };
    else if (quantity > MAX_QUANTITY) problems.quantity = { key: 'tooLarge', max: MAX_QUANTITY.toExponential() };
  }
  if (values.unit.trim().length > MAX_UNIT) problems.unit = { key: 'tooLong', max: MAX_UNIT };
  if (hasQuantity && !hasUnit) problems.unit = { key: 'unitWithQuantity' };
  if (hasUnit && !hasQuantity) problems.quantity = { key: 'unitWithQuantity' };
  for (const field of ['orderedAt', ...orderDateFields] as const) {
    if (problems[field] || !values[field]) continue;
    if (!isRealDate(values[field])) problems[field] = { key: 'date' };
    else if (values[field] < FACT_DATE_MIN || values[field] > factDateMax()) problems[field] = { key: 'factDate' };
  }
  if (!problems.dueOn && !problems.orderedAt && values.dueOn && values.orderedAt && values.dueOn < values.orderedAt) problems.dueOn = { key: 'dueBeforeOrder' };
  return problems;
}

/** The `orders.add` input for valid values; empty optional fields are left out. */
export function toAddOrderInput(accountId: string, values: OrderFormValues): InputOf<'orders.add'> {
  const input: InputOf<'orders.add'> = {
    accountId,
    orderedAt: values.orderedAt,
    amount: parseAmount(values.amount),
    currency: values.currency ?? '',
  };
  if (values.cost.trim()) input.cost = parseAmount(values.cost);
  if (values.quantity.trim()) input.quantity = parseAmount(values.quantity);
  if (values.unit.trim()) input.unit = values.unit.trim();
  for (const field of orderDateFields) if (values[field]) input[field] = values[field];
  return input;
}

export function isOrderFormField(path: string): path is OrderFormField {
  return (orderFormFields as readonly string[]).includes(path);
}
