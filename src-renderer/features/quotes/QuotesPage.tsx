import { useEffect } from 'react';
import { useUiStore } from '../../stores/ui-store';
import { NewQuoteForm } from './NewQuoteForm';
import { QuoteEditor } from './QuoteEditor';
import { QuotesList } from './QuotesList';
import { useQuotesStore } from './quotes-store';

/**
 * The Quotes page (R7, R8): the list, the "New quote" form, or — when the shell's `quoteId` is set — that quote's
 * editor. Leaving the page drops an unfinished new quote.
 */
export function QuotesPage() {
  const quoteId = useUiStore((state) => state.quoteId);
  const creating = useQuotesStore((state) => state.creating);
  const cancelNew = useQuotesStore((state) => state.cancelNew);
  useEffect(() => cancelNew, [cancelNew]);
  if (quoteId) return <QuoteEditor key={quoteId} quoteId={quoteId} />;
  if (creating) return <NewQuoteForm />;
  return <QuotesList />;
}
