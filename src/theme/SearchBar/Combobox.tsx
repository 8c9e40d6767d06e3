import {
  useEffect,
  useEffectEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import clsx from 'clsx';
import { useHistory } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { usePluralForm } from '@docusaurus/theme-common';
import { COMMON_PROBLEMS, TROUBLESHOOTER_PATH } from '@site/src/search/common-problems';
import { resultHref } from '@site/src/search/links';
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
import { useSearchReporter, useSearchRuntime } from '@site/src/search/use-search';
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

type Element<T> = RefObject<T | null>;

export interface ComboboxProps {
  /** The search field, server-rendered by the SearchBar: what the reader typed so far stays in it. */
  inputRef: Element<HTMLInputElement>;
  /** The element around the field and the results: leaving it closes them. */
  rootRef: Element<HTMLElement>;
  /** The polite live region beside the field (server-rendered, so it is heard from the start). */
  statusRef: Element<HTMLElement>;
  /** What the field held, and whether it had the focus, when this code arrived. */
  initialQuery: string;
  focused: boolean;
}

/**
 * The search's results, loaded on the first focus, click or key in the field (the SearchBar). It
 * drives the field it was given (the same element, so a phone's keyboard stays open and nothing typed
 * is lost) as an ARIA combobox: results come as you type, arrows move, Enter opens, Escape closes,
 * their number is announced. Nothing found: the common problems and the troubleshooter, never an
 * empty list.
 */
export default function Combobox({
  inputRef,
  rootRef,
  statusRef,
  initialQuery,
  focused,
}: ComboboxProps): ReactNode {
  const locale = useLocale();
  const history = useHistory();
  const searchPage = useBaseUrl('/search');
  const troubleshooter = useBaseUrl(TROUBLESHOOTER_PATH);
  const { selectMessage } = usePluralForm();
  const { runtime, status, load } = useSearchRuntime(locale);
  const [query, setQueryState] = useState(initialQuery);
  const [open, setOpen] = useState(focused);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const trimmed = query.trim();
  const setQuery = (value: string) => {
    if (inputRef.current) inputRef.current.value = value;
    setQueryState(value);
  };

  // Mounted on the reader's first use of the field: the engine and the articles load now.
  useEffect(load, [load]);

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

  // A reader who leaves the page (or the tab) without opening a result: the search failed them.
  const reporter = useSearchReporter(runtime, trimmed, hits.length);

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
    inputRef.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent) => {
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
      else inputRef.current?.blur();
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

  // The field's own events, and its state for assistive technologies, follow this component's.
  const keyDown = useEffectEvent(onKeyDown);
  const focusOut = useEffectEvent((event: FocusEvent) => {
    if (!rootRef.current?.contains(event.relatedTarget as Node | null)) {
      if (expanded) reporter.current?.abandoned();
      close();
    }
  });
  // Listening from the commit on (a layout effect): a key typed before a passive effect ran would
  // change the field and be missed here.
  useLayoutEffect(() => {
    const field = inputRef.current;
    const around = rootRef.current;
    if (!field || !around) return undefined;
    // A search that failed to download (a phone losing its signal) is tried again on the next use.
    const onInput = () => {
      load();
      setQueryState(field.value);
      setOpen(true);
      setActive(-1);
    };
    const onFocus = () => {
      load();
      setOpen(true);
    };
    field.addEventListener('input', onInput);
    field.addEventListener('focus', onFocus);
    field.addEventListener('keydown', keyDown);
    around.addEventListener('focusout', focusOut);
    // Keys typed, a focus or a blur after this code arrived but before it listened (a busy phone
    // renders it later) reached the field, not this: the query and the open list follow the field.
    setQueryState((current) => (current === field.value ? current : field.value));
    setOpen(document.activeElement === field);
    return () => {
      field.removeEventListener('input', onInput);
      field.removeEventListener('focus', onFocus);
      field.removeEventListener('keydown', keyDown);
      around.removeEventListener('focusout', focusOut);
    };
  }, [inputRef, rootRef, load]);
  useLayoutEffect(() => {
    const field = inputRef.current;
    if (field) {
      const set = (name: string, value: string | undefined) =>
        value === undefined ? field.removeAttribute(name) : field.setAttribute(name, value);
      set('aria-expanded', String(expanded));
      set('aria-controls', expanded ? listId : undefined);
      set('aria-activedescendant', activeOption ? `${id}-${activeOption.key}` : undefined);
    }
    const said = open ? count : '';
    if (statusRef.current && statusRef.current.textContent !== said) statusRef.current.textContent = said;
  });

  return (
    <>
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
    </>
  );
}
