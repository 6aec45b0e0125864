/** The R8 quote calls implemented over the services (spread into the handler map in ./index.ts). */
import { diffQuote } from '../services/quote-diff';
import type { Handlers } from './index';

export const quotesHandlers: Pick<Handlers, 'quotes.diff'> = {
  'quotes.diff': (ctx, input) => diffQuote(ctx, input),
};
