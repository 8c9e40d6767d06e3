/** The search's words, shared by the navbar's results and the search page. */
import { translate } from '@docusaurus/Translate';

export const searchLabel = (): string =>
  translate({
    id: 'theme.SearchBar.label',
    message: 'Search',
    description: 'The ARIA label and placeholder for search button',
  });

/** "3 results", for screen readers and the search page; `select` is usePluralForm's selectMessage. */
export const resultCount = (count: number, select: (count: number, message: string) => string): string =>
  select(
    count,
    translate(
      {
        id: 'search.results.count',
        message: 'One result|{count} results',
        description:
          'Pluralized number of search results, announced to screen readers (plural forms separated by "|")',
      },
      { count },
    ),
  );

export const noResults = (query: string): string =>
  translate(
    {
      id: 'search.results.none',
      message: 'No article matches “{query}”.',
      description: 'Search: nothing found for the query',
    },
    { query },
  );

export const commonProblemsTitle = (): string =>
  translate({
    id: 'search.suggestions.title',
    message: 'Most common problems',
    description: 'Search without results: heading of the common problems offered instead',
  });

export const troubleshooterSuggestion = (): string =>
  translate({
    id: 'search.suggestions.troubleshooter',
    message: 'Not sure? Answer a few questions',
    description: 'Search without results: link to the troubleshooter',
  });

export const loadingSearch = (): string =>
  translate({
    id: 'search.status.loading',
    message: 'Loading the search…',
    description: 'Search: the engine is downloading (first use)',
  });

export const searchFailed = (): string =>
  translate({
    id: 'search.status.failed',
    message: 'The search could not load. Check your connection, then try again.',
    description: 'Search: the engine could not be downloaded',
  });

export const allResults = (query: string): string =>
  translate(
    {
      id: 'search.bar.allResults',
      message: 'All results for “{query}”',
      description: 'Search dropdown: last option, opens the search page',
    },
    { query },
  );
