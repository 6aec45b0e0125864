/** The transfer calls implemented over the services (spread into the handler map in ./index.ts). */
import type { transferContract } from '../contract/transfer';
import { exportFile } from '../services/export-files';
import { previewImport, runImport } from '../services/import';
import type { Handlers } from './index';

export const transferHandlers: Pick<Handlers, keyof typeof transferContract> = {
  'import.preview': (ctx, input, language) => previewImport(ctx, input, language),
  'import.run': (ctx, input, language) => runImport(ctx, input, { language }),
  'export.run': (ctx, input) => exportFile(ctx, input),
};
