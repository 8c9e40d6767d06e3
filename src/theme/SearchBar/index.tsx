import { useEffect, useRef, type ReactNode } from 'react';
import SearchBar from '@theme-original/SearchBar';
import { translate } from '@docusaurus/Translate';
import styles from './styles.module.css';

interface Props {
  /** Passed by the navbar on small screens, where the search field expands over the other items. */
  handleSearchBarToggle?: (expanded: boolean) => void;
}

/**
 * The local search bar, with an accessible name in the page's language: the plugin translates the
 * placeholder but hard-codes `aria-label="Search"`, which a French screen reader would announce.
 */
export default function SearchBarWrapper(props: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const label = translate({
    id: 'theme.SearchBar.label',
    message: 'Search',
    description: 'The ARIA label and placeholder for search button',
  });
  useEffect(() => {
    ref.current?.querySelector('input')?.setAttribute('aria-label', label);
  }, [label]);
  return (
    <div ref={ref} className={styles.contents}>
      <SearchBar {...props} />
    </div>
  );
}
