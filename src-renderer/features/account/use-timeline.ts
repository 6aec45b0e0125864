import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import type { TimelineEvent } from '../../../src-main/contract/timeline';
import { api } from '../../api';

/** Events asked for at a time; a full page means there may be older ones. */
export const TIMELINE_PAGE = 50;

export interface TimelineState {
  events: TimelineEvent[];
  loading: boolean;
  error: ApiError | null;
  /** The last page was full: "Show older" asks for the next one after the last event shown. */
  more: boolean;
}

/**
 * One account's timeline (`accounts.timeline`), newest first, a page at a time. It loads again from the top when
 * `refreshKey` changes (an order added on the page); an answer to an older request is dropped.
 */
export function useTimeline(accountId: string, refreshKey: unknown): TimelineState & { loadMore(): void; reload(): void } {
  const [state, setState] = useState<TimelineState>({ events: [], loading: true, error: null, more: false });
  const generation = useRef(0);
  const shown = useRef<TimelineEvent[]>([]);

  const load = useCallback(
    async (fromTop: boolean) => {
      const mine = ++generation.current;
      const last = fromTop ? undefined : shown.current.at(-1);
      setState((s) => ({ ...s, loading: true, error: null }));
      const result = await api.call('accounts.timeline', {
        id: accountId,
        limit: TIMELINE_PAGE,
        ...(last ? { startAfter: { at: last.at, kind: last.kind, id: last.id } } : {}),
      });
      if (mine !== generation.current) return;
      if (!result.ok) {
        setState((s) => ({ ...s, loading: false, error: result.error }));
        return;
      }
      shown.current = fromTop ? result.value : [...shown.current, ...result.value];
      setState({ events: shown.current, loading: false, error: null, more: result.value.length === TIMELINE_PAGE });
    },
    [accountId],
  );

  useEffect(() => {
    void load(true);
  }, [load, refreshKey]);

  return { ...state, loadMore: () => void load(false), reload: () => void load(true) };
}
