import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Locale } from '@site/shared/locale';
import { loadSearch } from './load';
import type { SearchReporter } from './events';
import type { SearchRuntime } from './runtime';

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The search runtime once `load()` was called (on the first focus, click or shortcut). */
export function useSearchRuntime(locale: Locale): {
  runtime: SearchRuntime | null;
  status: SearchStatus;
  load: () => void;
} {
  const [wanted, setWanted] = useState(false);
  const [loaded, setLoaded] = useState<{ runtime: SearchRuntime } | { failed: true } | null>(null);

  useEffect(() => {
    if (!wanted) return undefined;
    let cancelled = false;
    loadSearch(locale).then(
      (runtime) => {
        if (!cancelled) setLoaded({ runtime });
      },
      () => {
        if (cancelled) return;
        setLoaded({ failed: true });
        // The next focus or keystroke tries again.
        setWanted(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, locale]);

  const load = useCallback(() => setWanted(true), []);
  const runtime = loaded && 'runtime' in loaded ? loaded.runtime : null;
  const status: SearchStatus = runtime ? 'ready' : wanted ? 'loading' : loaded ? 'failed' : 'idle';
  return { runtime, status, load };
}

/**
 * The anonymous search events of one search box (see events.ts): each query and how many results
 * it found, and a search left without opening a result — including by leaving the page.
 */
export function useSearchReporter(
  runtime: SearchRuntime | null,
  query: string,
  results: number,
): RefObject<SearchReporter | null> {
  const reporter = useRef<SearchReporter | null>(null);
  useEffect(() => {
    if (runtime && !reporter.current) reporter.current = runtime.newReporter();
    if (runtime) reporter.current?.searched(query, results);
  }, [runtime, query, results]);
  useEffect(() => {
    const leave = () => reporter.current?.abandoned();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);
  return reporter;
}
