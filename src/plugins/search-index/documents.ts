/**
 * The articles as the search sees them: title, hand-written search phrases, section headings,
 * description and plain text, read from the MDX sources. The site build (this folder's plugin) and
 * the query-set test (src/search/queries.test.ts) both build the index from this, so the test
 * measures what the site serves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Rules } from '../../../server/config/public';
import { extractHeadings, parseFrontMatter, proseLines, replaceRuleTags } from '../../../scripts/markdown';
import type { Locale } from '../../../shared/locale';
import { isRuleName, ruleText } from '../../../shared/rules-text';

export interface SearchSection {
  /** The heading's explicit id: the result links to `path#id`. */
  id: string;
  title: string;
}

export interface SearchDocument {
  /** Doc id, the same in both languages: `workers/login/account-locked`. */
  id: string;
  /** The page's URL path in its language: `/fr/docs/workers/login/account-locked`. */
  path: string;
  title: string;
  description: string;
  /** What workers type for this article (front matter `search_phrases`). */
  phrases: string[];
  sections: SearchSection[];
  /** The article's text without markup. */
  body: string;
}

/** The front matter field of the hand-written search phrases. */
export const PHRASES_FIELD = 'search_phrases';

/** A YAML scalar as the articles write list items: plain, 'single' or "double" quoted. */
function yamlScalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2)
    return value.slice(1, -1).replace(/''/g, "'");
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
    return value.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return value;
}

/**
 * The `search_phrases:` block list of the front matter (`  - phrase` lines), or null when the
 * article has none. Docusaurus parses the same YAML; the plugin checks both readings agree.
 */
export function searchPhrases(source: string): string[] | null {
  const { lineCount } = parseFrontMatter(source);
  const lines = source.split('\n').slice(1, Math.max(lineCount - 1, 1));
  const start = lines.findIndex((line) => new RegExp(`^${PHRASES_FIELD}:\\s*$`).test(line));
  if (start < 0) return null;
  const phrases: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (!item) break;
    phrases.push(yamlScalar(item[1]));
  }
  return phrases;
}

/** What a `<Rule>` says, in the language of the build, as the page shows it. */
export interface RuleSayer {
  rules: Rules;
  locale: Locale;
}

/** One line of MDX as the reader sees it: rules said, links and emphasis marks gone. */
export function plainLine(text: string, sayer: RuleSayer): string {
  return replaceRuleTags(text, (name) =>
    name !== null && isRuleName(name) ? ruleText(sayer.rules, name, sayer.locale) : '',
  )
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s*\{#[^}]*\}\s*$/, '')
    .replace(/^:::\w+(?:\[(.*)\])?.*$/, '$1')
    .replace(/^:::\s*$/, '')
    .replace(/<!--.*?-->/g, '')
    .replace(/\{\/\*.*?\*\/\}/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
    .replace(/[`*_>]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The search document of one article, from its source and the page it becomes. */
export function buildSearchDocument(
  article: { id: string; path: string; source: string },
  sayer: RuleSayer,
): SearchDocument {
  const { data } = parseFrontMatter(article.source);
  const sections = extractHeadings(article.source)
    .filter((heading) => heading.level >= 2 && heading.id)
    .map((heading) => ({ id: heading.id!, title: plainLine(heading.text, sayer) }));
  const headingLines = new Set(extractHeadings(article.source).map((heading) => heading.line));
  const body = proseLines(article.source)
    .filter(({ line }) => !headingLines.has(line))
    .map(({ text }) => plainLine(text, sayer))
    .filter(Boolean)
    .join(' ');
  return {
    id: article.id,
    path: article.path,
    title: data.title ?? '',
    description: data.description ?? '',
    phrases: searchPhrases(article.source) ?? [],
    sections,
    body,
  };
}

/** Where the articles of a language live, as Docusaurus reads them. */
export function docsDir(siteDir: string, locale: Locale): string {
  return locale === 'en'
    ? path.join(siteDir, 'docs')
    : path.join(siteDir, 'i18n', locale, 'docusaurus-plugin-content-docs', 'current');
}

/**
 * The page path Docusaurus gives an article file (no slug overrides in this site: the link
 * contract): `workers/login/index.mdx` → `/docs/workers/login/`. The plugin checks it against the
 * docs plugin's permalinks.
 */
export function articlePath(relativeFile: string, locale: Locale): string {
  const prefix = locale === 'en' ? '' : `/${locale}`;
  const slug = relativeFile.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '$1');
  return `${prefix}/docs/${slug}`;
}

/** The doc id of an article file: its path without the extension. */
export const articleId = (relativeFile: string): string => relativeFile.replace(/\.mdx?$/, '');

/** Every article of a language, read from its folder, in file order. */
export function loadSearchDocuments(siteDir: string, sayer: RuleSayer): SearchDocument[] {
  const dir = docsDir(siteDir, sayer.locale);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
    .map((file) =>
      buildSearchDocument(
        {
          id: articleId(file),
          path: articlePath(file, sayer.locale),
          source: readFileSync(path.join(dir, file), 'utf8'),
        },
        sayer,
      ),
    );
}
