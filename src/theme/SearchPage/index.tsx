import { useEffect, type ReactNode } from 'react';
import SearchPage from '@theme-original/SearchPage';
import { translate } from '@docusaurus/Translate';

/**
 * The search plugin's results page, with the two things it lacks: a main landmark (its content sits
 * in a plain container, so screen-reader users cannot jump to it) and an accessible name for its
 * field in the page's language (it hard-codes `aria-label="Search"`). The page renders its own
 * Layout, so a wrapper can only fix them once the page is in the document.
 */
export default function SearchPageWrapper(): ReactNode {
  const label = translate({
    id: 'theme.SearchBar.label',
    message: 'Search',
    description: 'The ARIA label and placeholder for search button',
  });
  useEffect(() => {
    document.querySelector('#__docusaurus_skipToContent_fallback > .container')?.setAttribute('role', 'main');
    document.querySelector('input[type="search"][name="q"]')?.setAttribute('aria-label', label);
  }, [label]);
  return <SearchPage />;
}
