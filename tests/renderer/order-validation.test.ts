import { describe, expect, it } from 'vitest';
import { contract } from '../../src-main/contract';
import { emptyOrderForm, isRealDate, parseAmount, toAddOrderInput, validateOrderForm } from '../../src-renderer/features/account/order-validation';

const ACCOUNT = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const currencies = ['CNY', 'EUR', 'USD'];
const form = (changes: Partial<ReturnType<typeof emptyOrderForm>>) => ({ ...emptyOrderForm('2025-06-30', 'EUR'), ...changes });

describe('the order form checks what orders.add checks, before the call', () => {
  it('reads amounts with thousands separators and refuses words, negatives and impossible dates', () => {
    expect(parseAmount('12,500.50')).toBe(12500.5);
    expect(parseAmount(' 1 200 ')).toBe(1200);
    expect(parseAmount('12,5x')).toBeNaN();
    expect(parseAmount('')).toBeNaN();
    expect(isRealDate('2025-02-28')).toBe(true);
    expect(isRealDate('2025-02-30')).toBe(false);
    expect(isRealDate('30/06/2025')).toBe(false);
  });

  it('says which field is wrong: amount, currency, quantity without unit, a date that is not one', () => {
    expect(validateOrderForm(form({}), currencies)).toEqual({ amount: { key: 'required' } });
    expect(validateOrderForm(form({ amount: '-5' }), currencies)).toEqual({ amount: { key: 'number' } });
    expect(validateOrderForm(form({ amount: '5', currency: 'XXX' }), currencies)).toEqual({ currency: { key: 'currency' } });
    expect(validateOrderForm(form({ amount: '5', quantity: '40' }), currencies)).toEqual({ unit: { key: 'unitWithQuantity' } });
    expect(validateOrderForm(form({ amount: '5', unit: 'pcs' }), currencies)).toEqual({ quantity: { key: 'unitWithQuantity' } });
    expect(validateOrderForm(form({ amount: '5', quantity: '0', unit: 'pcs' }), currencies)).toEqual({ quantity: { key: 'positive' } });
    expect(validateOrderForm(form({ amount: '5', paidOn: '2025-13-01', orderedAt: '' }), currencies)).toEqual({
      paidOn: { key: 'date' },
      orderedAt: { key: 'required' },
    });
  });

  it('issue 15: an amount of 0, a payment due before the order, a date before 1990 or past ten years ahead — as the contract says', () => {
    const refused = [
      [form({ amount: '0' }), { amount: { key: 'positive' } }],
      [form({ amount: '5', dueOn: '2025-06-29' }), { dueOn: { key: 'dueBeforeOrder' } }],
      [form({ amount: '5', orderedAt: '1989-12-31' }), { orderedAt: { key: 'factDate' } }],
      [form({ amount: '5', paidOn: '9999-12-31' }), { paidOn: { key: 'factDate' } }],
    ] as const;
    for (const [values, problems] of refused) {
      expect(validateOrderForm(values, currencies)).toEqual(problems);
      expect(contract['orders.add'].input.safeParse({ ...toAddOrderInput(ACCOUNT, values) }).success).toBe(false);
    }
    const dueSameDay = form({ amount: '5', dueOn: '2025-06-30' });
    expect(validateOrderForm(dueSameDay, currencies)).toEqual({});
    expect(contract['orders.add'].input.safeParse(toAddOrderInput(ACCOUNT, dueSameDay)).success).toBe(true);
  });

  it('valid values become an input the contract accepts, empty optional fields left out', () => {
    const values = form({ amount: '4,321.50', cost: '3000', quantity: '40', unit: ' pcs ', dueOn: '2025-07-30' });
    expect(validateOrderForm(values, currencies)).toEqual({});
    const input = toAddOrderInput(ACCOUNT, values);
    expect(input).toEqual({ accountId: ACCOUNT, orderedAt: '2025-06-30', amount: 4321.5, currency: 'EUR', cost: 3000, quantity: 40, unit: 'pcs', dueOn: '2025-07-30' });
    expect(contract['orders.add'].input.safeParse(input).success).toBe(true);
  });
});
