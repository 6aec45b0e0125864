/** Trade-fair capture's calls (src-main/contract/leads.ts) over their service; spread into ./index.ts. */
import type { leadsContract } from '../contract/leads';
import { addLead, cardPhotoOf, leadDuplicates } from '../services/leads';
import type { Handlers } from './index';

export const leadsHandlers: Pick<Handlers, keyof typeof leadsContract> = {
  'leads.add': (ctx, input) => addLead(ctx, input),
  'leads.duplicates': (ctx, input) => leadDuplicates(ctx, input),
  'cardPhotos.get': (ctx, input) => cardPhotoOf(ctx, input.accountId),
};
