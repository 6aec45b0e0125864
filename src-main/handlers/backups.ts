/** The backups calls implemented over the services (spread into the handler map in ./index.ts). */
import { backupBook, listBackups } from '../services/backups';
import type { Handlers } from './index';

export const backupsHandlers: Pick<Handlers, 'backups.list' | 'backups.create'> = {
  'backups.list': (ctx) => listBackups(ctx),
  'backups.create': (ctx) => backupBook(ctx, 'manual'),
};
