import type { SearchHit } from './engine';

/** Where a result leads: the section the query is about, else the article. */
export const resultHref = (hit: Pick<SearchHit, 'path' | 'section'>): string =>
  hit.section ? `${hit.path}#${hit.section.id}` : hit.path;
