import { useEffect, useState } from 'react';

/**
 * Fetches a lazily loaded part (`load`, an `import()`) once the page is idle, and says when it is there: a dialog
 * mounted closed from then on opens at once on first use — no download, no parse, and no suspended render (React
 * holds a revealed Suspense boundary back for up to 300 ms). A failed fetch is retried by the first real use.
 * `load` must be stable (a module-level function).
 */
export function useIdlePreload(load: () => Promise<unknown>): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    const preload = () =>
      void load().then(
        () => live && setLoaded(true),
        () => undefined,
      );
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(preload, { timeout: 3_000 });
      return () => {
        live = false;
        cancelIdleCallback(handle);
      };
    }
    const timer = setTimeout(preload, 1_000);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [load]);
  return loaded;
}
