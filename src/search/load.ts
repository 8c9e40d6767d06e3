/**
 * Loads the search (engine, stemmers, synonyms and this language's documents) on first use: the
 * first focus, click or keyboard shortcut, not with every page. Tiny on purpose: it is all the
 * navbar carries.
 */
import type { Locale } from '@site/shared/locale';
import type { SearchRuntime } from './runtime';

let loading: Promise<SearchRuntime> | null = null;

export function loadSearch(locale: Locale): Promise<SearchRuntime> {
  if (!loading) {
    loading = import('./runtime').then(({ createRuntime }) => createRuntime(locale));
    // A failed download (a phone losing its signal) is tried again on the next use.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
