/**
 * Search phrases: every article lists, in its front matter and in its own language, what workers
 * type to find it (the search weighs them most). A missing or broken list makes the article
 * findable only by its own words.
 */
import { PHRASES_FIELD, searchPhrases } from '../src/plugins/search-index/documents';
import type { Problem } from './content-problem';
import { parseFrontMatter } from './markdown';

/** Fewer than this and the article is not described in workers' words. */
export const MIN_SEARCH_PHRASES = 5;

/** The article has a `search_phrases:` block list of distinct, non-empty phrases. */
export function checkSearchPhrases(file: string, source: string): Problem[] {
  const phrases = searchPhrases(source);
  if (phrases === null) {
    const { data } = parseFrontMatter(source);
    return [
      {
        file,
        line: 1,
        message:
          PHRASES_FIELD in data
            ? `${PHRASES_FIELD} must be a block list, one "  - phrase" line each`
            : `front matter has no ${PHRASES_FIELD} (what workers type to find this article, in its language)`,
      },
    ];
  }
  const problems: Problem[] = [];
  if (phrases.length < MIN_SEARCH_PHRASES)
    problems.push({
      file,
      line: 1,
      message: `${PHRASES_FIELD} lists ${phrases.length} phrases: write at least ${MIN_SEARCH_PHRASES}`,
    });
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const key = phrase.trim().toLowerCase();
    if (!key) problems.push({ file, line: 1, message: `${PHRASES_FIELD} has an empty phrase` });
    else if (seen.has(key))
      problems.push({ file, line: 1, message: `${PHRASES_FIELD} lists "${phrase}" twice` });
    seen.add(key);
  }
  return problems;
}
