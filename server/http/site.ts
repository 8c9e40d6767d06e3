import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from './env';

/** Every built page, as a path relative to the site folder (`docs/x/index.html`). */
function htmlFiles(siteDir: string): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.html')) files.push(path.relative(siteDir, full));
    }
  };
  if (existsSync(siteDir)) visit(siteDir);
  return files;
}

/**
 * The SHA-256 sources of every inline script of the built pages, so the Content-Security-Policy
 * can allow exactly those (Docusaurus inlines its color-mode script) and no other inline script.
 */
export function inlineScriptHashes(siteDir: string): string[] {
  const hashes = new Set<string>();
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(path.join(siteDir, file), 'utf8');
    for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
      const attributes = match[1] ?? '';
      if (/\ssrc\s*=/i.test(attributes) || !match[2]) continue;
      const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
      if (type && type !== 'text/javascript' && type !== 'module') continue;
      hashes.add(`'sha256-${createHash('sha256').update(match[2]).digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/**
 * Each page's one URL, as its `<link rel="canonical">` says (Docusaurus: `/docs/x` for an article,
 * `/fr/` for the French home, `/docs/workers/login/` for a category index), keyed by the path
 * without its trailing slash. The other spelling is redirected there.
 */
export function canonicalPaths(siteDir: string): Map<string, string> {
  const canonical = new Map<string, string>();
  for (const file of htmlFiles(siteDir)) {
    if (!file.endsWith('index.html')) continue;
    const html = readFileSync(path.join(siteDir, file), 'utf8');
    const href = /<link[^>]*rel=["']?canonical["']?[^>]*href=["']?([^"'\s>]+)/i.exec(html)?.[1];
    if (!href) continue;
    let pathname: string;
    try {
      pathname = new URL(href, 'http://site.invalid').pathname;
    } catch {
      continue;
    }
    canonical.set(pathname.replace(/\/+$/, '') || '/', pathname);
  }
  return canonical;
}

/** Docusaurus puts a content hash in the name of everything under /assets/ and /fr/assets/ (`main.4fd02a1f.js`). */
const HASHED_ASSET = /^\/(?:[a-z]{2}\/)?assets\/.*[.-][0-9a-f]{8,}\.[a-z0-9]+(\.(br|gz))?$/i;
const REVALIDATE = /\.(html|json|xml|txt|webmanifest)(\.(br|gz))?$/i;
/** One byte range (`bytes=0-99`, `bytes=100-`, `bytes=-500`): what serveStatic honours. */
const VALID_RANGE = /^bytes=(\d+-\d*|-\d+)$/;
const PRECOMPRESSED_TWIN = /\.(br|gz)$/i;
const COMPRESSIBLE = /\.(html|js|mjs|css|json|xml|svg|txt|map|webmanifest)$/i;

/** Cache-Control for a file of the build (its path relative to the site folder, `/`-rooted). */
export function cacheControlFor(file: string): string {
  if (HASHED_ASSET.test(file)) return 'public, max-age=31536000, immutable';
  // Pages and unhashed data (the search documents, the sitemap) change with each deploy: revalidate.
  if (REVALIDATE.test(file)) return 'public, max-age=0, must-revalidate';
  return 'public, max-age=86400';
}

/** A weak validator from the file's size and modification time: cheap, and changes with each build. */
function etagFrom(stats: { size: number; mtimeMs: number }): string {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

function etagOf(file: string): string | null {
  try {
    return etagFrom(statSync(file));
  } catch {
    return null;
  }
}

/** A file of the build held in memory, as serveStatic would send it. */
interface HeldFile {
  /** Its path on disk (what serveStatic's `onFound` names). */
  file: string;
  /** The Content-Type serveStatic gives it (its twins are sent under the file's). */
  type: string;
  body: Uint8Array<ArrayBuffer>;
  lastModified: string;
  etag: string;
  /** Its `.br` and `.gz` twins, when the build wrote them. */
  br?: HeldFile;
  gz?: HeldFile;
}

/** Files larger than this are read from disk at each request, as is all past `HELD_TOTAL_BYTES`. */
const HELD_FILE_BYTES = 1024 * 1024;
const HELD_TOTAL_BYTES = 64 * 1024 * 1024;
/** A URL path that needs no decoding and names no parent, nor an empty segment (serveStatic's rules). */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+)*\/?$/;

/**
 * The build's files, read once at startup and kept in memory by URL path (`/docs/x` and `/docs/x/`
 * name `docs/x/index.html`). A page then costs no file system call: it is answered in the event
 * loop's turn that read the request, so it does not wait three more turns behind API work (open,
 * read, close). The build does not change under a running server (its inline script hashes and
 * canonical paths are read at startup too).
 */
function heldFiles(siteDir: string): Map<string, HeldFile> {
  const held = new Map<string, HeldFile>();
  let total = 0;
  const statOf = (full: string) => {
    try {
      const stats = statSync(full);
      return stats.isFile() ? stats : undefined;
    } catch {
      return undefined;
    }
  };
  const read = (full: string, stats: Stats, type: string): HeldFile => ({
    file: full,
    type,
    body: new Uint8Array(readFileSync(full)),
    lastModified: stats.mtime.toUTCString(),
    etag: etagFrom(stats),
  });
  const visit = (dir: string, urlPath: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const url = `${urlPath}/${entry.name}`;
      if (entry.isDirectory()) {
        visit(full, url);
        continue;
      }
      if (PRECOMPRESSED_TWIN.test(entry.name) || !PLAIN_PATH.test(url)) continue;
      const stats = statOf(full);
      if (!stats) continue;
      const br = statOf(`${full}.br`);
      const gz = statOf(`${full}.gz`);
      // A file is held with its twins or not at all, so that both ways of sending it offer the
      // same encodings.
      const sizes = [stats, br, gz].flatMap((one) => (one ? [one.size] : []));
      const size = sizes.reduce((sum, one) => sum + one, 0);
      if (sizes.some((one) => one > HELD_FILE_BYTES) || total + size > HELD_TOTAL_BYTES) continue;
      total += size;
      const type = getMimeType(full) ?? 'application/octet-stream';
      const file = read(full, stats, type);
      if (br) file.br = read(`${full}.br`, br, type);
      if (gz) file.gz = read(`${full}.gz`, gz, type);
      held.set(url, file);
      if (entry.name === 'index.html') {
        held.set(urlPath || '/', file);
        if (urlPath) held.set(`${urlPath}/`, file);
      }
    }
  };
  if (existsSync(siteDir)) visit(path.resolve(siteDir), '');
  return held;
}

function notModified(c: Context<AppEnv>, etag: string | null, lastModified: string | null): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) {
    if (!etag) return false;
    const bare = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
  }
  const since = c.req.header('if-modified-since');
  if (!since || !lastModified) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && Date.parse(lastModified) <= sinceTime;
}

interface NotFoundPage {
  raw: Buffer;
  br: Buffer | null;
  gz: Buffer | null;
}

function readNotFound(siteDir: string, file: string): NotFoundPage | null {
  const full = path.join(siteDir, file);
  if (!existsSync(full)) return null;
  const variant = (ext: string) => (existsSync(full + ext) ? readFileSync(full + ext) : null);
  return { raw: readFileSync(full), br: variant('.br'), gz: variant('.gz') };
}

function acceptedEncodings(c: Context<AppEnv>): Set<string> {
  return new Set(
    (c.req.header('accept-encoding') ?? '')
      .split(',')
      .map((part) => part.trim().split(';')[0].trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * The built site: files from `siteDir` (`/docs/x` finds `docs/x/index.html`), the precompressed
 * `.br`/`.gz` twin the build wrote when the browser accepts it, long immutable caching for hashed
 * assets and revalidation (ETag, 304) for pages, one URL per page (a 301 to the canonical trailing
 * slash), and the localized 404 page (`/fr/...` gets `fr/404.html`) with status 404.
 */
export function siteRoutes(siteDir: string) {
  const notFound = { en: readNotFound(siteDir, '404.html'), fr: readNotFound(siteDir, 'fr/404.html') };
  const canonical = canonicalPaths(siteDir);
  const root = path.resolve(siteDir);
  const held = heldFiles(siteDir);
  // The file serveStatic answered a request with (its headers are set once the response exists).
  const found = new WeakMap<Context<AppEnv>, string>();
  const etags = new Map<string, string>();
  for (const file of held.values())
    for (const one of [file, file.br, file.gz]) if (one) etags.set(one.file, one.etag);
  /** A held file, answered as serveStatic answers a GET or HEAD without Range. */
  const fromMemory = (c: Context<AppEnv>): Response | undefined => {
    if (c.req.header('range') !== undefined) return undefined;
    const file = held.get(c.req.path);
    if (!file) return undefined;
    c.header('Content-Type', file.type);
    let sent = file;
    // serveStatic's negotiation: the first of brotli and gzip the browser names, q-values aside.
    const accepted = new Set(
      c.req
        .header('accept-encoding')
        ?.split(',')
        .map((encoding) => encoding.trim()),
    );
    for (const [encoding, twin] of [
      ['br', file.br],
      ['gzip', file.gz],
    ] as const) {
      if (!twin || !accepted.has(encoding)) continue;
      c.header('Content-Encoding', encoding);
      c.header('Vary', 'Accept-Encoding', { append: true });
      sent = twin;
      break;
    }
    c.header('Last-Modified', sent.lastModified);
    c.header('Content-Length', String(sent.body.byteLength));
    found.set(c, sent.file);
    return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(sent.body, 200);
  };
  const staticFiles = serveStatic({
    root: siteDir,
    precompressed: true,
    onFound: (file, c) => {
      found.set(c, file);
    },
  });

  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      // Unknown API paths get the JSON 404, not a page.
      if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.notFound();
      await next();
    })
    .use('*', async (c, next) => {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
      const bare = c.req.path.replace(/\/+$/, '') || '/';
      const target = canonical.get(bare);
      if (target && target !== c.req.path) {
        const url = new URL(c.req.url);
        c.header('Cache-Control', 'public, max-age=3600');
        return c.redirect(`${target}${url.search}`, 301);
      }
      await next();
    })
    .use('*', async (c, next) => {
      await next();
      const file = found.get(c);
      if (!file) return;
      // serveStatic has answered from `file`: caching headers, then conditional requests.
      const relative = `/${path.relative(root, path.resolve(file)).split(path.sep).join('/')}`;
      c.res.headers.set('Cache-Control', cacheControlFor(relative));
      if (COMPRESSIBLE.test(relative.replace(/\.(br|gz)$/, ''))) c.res.headers.set('Vary', 'Accept-Encoding');
      // A hashed asset changes name when its bytes change and is cached for a year: a validator would
      // never be used, and costs each of a page's dozen scripts 80 bytes on the wire.
      const hashed = HASHED_ASSET.test(relative);
      if (hashed) c.res.headers.delete('Last-Modified');
      const etag = hashed ? null : (etags.get(file) ?? etagOf(file));
      if (etag) c.res.headers.set('ETag', etag);
      // A Range that is not one byte range is ignored (RFC 9110): serveStatic read it as the
      // whole file from byte 0, which is the plain answer.
      const range = c.req.header('range');
      if (c.res.status === 206 && range !== undefined && !VALID_RANGE.test(range.trim())) {
        c.res = new Response(c.res.body, { status: 200, headers: c.res.headers });
        // (Hono carries the earlier answer's headers over to the new one.)
        c.res.headers.delete('content-range');
        return;
      }
      // The browser has this very version: 304 without a body.
      if (c.res.status !== 200 || range) return;
      if (!notModified(c, etag, c.res.headers.get('last-modified'))) return;
      await c.res.body?.cancel();
      const headers = new Headers(c.res.headers);
      for (const name of ['content-length', 'content-encoding', 'content-type']) headers.delete(name);
      c.res = new Response(null, { status: 304, headers });
    })
    .use('*', async (c, next) => {
      // The `.br`/`.gz` twins are how a file is sent, not files of their own.
      if (PRECOMPRESSED_TWIN.test(c.req.path)) return next();
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const answer = fromMemory(c);
        if (answer) return answer;
      }
      return staticFiles(c, next);
    })
    .get('*', (c) => {
      const french = c.req.path === '/fr' || c.req.path.startsWith('/fr/');
      const page = (french ? notFound.fr : null) ?? notFound.en;
      c.header('Cache-Control', 'no-cache');
      if (!page) return c.text('Not found', 404);
      c.header('Content-Type', 'text/html; charset=UTF-8');
      c.header('Vary', 'Accept-Encoding');
      const accepted = acceptedEncodings(c);
      if (page.br && accepted.has('br')) {
        c.header('Content-Encoding', 'br');
        return c.body(new Uint8Array(page.br), 404);
      }
      if (page.gz && accepted.has('gzip')) {
        c.header('Content-Encoding', 'gzip');
        return c.body(new Uint8Array(page.gz), 404);
      }
      return c.body(new Uint8Array(page.raw), 404);
    });
}
