import type { LoadContext, Plugin } from '@docusaurus/types';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import type { Rules } from '../../../server/config/public';
import { normalizeLocale } from '../../../shared/locale';
import { loadSearchDocuments, PHRASES_FIELD, type SearchDocument } from './documents';

/** The file the search loads on first use: `@generated/search-index/default/documents.json`. */
export const DOCUMENTS_FILE = 'documents.json';

/**
 * Where what this plugin read differs from the docs plugin's own reading (ids, paths, titles,
 * phrases as YAML): the search must link to the pages Docusaurus builds.
 */
export function disagreements(documents: readonly SearchDocument[], content: LoadedContent): string[] {
  const problems: string[] = [];
  const loaded = content.loadedVersions[0].docs;
  const byId = new Map(documents.map((document) => [document.id, document]));
  for (const doc of loaded) {
    const document = byId.get(doc.id);
    if (!document) {
      problems.push(`${doc.id}: not read by the search index`);
      continue;
    }
    if (document.path !== doc.permalink)
      problems.push(`${doc.id}: path ${document.path}, page ${doc.permalink}`);
    if (document.title !== doc.title)
      problems.push(`${doc.id}: title "${document.title}", page "${doc.title}"`);
    const phrases = (doc.frontMatter as Record<string, unknown>)[PHRASES_FIELD] ?? [];
    if (JSON.stringify(phrases) !== JSON.stringify(document.phrases))
      problems.push(
        `${doc.id}: ${PHRASES_FIELD} read as ${JSON.stringify(document.phrases)}, YAML says ${JSON.stringify(phrases)}`,
      );
  }
  if (documents.length !== loaded.length)
    problems.push(`${documents.length} documents for ${loaded.length} pages`);
  return problems;
}

/**
 * The search: the documents of this locale's articles as a data file that the search bar loads
 * with the engine on first use (not with every page), and the full search page (`/search`).
 */
export default function searchIndexPlugin(context: LoadContext): Plugin {
  return {
    name: 'search-index',
    async allContentLoaded({ allContent, actions }) {
      const docs = allContent['docusaurus-plugin-content-docs']?.default as LoadedContent | undefined;
      if (!docs) throw new Error('search-index: the docs plugin has no content');
      const sayer = {
        rules: context.siteConfig.customFields?.rules as Rules,
        locale: normalizeLocale(context.i18n.currentLocale) ?? 'en',
      };
      const documents = loadSearchDocuments(context.siteDir, sayer);
      const problems = disagreements(documents, docs);
      if (problems.length > 0) throw new Error(`search-index:\n  ${problems.join('\n  ')}`);
      await actions.createData(DOCUMENTS_FILE, JSON.stringify(documents));
      actions.addRoute({ path: `${context.baseUrl}search`, component: '@theme/SearchPage', exact: true });
    },
  };
}
