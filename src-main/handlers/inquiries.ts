/** The inquiry and complaint calls of issue 12 (src-main/contract/inquiries.ts) over the services; spread into ./index.ts. */
import type { inquiriesContract } from '../contract/inquiries';
import { getComplaint, getInquiry } from '../services/inquiries';
import { inquiryInbox } from '../services/inquiry-inbox';
import { inquiryDeadlines, inquiryStats } from '../services/inquiry-stats';
import type { Handlers } from './index';

export const inquiriesHandlers: Pick<Handlers, keyof typeof inquiriesContract> = {
  'inquiries.get': (ctx, input) => getInquiry(ctx, input.id),
  'inquiries.deadlines': (ctx, input) => inquiryDeadlines(ctx, input),
  'inquiries.inbox': (ctx, input) => inquiryInbox(ctx, input),
  'inquiries.stats': (ctx, input) => inquiryStats(ctx, input),
  'complaints.get': (ctx, input) => getComplaint(ctx, input.id),
};
