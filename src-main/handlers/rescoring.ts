/** The background rescore's calls (src-main/contract/rescoring.ts) over its service; spread into ./index.ts. */
import type { rescoringContract } from '../contract/rescoring';
import { cancelRescore, rescoreJob, startRescoreCall } from '../services/rescoring';
import type { Handlers } from './index';

export const rescoringHandlers: Pick<Handlers, keyof typeof rescoringContract> = {
  'scores.start': (ctx, input) => startRescoreCall(ctx, input),
  'scores.job': async (ctx) => rescoreJob(ctx),
  'scores.cancel': async (ctx) => cancelRescore(ctx),
};
