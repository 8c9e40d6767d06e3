import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import type { Rules } from '../../../server/config/public';
import { extractHeadings, replaceRuleTags } from '../../../scripts/markdown';
import { normalizeLocale, type Locale } from '../../../shared/locale';
import { isRuleName, ruleText } from '../../../shared/rules-text';
import type { LinkIndex, LinkIndexArticle } from '../../support/link-index';

/** What a heading's `<Rule>` tags say, in the language of the build, as the page shows them. */
export interface RuleSayer {
  rules: Rules;
  locale: Locale;
}

/**
 * Heading text as people read it: rules as the page says them ("10 minutes"), no inline code
 * ticks, link targets or emphasis marks.
 */
export function plainHeading(text: string, { rules, locale }: RuleSayer): string {
  return (
    replaceRuleTags(text, (name) => {
      if (name === null || !isRuleName(name))
        throw new Error(`support-links: unknown <Rule> in heading "${text}"`);
      return ruleText(rules, name, locale);
    })
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]/g, '')
      // Line breaks and runs of spaces, not the no-break spaces French keeps on purpose.
      .replace(/[ \t\r\n]+/g, ' ')
      .trim()
  );
}

/** The doc ids of the sidebars, in reading order (a category's own page before its items). */
function sidebarOrder(content: LoadedContent): Map<string, { sidebar: string; position: number }> {
  const order = new Map<string, { sidebar: string; position: number }>();
  const version = content.loadedVersions[0];
  for (const [sidebar, items] of Object.entries(version.sidebars)) {
    const visit = (list: readonly unknown[]) => {
      for (const raw of list) {
        const item = raw as {
          type: string;
          id?: string;
          link?: { type: string; id?: string };
          items?: unknown[];
        };
        if (item.type === 'doc' && item.id && !order.has(item.id))
          order.set(item.id, { sidebar, position: order.size });
        if (item.type === 'category') {
          if (item.link?.type === 'doc' && item.link.id && !order.has(item.link.id))
            order.set(item.link.id, { sidebar, position: order.size });
          visit(item.items ?? []);
        }
      }
    };
    visit(items as unknown[]);
  }
  return order;
}

/**
 * Every article of the docs plugin's loaded content (this locale's build) with the sections its
 * source file declares (`## Heading {#id}`), in sidebar order. Paths are without the locale
 * prefix: the link contract gives every page the same path in both languages, French under /fr.
 */
export function buildLinkIndex(
  content: LoadedContent,
  siteDir: string,
  baseUrl: string,
  sayer: RuleSayer,
): LinkIndex {
  const order = sidebarOrder(content);
  const articles: LinkIndexArticle[] = content.loadedVersions[0].docs.map((doc) => {
    const file = path.join(siteDir, doc.source.replace(/^@site\//, ''));
    const sections = extractHeadings(readFileSync(file, 'utf8'))
      .filter((heading) => heading.level >= 2 && heading.id)
      .map((heading) => ({
        id: heading.id!,
        title: plainHeading(heading.text, sayer),
        level: heading.level,
      }));
    const localePath = doc.permalink.startsWith(baseUrl)
      ? `/${doc.permalink.slice(baseUrl.length)}`
      : doc.permalink;
    return {
      id: doc.id,
      title: doc.title,
      path: localePath,
      sidebar: order.get(doc.id)?.sidebar ?? null,
      sections,
    };
  });
  const position = (id: string) => order.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  articles.sort((a, b) => position(a.id) - position(b.id) || a.path.localeCompare(b.path));
  return { articles };
}

/** The file the support pages import the index from (`@generated/support-links/default/…`). */
export const LINK_INDEX_FILE = 'link-index.json';

/**
 * Gives the support link builder the list of articles and sections as they are built, so it
 * cannot drift from them: a data file only the support pages import (src/support/link-index-data.ts),
 * not global data every page would carry.
 */
export default function supportLinksPlugin(context: LoadContext): Plugin {
  return {
    name: 'support-links',
    async allContentLoaded({ allContent, actions }) {
      const docs = allContent['docusaurus-plugin-content-docs']?.default as LoadedContent | undefined;
      if (!docs) throw new Error('support-links: the docs plugin has no content');
      const sayer = {
        rules: context.siteConfig.customFields?.rules as Rules,
        locale: normalizeLocale(context.i18n.currentLocale) ?? 'en',
      };
      await actions.createData(
        LINK_INDEX_FILE,
        JSON.stringify(buildLinkIndex(docs, context.siteDir, context.baseUrl, sayer)),
      );
    },
  };
}
