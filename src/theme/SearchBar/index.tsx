import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import clsx from 'clsx';
import { useHistory } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { loadSearch } from '@site/src/search/load';
import { searchLabel } from '@site/src/search/messages';
import { useLocale } from '@site/src/utils/use-locale';
import type { ComboboxProps } from './Combobox';
import styles from './styles.module.css';

/** A key press meant for a field the reader is typing in, not a shortcut. */
const typingIn = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

let combobox: Promise<ComponentType<ComboboxProps>> | null = null;
/** The results' code, fetched once for every field of the page; a failed download is tried again. */
function loadCombobox(): Promise<ComponentType<ComboboxProps>> {
  combobox ??= import('./Combobox').then((module) => module.default);
  combobox.catch(() => {
    combobox = null;
  });
  return combobox;
}

/**
 * The search field of the navbar (and of the home page), server-rendered at its final size. Every
 * page carries only this field: the first focus, click, key or shortcut (`/`, Ctrl/Cmd+K) loads the
 * results' code (./Combobox) and the search (engine, stemmers, articles) together, and the results
 * then drive this same field, so nothing typed meanwhile is lost and a phone's keyboard stays open.
 */
export default function SearchBar(): ReactNode {
  const locale = useLocale();
  const history = useHistory();
  const searchPage = useBaseUrl('/search');
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const [results, setResults] = useState<{
    Combobox: ComponentType<ComboboxProps>;
    initialQuery: string;
    focused: boolean;
  } | null>(null);

  const start = useCallback(() => {
    if (results) return;
    // Both downloads at once; the results ask for the search again and get this same one.
    loadSearch(locale).catch(() => undefined);
    loadCombobox().then(
      (Combobox) =>
        setResults({
          Combobox,
          initialQuery: input.current?.value ?? '',
          focused: document.activeElement === input.current,
        }),
      () => undefined, // The next use of the field tries again.
    );
  }, [results, locale]);

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

  return (
    <div ref={root} className={clsx('navbar__search', styles.search)}>
      <input
        ref={input}
        type="search"
        className={clsx('navbar__search-input', styles.input)}
        placeholder={searchLabel()}
        aria-label={searchLabel()}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        onFocus={start}
        onPointerDown={start}
        onInput={start}
        onKeyDown={(event) => {
          // Enter before the results' code arrived (a slow network): the search page takes over.
          const query = event.currentTarget.value.trim();
          if (!results && event.key === 'Enter' && query) {
            event.preventDefault();
            history.push(`${searchPage}?q=${encodeURIComponent(query)}`);
          }
        }}
      />
      {results && (
        <results.Combobox
          inputRef={input}
          rootRef={root}
          statusRef={status}
          initialQuery={results.initialQuery}
          focused={results.focused}
        />
      )}
      <div ref={status} role="status" className={styles.srOnly} />
    </div>
  );
}
