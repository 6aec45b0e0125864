/** The dashboard's work lists (src-main/contract/dashboard.ts) over its service; spread into ./index.ts. */
import type { dashboardContract } from '../contract/dashboard';
import { dashboardWork } from '../services/dashboard-work';
import type { Handlers } from './index';

export const dashboardHandlers: Pick<Handlers, keyof typeof dashboardContract> = {
  'dashboard.work': (ctx, input) => dashboardWork(ctx, input),
};
