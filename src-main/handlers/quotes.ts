/** The R8 and R9 quote calls implemented over the services (spread into the handler map in ./index.ts). */
import { diffQuote } from '../services/quote-diff';
import { lossAnalysis, loseQuote, lostReasons, winQuote } from '../services/quote-loss';
import type { Handlers } from './index';

export const quotesHandlers: Pick<Handlers, 'quotes.diff' | 'quotes.lossAnalysis' | 'quotes.lose' | 'quotes.win' | 'quotes.lostReasons'> = {
  'quotes.diff': (ctx, input) => diffQuote(ctx, input),
  'quotes.lossAnalysis': (ctx, input) => lossAnalysis(ctx, input),
  'quotes.lose': (ctx, input) => loseQuote(ctx, input),
  'quotes.win': (ctx, input) => winQuote(ctx, input),
  'quotes.lostReasons': (ctx, input) => lostReasons(ctx, input),
};
