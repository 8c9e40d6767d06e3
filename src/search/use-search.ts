import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '@site/shared/locale';
import { loadSearch } from './load';
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
