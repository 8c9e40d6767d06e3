/**
 * Section "assets": the JavaScript and CSS a page loads before it is interactive, read from the built HTML
 * (script src, link rel=stylesheet, link rel=modulepreload, link rel=preload as=script|style), in bytes raw,
 * gzip -9 and brotli 11 (what scripts/precompress.ts writes and the server sends), against budgets.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { brotli, gzip9 } from '../scripts/precompress';
import { kib, table } from './lib';
import type { BenchContext, Check, Section, SectionReport } from './types';

export const PAGES = [
  { id: 'home', path: '/' },
  { id: 'article', path: '/docs/workers/login/code-not-received' },
  { id: 'troubleshoot', path: '/troubleshoot' },
] as const;

export const LOCALES = [
  { id: 'en', prefix: '' },
  { id: 'fr', prefix: '/fr' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

/**
 * Brotli bytes of render-path JS and CSS, per page, in KiB. What a fast documentation site ships: a small
 * framework runtime plus the page's own code. An article is text: it must not pay for the troubleshooter or
 * the support tools. The troubleshooter carries its state machine (XState) on top.
 * For scale: 100 KiB of brotli JS is ~350 KiB of JS to parse and run on a mid-range phone.
 */
export const BUDGETS: Record<PageId, { jsBr: number; cssBr: number }> = {
  home: { jsBr: 120, cssBr: 20 },
  article: { jsBr: 100, cssBr: 20 },
  troubleshoot: { jsBr: 140, cssBr: 20 },
};

interface Asset {
  url: string;
  kind: 'js' | 'css';
}

/** The JS and CSS files an HTML document asks for before it is interactive, in document order. */
export function renderPathAssets(html: string): Asset[] {
  const assets: Asset[] = [];
  const seen = new Set<string>();
  const add = (url: string | undefined, kind: 'js' | 'css') => {
    if (!url || seen.has(url)) return;
    seen.add(url);
    assets.push({ url, kind });
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' && attrs.src !== undefined) {
          add(attrs.src, 'js');
        } else if (name === 'link') {
          const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
          const as = (attrs.as ?? '').toLowerCase();
          if (rel.includes('stylesheet')) add(attrs.href, 'css');
          else if (rel.includes('modulepreload')) add(attrs.href, 'js');
          else if (rel.includes('preload') && as === 'script') add(attrs.href, 'js');
          else if (rel.includes('preload') && as === 'style') add(attrs.href, 'css');
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return assets;
}

/** build/ file for a site path: `/x` is `x/index.html` (or `x.html` with trailingSlash: false). */
function htmlFileFor(buildDir: string, sitePath: string): string {
  const clean = sitePath.replace(/\/+$/, '');
  const candidates = [path.join(buildDir, clean, 'index.html'), path.join(buildDir, `${clean}.html`)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`no built page for ${sitePath} (looked for ${candidates.join(', ')})`);
  return found;
}

/** build/ file for an asset URL found in a page; external URLs are reported, not measured. */
function assetFileFor(buildDir: string, url: string): string | undefined {
  if (/^([a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return undefined;
  const pathname = decodeURIComponent(url.split(/[?#]/)[0]);
  return path.join(buildDir, pathname);
}

interface Sizes {
  raw: number;
  gz: number;
  br: number;
}

const sizeCache = new Map<string, Promise<Sizes>>();
function sizesOf(file: string): Promise<Sizes> {
  let sizes = sizeCache.get(file);
  if (!sizes) {
    sizes = readFile(file).then(async (data) => ({
      raw: data.length,
      gz: (await gzip9(data)).length,
      br: (await brotli(data)).length,
    }));
    sizeCache.set(file, sizes);
  }
  return sizes;
}

export interface PageAssets {
  page: PageId;
  locale: string;
  url: string;
  files: number;
  js: Sizes;
  css: Sizes;
  html: Sizes;
  external: string[];
}

export async function measurePage(
  buildDir: string,
  page: (typeof PAGES)[number],
  locale: (typeof LOCALES)[number],
): Promise<PageAssets> {
  const url = `${locale.prefix}${page.path}`.replace(/(.)\/$/, '$1') || '/';
  const htmlFile = htmlFileFor(buildDir, url);
  const assets = renderPathAssets(await readFile(htmlFile, 'utf8'));
  const result: PageAssets = {
    page: page.id,
    locale: locale.id,
    url,
    files: 0,
    js: { raw: 0, gz: 0, br: 0 },
    css: { raw: 0, gz: 0, br: 0 },
    html: await sizesOf(htmlFile),
    external: [],
  };
  for (const asset of assets) {
    const file = assetFileFor(buildDir, asset.url);
    if (!file) {
      result.external.push(asset.url);
      continue;
    }
    if (!existsSync(file)) throw new Error(`${url} loads ${asset.url}, which is not in the build`);
    const sizes = await sizesOf(file);
    result.files++;
    for (const key of ['raw', 'gz', 'br'] as const) result[asset.kind][key] += sizes[key];
  }
  return result;
}

export const assets: Section = {
  async run(context: BenchContext): Promise<SectionReport> {
    const buildDir = path.join(context.root, 'build');
    const measured: PageAssets[] = [];
    for (const page of PAGES) {
      for (const locale of LOCALES) {
        context.progress(`assets: ${locale.id} ${page.path}`);
        measured.push(await measurePage(buildDir, page, locale));
      }
    }

    const checks: Check[] = [];
    const rows = measured.map((m) => {
      const budget = BUDGETS[m.page];
      const jsPass = m.js.br <= budget.jsBr * 1024;
      const cssPass = m.css.br <= budget.cssBr * 1024;
      checks.push(
        {
          label: `${m.page} ${m.locale} · JS br`,
          actual: `${kib(m.js.br)} KiB`,
          target: `≤ ${budget.jsBr} KiB`,
          pass: jsPass,
        },
        {
          label: `${m.page} ${m.locale} · CSS br`,
          actual: `${kib(m.css.br)} KiB`,
          target: `≤ ${budget.cssBr} KiB`,
          pass: cssPass,
        },
      );
      return [
        m.page,
        m.locale,
        String(m.files),
        kib(m.js.raw),
        kib(m.js.gz),
        kib(m.js.br),
        `${budget.jsBr}`,
        kib(m.css.raw),
        kib(m.css.gz),
        kib(m.css.br),
        `${budget.cssBr}`,
        kib(m.html.br),
        jsPass && cssPass
          ? 'PASS'
          : `FAIL (${[!jsPass && 'JS', !cssPass && 'CSS'].filter(Boolean).join(', ')})`,
      ];
    });

    const lines = [
      'JS and CSS the built HTML loads before the page is interactive, in KiB (raw, gzip -9, brotli 11);',
      'budgets apply to brotli, what the server sends to browsers.',
      '',
      ...table(
        [
          'page',
          'lang',
          'files',
          'JS raw',
          'JS gz',
          'JS br',
          'budget',
          'CSS raw',
          'CSS gz',
          'CSS br',
          'budget',
          'HTML br',
          'result',
        ],
        rows,
      ),
    ];
    const external = [...new Set(measured.flatMap((m) => m.external))];
    if (external.length > 0)
      lines.push('', `Not measured (external, blocked by the CSP anyway): ${external.join(', ')}`);
    lines.push(
      '',
      'Chunks a page imports at run time (React.lazy, route chunks requested by main.js) are not in its HTML: the',
      'Lighthouse section reports all JS transferred, including them.',
    );
    return { lines, checks };
  },
};
