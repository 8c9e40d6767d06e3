/** The URLs Docusaurus gives articles and pages, and the link contract they must keep serving. */
import path from 'node:path';
import { FR_DOCS, type Problem } from './content-problem';
import { parseFrontMatter } from './markdown';

const stripNumberPrefix = (segment: string): string => segment.replace(/^\d+[-_.]\s*/, '');

/**
 * The URL Docusaurus gives a doc (route base `/docs`): the `slug` front matter when set, else its
 * folders plus its `id` (front matter) or file name; `index`, `README` and a file named like its
 * folder are the folder's index page (trailing slash).
 */
export function docRoute(relativeFile: string, source: string): string {
  const { data } = parseFrontMatter(source);
  const dir = path.posix.dirname(relativeFile);
  const dirSegments = dir === '.' ? [] : dir.split('/').map(stripNumberPrefix);
  if (data.slug) {
    if (data.slug.startsWith('/')) return `/docs${data.slug === '/' ? '/' : data.slug}`;
    return `/docs/${[...dirSegments, data.slug].join('/')}`;
  }
  const base = stripNumberPrefix(path.posix.basename(relativeFile).replace(/\.mdx?$/, ''));
  const isIndex =
    !data.id && (/^(index|readme)$/i.test(base) || base === dirSegments[dirSegments.length - 1]);
  if (isIndex) return `/docs/${dirSegments.join('/')}${dirSegments.length ? '/' : ''}`;
  return `/docs/${[...dirSegments, data.id ?? base].join('/')}`;
}

/** The URL of a file of `src/pages` (null for files the pages plugin ignores). */
export function pageRoute(relativeFile: string): string | null {
  if (!/\.(tsx|jsx|ts|js|mdx?)$/.test(relativeFile)) return null;
  if (relativeFile.split('/').some((segment) => segment.startsWith('_'))) return null;
  if (/\.test\.|__tests__/.test(relativeFile)) return null;
  const withoutExt = relativeFile.replace(/\.(tsx|jsx|ts|js|mdx?)$/, '');
  if (withoutExt === 'index') return '/';
  if (withoutExt.endsWith('/index')) return `/${withoutExt.slice(0, -'/index'.length)}/`;
  return `/${withoutExt}`;
}

const sameRoute = (a: string, b: string): boolean =>
  (a.length > 1 ? a.replace(/\/$/, '') : a) === (b.length > 1 ? b.replace(/\/$/, '') : b);

/** Every contract path is served by a doc (in each locale) or a page. */
export function checkLinkContract(
  contract: readonly string[],
  routes: { enDocs: readonly string[]; frDocs: readonly string[]; pages: readonly string[] },
): Problem[] {
  const problems: Problem[] = [];
  for (const contractPath of contract) {
    if (contractPath.startsWith('/docs/')) {
      if (!routes.enDocs.some((route) => sameRoute(route, contractPath))) {
        problems.push({ file: 'docs/', message: `no English article serves ${contractPath}` });
      }
      if (!routes.frDocs.some((route) => sameRoute(route, contractPath))) {
        problems.push({ file: `${FR_DOCS}/`, message: `no French article serves /fr${contractPath}` });
      }
    } else if (!routes.pages.some((route) => sameRoute(route, contractPath))) {
      problems.push({ file: 'src/pages/', message: `no page serves ${contractPath}` });
    }
  }
  return problems;
}
