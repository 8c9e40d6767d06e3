/**
 * The search engine of one language: MiniSearch (BM25) over the articles' search documents, with
 * the analyzer's terms on both sides. Chosen on the query sets (see the README's "Search"):
 * hand-written phrases weigh most, then the title, the section headings, the description and the
 * text; one typo is forgiven in words of five letters or more, the last word may be unfinished, and
 * an article that matches only some of the words still ranks (by how many and how strong).
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Locale } from '@site/shared/locale';
import type { SearchDocument, SearchSection } from '@site/src/plugins/search-index/documents';
import { createAnalyzer, type SynonymTable } from './analyzer';

/** How much a match in each field counts, against one in the article's text. */
export const FIELD_BOOSTS = { phrases: 6, title: 4, sections: 2, description: 1.5, body: 1 } as const;

type Field = keyof typeof FIELD_BOOSTS;
const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];

/** Words this long or longer may have one typo (« verouillé », "pasword"). */
export const TYPO_MIN_LENGTH = 5;

export interface SearchHit {
  id: string;
  path: string;
  title: string;
  description: string;
  /** The section the query is most about, when one stands out: the result links to it. */
  section: SearchSection | null;
  score: number;
}

export interface SearchEngine {
  locale: Locale;
  search(query: string, options?: { limit?: number }): SearchHit[];
}

const fieldText = (document: SearchDocument, field: string): string => {
  if (field === 'phrases') return document.phrases.join(' · ');
  if (field === 'sections') return document.sections.map((section) => section.title).join(' · ');
  return String(document[field as keyof SearchDocument] ?? '');
};

/** Builds the engine of a language from its documents (milliseconds for a help center). */
export function createSearchEngine(
  documents: readonly SearchDocument[],
  locale: Locale,
  synonyms?: SynonymTable,
): SearchEngine {
  const analyzer = createAnalyzer(locale, synonyms);
  const byId = new Map(documents.map((document) => [document.id, document]));
  const index = new MiniSearch<SearchDocument>({
    fields: FIELDS,
    idField: 'id',
    extractField: fieldText,
    tokenize: (text) => analyzer.terms(text),
    processTerm: (term) => term,
  });
  index.addAll(documents);
  const headingTerms = new Map(
    documents.map((document) => [
      document.id,
      {
        title: new Set(analyzer.terms(document.title)),
        sections: document.sections.map((section) => ({
          section,
          terms: new Set(analyzer.terms(section.title)),
        })),
      },
    ]),
  );

  /**
   * The section whose heading shares more of the query's terms than the article's title does: a
   * query about the whole article ("account suspended") opens it at the top.
   */
  const bestSection = (id: string, terms: Set<string>): SearchSection | null => {
    const headings = headingTerms.get(id);
    if (!headings) return null;
    const shared = (own: Set<string>) => [...own].filter((term) => terms.has(term)).length;
    let best: SearchSection | null = null;
    let bestCount = shared(headings.title);
    for (const { section, terms: own } of headings.sections) {
      const count = shared(own);
      if (count > bestCount && section.id !== 'related') {
        best = section;
        bestCount = count;
      }
    }
    return best;
  };

  const search = (query: string, { limit = 8 } = {}): SearchHit[] => {
    const words = analyzer.analyze(query);
    if (words.length === 0) return [];
    const plain = words.filter((word) => !word.synonym);
    const last = plain[plain.length - 1];
    // One subquery per word, each with its own tolerance; they add up (OR), so more and stronger
    // matching words rank an article higher, and a single strong word is enough to find it.
    const tree: Query = {
      combineWith: 'OR',
      queries: words.map((word) => ({
        queries: [word.term],
        tokenize: (term: string) => [term],
        processTerm: (term: string) => term,
        fuzzy: !word.synonym && word.word.length >= TYPO_MIN_LENGTH ? 1 : false,
        prefix: word === last && word.word.length >= 2,
        boost: FIELD_BOOSTS,
      })),
    };
    const results: SearchResult[] = index.search(tree);
    const queryTerms = words.map((word) => word.term);
    return results.slice(0, limit).map((result) => {
      const document = byId.get(String(result.id))!;
      return {
        id: document.id,
        path: document.path,
        title: document.title,
        description: document.description,
        section: bestSection(document.id, new Set([...result.terms, ...queryTerms])),
        score: result.score,
      };
    });
  };

  return { locale, search };
}
