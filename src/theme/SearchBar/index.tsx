import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import { useHistory } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { usePluralForm } from '@docusaurus/theme-common';
import { COMMON_PROBLEMS, TROUBLESHOOTER_PATH } from '@site/src/search/common-problems';
import { resultHref } from '@site/src/search/links';
import type { SearchReporter } from '@site/src/search/events';
import {
  allResults,
  commonProblemsTitle,
  loadingSearch,
  noResults,
  resultCount,
  searchFailed,
  searchLabel,
  troubleshooterSuggestion,
} from '@site/src/search/messages';
import { useSearchRuntime } from '@site/src/search/use-search';
import { useLocale } from '@site/src/utils/use-locale';
import styles from './styles.module.css';

/** One choice of the list: an article found, a common problem, the troubleshooter, every result. */
interface Option {
  key: string;
  to: string;
  label: string;
  detail?: string;
  /** The article it opens (reported as the search's outcome). */
  articleId?: string;
}

/** Results in the list: with "all results" they fit a phone's screen under the navbar. */
const DROPDOWN_RESULTS = 6;

/** A key press meant for a field the reader is typing in, not a shortcut. */
const typingIn = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The search field of the navbar (and of the home page): server-rendered as a plain field at its
 * final size, it loads the engine, the stemmers and the articles on the first focus, click or
 * shortcut (`/`, Ctrl/Cmd+K). Results come as you type, as an ARIA combobox: arrows move, Enter
 * opens, Escape closes; their number is announced. Nothing found: the common problems and the
 * troubleshooter, never an empty list.
 */
export default function SearchBar(): ReactNode {
  const locale = useLocale();
  const history = useHistory();
  const searchPage = useBaseUrl('/search');
  const troubleshooter = useBaseUrl(TROUBLESHOOTER_PATH);
  const { selectMessage } = usePluralForm();
  const { runtime, status, load } = useSearchRuntime(locale);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const reporter = useRef<SearchReporter | null>(null);
  const id = useId();
  const listId = `${id}-list`;
  const trimmed = query.trim();

  const hits = useMemo(
    () => (runtime && trimmed ? runtime.engine.search(trimmed, { limit: DROPDOWN_RESULTS }) : []),
    [runtime, trimmed],
  );
  const options = useMemo<Option[]>(() => {
    if (!runtime || !trimmed) return [];
    if (hits.length > 0)
      return [
        ...hits.map((hit) => ({
          key: hit.id,
          to: resultHref(hit),
          label: hit.title,
          detail: hit.section?.title ?? hit.description,
          articleId: hit.id,
        })),
        { key: 'all', to: `${searchPage}?q=${encodeURIComponent(trimmed)}`, label: allResults(trimmed) },
      ];
    return [
      ...COMMON_PROBLEMS.flatMap((articleId) => {
        const article = runtime.titles.get(articleId);
        return article ? [{ key: articleId, to: article.path, label: article.title, articleId }] : [];
      }),
      { key: 'troubleshooter', to: troubleshooter, label: troubleshooterSuggestion() },
    ];
  }, [runtime, trimmed, hits, searchPage, troubleshooter]);

  useEffect(() => {
    if (runtime && !reporter.current) reporter.current = runtime.newReporter();
  }, [runtime]);
  useEffect(() => {
    if (runtime) reporter.current?.searched(trimmed, hits.length);
  }, [runtime, trimmed, hits]);
  // A reader who leaves the page (or the tab) without opening a result: the search failed them.
  useEffect(() => {
    const leave = () => reporter.current?.abandoned();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  // The shortcuts focus the navbar's field only (the home page has a second one).
  useEffect(() => {
    if (!root.current?.closest('.navbar')) return undefined;
    const onKey = (event: globalThis.KeyboardEvent) => {
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      const modK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      if ((slash && !typingIn(event.target)) || modK) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const expanded = open && trimmed !== '' && (options.length > 0 || status !== 'ready');

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (option: Option) => {
    // A result opened is the search's outcome; the search page reports its own; a suggestion
    // after no result leaves the search as it was: nothing found.
    if (option.key === 'all') reporter.current?.forget();
    else if (option.articleId && hits.length > 0) reporter.current?.opened(option.articleId);
    else reporter.current?.abandoned();
    close();
    setQuery('');
    input.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      // -1 is the field itself: the arrows cycle through it, as in a browser's own suggestions.
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const slots = options.length + 1;
      setActive((current) => ((current + 1 + step + slots) % slots) - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[active];
      if (option) {
        choose(option);
        history.push(option.to);
      } else if (trimmed) {
        // The search page takes the query over (and reports it itself).
        reporter.current?.forget();
        close();
        history.push(`${searchPage}?q=${encodeURIComponent(trimmed)}`);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) {
        reporter.current?.abandoned();
        close();
      } else if (query) setQuery('');
      else input.current?.blur();
    }
  };

  const activeOption = expanded && active >= 0 && active < options.length ? options[active] : null;
  const count =
    status === 'loading'
      ? loadingSearch()
      : status === 'failed'
        ? searchFailed()
        : trimmed && runtime
          ? hits.length > 0
            ? resultCount(hits.length, selectMessage)
            : `${noResults(trimmed)} ${commonProblemsTitle()}`
          : '';

  return (
    <div
      ref={root}
      className={clsx('navbar__search', styles.search)}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) {
          if (expanded) reporter.current?.abandoned();
          close();
        }
      }}
    >
      <input
        ref={input}
        type="search"
        className={clsx('navbar__search-input', styles.input)}
        placeholder={searchLabel()}
        aria-label={searchLabel()}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        aria-activedescendant={activeOption ? `${id}-${activeOption.key}` : undefined}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        value={query}
        onFocus={() => {
          load();
          setOpen(true);
        }}
        onPointerDown={load}
        onChange={(event) => {
          load();
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <div className={clsx(styles.panel, !expanded && styles.hidden)}>
        {expanded && status !== 'ready' && <p className={styles.note}>{count}</p>}
        {expanded && runtime && hits.length === 0 && (
          <p className={styles.note}>
            {noResults(trimmed)} <strong>{commonProblemsTitle()}</strong>
          </p>
        )}
        {expanded && options.length > 0 && (
          <ul id={listId} role="listbox" aria-label={searchLabel()} className={styles.list}>
            {options.map((option, index) => (
              <li
                key={option.key}
                id={`${id}-${option.key}`}
                role="option"
                aria-selected={index === active}
                data-href={option.to}
                className={clsx(styles.option, index === active && styles.active)}
                // Keeps the focus in the field, so a click is not a blur that closes the list first.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => {
                  choose(option);
                  history.push(option.to);
                }}
              >
                <span className={styles.title}>{option.label}</span>
                {option.detail && <span className={styles.detail}>{option.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div role="status" className={styles.srOnly}>
        {open ? count : ''}
      </div>
    </div>
  );
}
