/**
 * The query sets (src/search/queries.en.json, queries.fr.json): phrasings as workers type them, each with the
 * article it must find. They run against the index the site build makes, from the same articles
 * and code (this plugin), and the right article must be in the top 3 for at least
 * 95 % of them in each language. Content editors extend the sets when they add an article.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadRules } from '../../../server/config/public';
import { loadSearchDocuments } from './documents';
import { LOCALES } from '../../../shared/locale';
import { createSearchEngine } from '../../search/engine';
import queriesEn from '../../search/queries.en.json';
import queriesFr from '../../search/queries.fr.json';

const QUERIES = { en: queriesEn, fr: queriesFr };
const siteDir = path.resolve(__dirname, '../../..');
const rules = loadRules();

describe.each(LOCALES)('the %s query set', (locale) => {
  const documents = loadSearchDocuments(siteDir, { rules, locale });
  const engine = createSearchEngine(documents, locale);
  const queries = QUERIES[locale];

  it('has at least 60 phrasings, each for an article that exists', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(documents.map((document) => document.id));
    expect(queries.filter((entry) => !ids.has(entry.article))).toEqual([]);
  });

  it('covers every article', () => {
    const covered = new Set(queries.map((entry) => entry.article));
    expect(documents.map((document) => document.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('finds the right article in the top 3 for at least 95 % of them', () => {
    const misses = queries
      .map(({ query, article }) => ({
        query,
        article,
        top: engine.search(query, { limit: 3 }).map((h) => h.id),
      }))
      .filter(({ article, top }) => !top.includes(article));
    const recall = 1 - misses.length / queries.length;
    expect(
      recall,
      `misses:\n${misses.map((m) => `  "${m.query}" → [${m.top.join(', ')}], expected ${m.article}`).join('\n')}`,
    ).toBeGreaterThanOrEqual(0.95);
  });
});
