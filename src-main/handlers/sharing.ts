/** The sharing calls implemented over the services (spread into the handler map in ./index.ts). */
import { mergeAccounts, removeAccount } from '../services/account-merge';
import { backupBook } from '../services/backups';
import { claimAccount, listPool } from '../services/pool';
import { withProgress } from '../services/progress';
import { exportShare } from '../services/sharing/export';
import { mergeShare } from '../services/sharing/merge';
import type { Handlers } from './index';

type SharingCall = 'share.export' | 'share.merge' | 'accounts.merge' | 'accounts.remove' | 'accounts.pool' | 'accounts.claim';

export const sharingHandlers: Pick<Handlers, SharingCall> = {
  'share.export': (ctx, input) => withProgress(input.job, (onProgress) => exportShare(ctx, input, onProgress)),
  'share.merge': (ctx, input) =>
    withProgress(input.job, (onProgress) => mergeShare(ctx, input, { backup: async (c) => backupBook(c, 'merge').file, ...(onProgress ? { onProgress } : {}) })),
  'accounts.merge': (ctx, input) => mergeAccounts(ctx, input),
  'accounts.remove': (ctx, input) => removeAccount(ctx, input.id),
  'accounts.pool': (ctx, input) => listPool(ctx, input),
  'accounts.claim': (ctx, input) => claimAccount(ctx, input),
};
