/** `quotes.diff` (R8): reads the quote with its versions and questions and compares two versions (domain/quotes/diff.ts). */
import type { ParsedInputOf } from '../contract';
import { invalidState } from '../contract/errors';
import type { QuoteDiff } from '../contract/quotes';
import { diffQuoteVersions } from '../domain/quotes/diff';
import type { ServiceContext } from './context';
import { getQuote } from './quotes';

export async function diffQuote(ctx: ServiceContext, input: ParsedInputOf<'quotes.diff'>): Promise<QuoteDiff> {
  const quote = await getQuote(ctx, input.id);
  const current = quote.currentVersion;
  if (current < 2 && input.from === undefined && input.to === undefined) throw invalidState('quote_single_version', { id: quote.number });
  const to = input.to ?? current;
  const from = input.from ?? (to > 1 ? to - 1 : current);
  const version = (n: number) => {
    const found = quote.versions.find((v) => v.version === n);
    if (!found) throw invalidState('quote_version_missing', { id: quote.number, version: n, current });
    return found;
  };
  const later = version(to);
  const diff = diffQuoteVersions(version(from), later, quote.questions);
  return { quoteId: quote.id, number: quote.number, currency: quote.currency, ...diff };
}
