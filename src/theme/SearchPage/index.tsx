import { useEffect, useMemo, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import { useHistory, useLocation } from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { usePluralForm } from '@docusaurus/theme-common';
import { resultHref } from '@site/src/search/links';
import { loadingSearch, noResults, resultCount, searchFailed, searchLabel } from '@site/src/search/messages';
import Suggestions from '@site/src/search/Suggestions';
import { useSearchReporter, useSearchRuntime } from '@site/src/search/use-search';
import { useLocale } from '@site/src/utils/use-locale';
import styles from './styles.module.css';

/**
 * The full search page (`/search?q=…`, `/fr/search?q=…`): every result with its description, the
 * number of results announced, and when nothing matches the common problems and the troubleshooter.
 * The query lives in the URL, so a search can be shared or reloaded.
 */
export default function SearchPage(): ReactNode {
  const locale = useLocale();
  const location = useLocation();
  const history = useHistory();
  const { selectMessage } = usePluralForm();
  const { runtime, status, load } = useSearchRuntime(locale);
  // The URL holds the query. The built page has none: the server and the hydration render it empty.
  const isBrowser = useIsBrowser();
  const query = isBrowser ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const trimmed = query.trim();

  useEffect(load, [load]);

  const hits = useMemo(
    () => (runtime && trimmed ? runtime.engine.search(trimmed, { limit: 20 }) : []),
    [runtime, trimmed],
  );

  const reporter = useSearchReporter(runtime, trimmed, hits.length);

  const onChange = (value: string) => {
    const params = new URLSearchParams(location.search);
    if (value.trim()) params.set('q', value);
    else params.delete('q');
    const search = params.toString();
    history.replace({ pathname: location.pathname, search: search ? `?${search}` : '' });
  };

  const status_ =
    status === 'failed'
      ? searchFailed()
      : !trimmed
        ? ''
        : status !== 'ready'
          ? loadingSearch()
          : hits.length > 0
            ? resultCount(hits.length, selectMessage)
            : noResults(trimmed);

  return (
    <Layout
      title={translate({
        id: 'theme.SearchPage.emptyResultsTitle',
        message: 'Search the help',
        description: 'The search page title for empty query',
      })}
      description={translate({
        id: 'theme.SearchPage.metaDescription',
        message: 'Search the help articles in your own words: the app’s message, a word, a question.',
        description: 'Search page: meta description',
      })}
    >
      <main className="container margin-vert--lg">
        <h1>
          {trimmed
            ? translate(
                {
                  id: 'theme.SearchPage.existingResultsTitle',
                  message: 'Search results for “{query}”',
                  description: 'The search page title for non-empty query',
                },
                { query: trimmed },
              )
            : translate({
                id: 'theme.SearchPage.emptyResultsTitle',
                message: 'Search the help',
                description: 'The search page title for empty query',
              })}
        </h1>
        <form
          role="search"
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            load();
          }}
        >
          <input
            type="search"
            name="q"
            className={styles.input}
            aria-label={searchLabel()}
            placeholder={searchLabel()}
            autoComplete="off"
            enterKeyHint="search"
            value={query}
            onFocus={load}
            onChange={(event) => onChange(event.target.value)}
          />
        </form>
        <p className={styles.hint}>
          <Translate id="theme.SearchPage.hint" description="Search page: how to search, under the field">
            Type it your way: the message the app shows, a word, a question. Typos and missing accents are
            fine.
          </Translate>
        </p>
        <p role="status" className={styles.count}>
          {status_}
        </p>
        {hits.length > 0 && (
          <ol className={styles.results}>
            {hits.map((hit) => (
              <li key={hit.id} className={styles.result}>
                <Link
                  to={resultHref(hit)}
                  className={styles.title}
                  onClick={() => reporter.current?.opened(hit.id)}
                >
                  {hit.title}
                </Link>
                {hit.section && <span className={styles.section}>{hit.section.title}</span>}
                <p className={styles.description}>{hit.description}</p>
              </li>
            ))}
          </ol>
        )}
        {runtime && trimmed && hits.length === 0 && (
          <Suggestions titles={runtime.titles} headingId="search-suggestions" />
        )}
      </main>
    </Layout>
  );
}
