import { create } from 'zustand';
import { api } from '../../api';
import type { ApiError, Result } from '../../../src-main/contract/errors';
import type { Payment, Receivable, ReceivablesReport } from '../../../src-main/contract/receivables';

/** Rows per `receivables.list` call: the page shows at most this many open orders (the totals cover them all). */
export const RECEIVABLES_LIMIT = 500;

/** A payment just recorded, with the order it was for, shown until dismissed. */
export interface RecordedPayment {
  payment: Payment;
  accountName: string;
  order: string;
  /** What the order still owes after it, in its currency. */
  outstanding: number;
}

interface ReceivablesState {
  /** The last aged list; null before the first answer. */
  report: ReceivablesReport | null;
  loading: boolean;
  error: ApiError | null;
  recorded: RecordedPayment | null;
  load(): Promise<void>;
  /** `payments.add`; on success the notice is set and the list loaded again. The result goes back to the dialog. */
  recordPayment(row: Receivable, amount: number, paidOn: string): Promise<Result<Payment>>;
  dismissRecorded(): void;
}

let latestLoad = 0;

/** The order's label on screen: its number, else its id. */
export const orderLabel = (row: Pick<Receivable, 'number' | 'orderId'>): string => row.number ?? row.orderId;

export const useReceivablesStore = create<ReceivablesState>()((set, get) => ({
  report: null,
  loading: false,
  error: null,
  recorded: null,

  load: async () => {
    const request = ++latestLoad;
    set({ loading: true });
    const result = await api.call('receivables.list', { limit: RECEIVABLES_LIMIT });
    if (request !== latestLoad) return;
    if (result.ok) set({ report: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },

  recordPayment: async (row, amount, paidOn) => {
    const result = await api.call('payments.add', { orderId: row.orderId, amount, paidOn });
    if (!result.ok) return result;
    const outstanding = Math.max(0, Math.round((row.outstanding - result.value.amount) * 100) / 100);
    set({ recorded: { payment: result.value, accountName: row.accountName, order: orderLabel(row), outstanding } });
    await get().load();
    return result;
  },

  dismissRecorded: () => set({ recorded: null }),
}));
