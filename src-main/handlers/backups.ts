/** The backups calls implemented over the services (spread into the handler map in ./index.ts). */
import { backupBook, listBackups } from '../services/backups';
import { restoreOpenBook } from '../services/restore';
import type { Handlers } from './index';

export const backupsHandlers: Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (ctx) => listBackups(ctx),
  'backups.create': (ctx) => backupBook(ctx, 'manual'),
  'backups.restore': (ctx, input) => restoreOpenBook(ctx, input.file),
};
