/** The transfer calls implemented over the services (spread into the handler map in ./index.ts). */
import type { transferContract } from '../contract/transfer';
import { exportFile } from '../services/export-files';
import { previewImport, runImport } from '../services/import';
import { withProgress } from '../services/progress';
import type { Handlers } from './index';

export const transferHandlers: Pick<Handlers, keyof typeof transferContract> = {
  'import.preview': (ctx, input, language) => previewImport(ctx, input, language),
  'import.run': (ctx, input, language) => withProgress(input.job, (onProgress) => runImport(ctx, input, { language, ...(onProgress ? { onProgress } : {}) })),
  'export.run': (ctx, input) => exportFile(ctx, input),
};
