/**
 * Anonymous search events for the people who write the articles: the last query of a search (not
 * every keystroke), how many results it had, and the article opened, if any. Fire and forget: a
 * lost event only makes the report a little less complete. The server strips anything that looks
 * like an email address, a phone number or a code before it stores the query.
 */
import type { Locale } from '@site/shared/locale';
import { api, call } from '../api/client';

export interface SearchReporter {
  /** The reader's query settled on `results` results (replaces the previous one). */
  searched(query: string, results: number): void;
  /** The reader opened an article from those results: the search is reported, with it. */
  opened(articleId: string): void;
  /** The reader left without opening anything (closed the results, left the page). */
  abandoned(): void;
  /** Another page takes the search over (the search page reports it): nothing to send here. */
  forget(): void;
}

/** Queries shorter than this are still being typed: not worth a report line. */
const MIN_QUERY_LENGTH = 2;

export function createSearchReporter(
  locale: Locale,
  send: (event: { query: string; results: number; opened: string | null; locale: Locale }) => void = post,
): SearchReporter {
  let pending: { query: string; results: number } | null = null;
  const flush = (opened: string | null) => {
    if (pending) send({ ...pending, opened, locale });
    pending = null;
  };
  return {
    searched(query, results) {
      const trimmed = query.trim();
      pending = trimmed.length >= MIN_QUERY_LENGTH ? { query: trimmed, results } : null;
    },
    opened: (articleId) => flush(articleId),
    abandoned: () => flush(null),
    forget: () => {
      pending = null;
    },
  };
}

function post(event: { query: string; results: number; opened: string | null; locale: Locale }): void {
  // keepalive: the event of a reader who closes the tab on an empty result is the one that counts.
  void call((options) => api.v1['search-events'].$post({ json: event }, options), {
    locale: event.locale,
    keepalive: true,
  }).catch(() => undefined);
}
