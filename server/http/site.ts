import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './env';

/**
 * The SHA-256 sources of every inline script of the built pages, so the Content-Security-Policy
 * can allow exactly those (Docusaurus inlines its color-mode script) and no other inline script.
 */
export function inlineScriptHashes(siteDir: string): string[] {
  const hashes = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.html')) {
        const html = readFileSync(full, 'utf8');
        for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
          const attributes = match[1] ?? '';
          if (/\ssrc\s*=/i.test(attributes) || !match[2]) continue;
          const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
          if (type && type !== 'text/javascript' && type !== 'module') continue;
          hashes.add(`'sha256-${createHash('sha256').update(match[2]).digest('base64')}'`);
        }
      }
    }
  };
  if (existsSync(siteDir)) visit(siteDir);
  return [...hashes].sort();
}

/**
 * The built site: files from `siteDir` (`/docs/x` and `/docs/x/` both find `docs/x/index.html`),
 * and the localized 404 page (`/fr/...` gets `fr/404.html`) with status 404.
 */
export function siteRoutes(siteDir: string) {
  const read = (file: string) => {
    const full = path.join(siteDir, file);
    return existsSync(full) ? readFileSync(full, 'utf8') : null;
  };
  const notFound = { en: read('404.html'), fr: read('fr/404.html') };
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      // Unknown API paths get the JSON 404, not a page.
      if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.notFound();
      await next();
    })
    .use('*', serveStatic({ root: siteDir }))
    .get('*', (c) => {
      const french = c.req.path === '/fr' || c.req.path.startsWith('/fr/');
      const page = (french ? notFound.fr : null) ?? notFound.en;
      if (!page) return c.text('Not found', 404);
      return c.html(page, 404);
    });
}
