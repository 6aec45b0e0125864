/** The receivables calls of issue 12 (src-main/contract/receivables.ts) over the services; spread into ./index.ts. */
import type { receivablesContract } from '../contract/receivables';
import { addPayment, deletePayment, listPayments, listReceivables } from '../services/receivables';
import type { Handlers } from './index';

export const receivablesHandlers: Pick<Handlers, keyof typeof receivablesContract> = {
  'payments.add': (ctx, input) => addPayment(ctx, input),
  'payments.delete': (ctx, input) => deletePayment(ctx, input),
  'payments.list': (ctx, input) => listPayments(ctx, input),
  'receivables.list': (ctx, input) => listReceivables(ctx, input),
};
