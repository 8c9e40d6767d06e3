import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_CONTRACT } from '../src/link-contract';
import { buildLinkRows, filterRows, localizedUrl, type LinkIndex } from '../src/support/link-index';

// The link builder's data as a real build makes it: Docusaurus loads the site's plugins for each
// locale (the docs plugin reads the articles, the support-links plugin builds the index in
// `allContentLoaded`), with the generated files in a temporary folder.
type LoadContext = { generatedFilesDir: string };
const site = '@docusaurus/core/lib/server/site';
const plugins = '@docusaurus/core/lib/server/plugins/plugins';

async function loadIndex(locale: 'en' | 'fr', generatedFilesDir: string): Promise<LinkIndex> {
  const { loadContext } = (await import(site)) as {
    loadContext: (params: { siteDir: string; locale: string }) => Promise<LoadContext>;
  };
  const { loadPlugins } = (await import(plugins)) as {
    loadPlugins: (context: LoadContext) => Promise<{ globalData: Record<string, Record<string, unknown>> }>;
  };
  const context = await loadContext({ siteDir: process.cwd(), locale });
  context.generatedFilesDir = generatedFilesDir;
  const { globalData } = await loadPlugins(context);
  return globalData['support-links'].default as LinkIndex;
}

/** `## Title {#id}` lines outside fenced code, read plainly (not with the plugin's parser). */
function headingIdsOf(file: string): string[] {
  const ids: string[] = [];
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = !fenced && /^#{2,6}\s.*\{#([\w-]+)\}\s*$/.exec(line);
    if (match) ids.push(match[1]);
  }
  return ids;
}

function mdxFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? mdxFiles(dir, path.join(prefix, entry.name))
      : /\.mdx?$/.test(entry.name)
        ? [path.join(prefix, entry.name)]
        : [],
  );
}

const docId = (file: string) =>
  file
    .replace(/\.mdx?$/, '')
    .split(path.sep)
    .join('/');

describe('the support link builder', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'support-links-'));
  const indexes = {} as Record<'en' | 'fr', LinkIndex>;
  beforeAll(async () => {
    indexes.en = await loadIndex('en', path.join(tmp, 'en'));
    indexes.fr = await loadIndex('fr', path.join(tmp, 'fr'));
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const sources = {
    en: 'docs',
    fr: 'i18n/fr/docusaurus-plugin-content-docs/current',
  } as const;

  for (const locale of ['en', 'fr'] as const) {
    it(`lists every article and every heading id of docs (${locale}), in the source order`, () => {
      const files = mdxFiles(sources[locale]);
      expect(files.length).toBeGreaterThanOrEqual(15);
      const articles = new Map(indexes[locale].articles.map((article) => [article.id, article]));
      expect([...articles.keys()].sort()).toEqual(files.map(docId).sort());
      for (const file of files) {
        const ids = headingIdsOf(path.join(sources[locale], file));
        expect(ids.length, file).toBeGreaterThan(0);
        expect(
          articles.get(docId(file))!.sections.map((section) => section.id),
          file,
        ).toEqual(ids);
      }
    });
  }

  it('gives each article the same path and sections in both languages, French titles in French', () => {
    const strip = (index: LinkIndex) =>
      index.articles.map((article) => ({
        id: article.id,
        path: article.path,
        sidebar: article.sidebar,
        sections: article.sections.map((section) => section.id),
      }));
    expect(strip(indexes.fr)).toEqual(strip(indexes.en));
    const title = (locale: 'en' | 'fr', id: string) =>
      indexes[locale].articles.find((article) => article.id === id)!.title;
    expect(title('en', 'workers/login/account-locked')).not.toBe(title('fr', 'workers/login/account-locked'));
  });

  it('covers every article page of the link contract, hub first', () => {
    const paths = indexes.en.articles.map((article) => article.path);
    expect(paths[0]).toBe('/docs/workers/login/');
    for (const contract of LINK_CONTRACT.filter((item) => item.startsWith('/docs/'))) {
      expect(paths).toContain(contract);
    }
  });

  it('makes one row per article and per heading, with English and French links', () => {
    const rows = buildLinkRows(indexes.en, []);
    const sections = indexes.en.articles.reduce((sum, article) => sum + article.sections.length, 0);
    expect(rows).toHaveLength(indexes.en.articles.length + sections);
    const spam = rows.find((row) => row.key === 'section:workers/login/code-not-received#check-spam')!;
    expect(localizedUrl('https://help.example.com', spam.target, 'en')).toBe(
      'https://help.example.com/docs/workers/login/code-not-received#check-spam',
    );
    expect(localizedUrl('https://help.example.com', spam.target, 'fr')).toBe(
      'https://help.example.com/fr/docs/workers/login/code-not-received#check-spam',
    );
    expect(rows.filter((row) => row.group === 'employers').map((row) => row.kind)[0]).toBe('article');
  });

  it('filters on every word, without accents or case', () => {
    const rows = buildLinkRows(indexes.fr, []);
    const found = filterRows(rows, 'DEVERROUILLAGE courriel');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((row) => /déverrouillage/i.test(`${row.title} ${row.parent}`))).toBe(true);
    expect(filterRows(rows, 'check-spam').map((row) => row.key)).toEqual([
      'section:workers/login/code-not-received#check-spam',
      'section:workers/login/confirmation-email#check-spam',
    ]);
    expect(filterRows(rows, '   ')).toHaveLength(rows.length);
    expect(filterRows(rows, 'zzz-nothing')).toEqual([]);
  });
});
