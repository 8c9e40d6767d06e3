/** What {@link loadSearch} brings: the engine over this build's documents, and the event reporter. */
import documents from '@generated/search-index/default/documents.json';
import type { Locale } from '@site/shared/locale';
import { createSearchEngine, type SearchEngine } from './engine';
import { createSearchReporter, type SearchReporter } from './events';

export interface SearchRuntime {
  engine: SearchEngine;
  /** The articles by id, for the no-result suggestions' titles. */
  titles: ReadonlyMap<string, { title: string; path: string }>;
  newReporter: () => SearchReporter;
}

export function createRuntime(locale: Locale): SearchRuntime {
  return {
    engine: createSearchEngine(documents, locale),
    titles: new Map(
      documents.map((document) => [document.id, { title: document.title, path: document.path }]),
    ),
    newReporter: () => createSearchReporter(locale),
  };
}
