/** The account timeline call (src-main/contract/timeline.ts) over its service; spread into ./index.ts. */
import type { timelineContract } from '../contract/timeline';
import { accountTimeline } from '../services/timeline';
import type { Handlers } from './index';

export const timelineHandlers: Pick<Handlers, keyof typeof timelineContract> = {
  'accounts.timeline': (ctx, input) => accountTimeline(ctx, input),
};
