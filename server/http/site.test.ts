import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness';
import { cacheControlFor } from './site';

const INLINE = 'document.documentElement.dataset.theme="light"';
const MAIN_JS = `window.main = ${JSON.stringify('x'.repeat(4000))};`;

describe('serving the built site', () => {
  const siteDir = mkdtempSync(path.join(tmpdir(), 'site-'));
  let server: TestServer;
  beforeAll(async () => {
    const page = (file: string, body: string, canonical?: string) => {
      mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
      const link = canonical
        ? `<link data-rh=true rel=canonical href=http://localhost:3000${canonical} />`
        : '';
      writeFileSync(
        path.join(siteDir, file),
        `<!doctype html><html><head>${link}<script>${INLINE}</script></head><body>${body}</body></html>`,
      );
    };
    page('index.html', 'home');
    page('404.html', 'not found');
    page('fr/index.html', 'accueil');
    page('fr/404.html', 'page introuvable');
    page('docs/workers/login/index.html', 'hub');
    page('fr/docs/workers/login/sms-code/index.html', 'texto');
    writeFileSync(path.join(siteDir, 'assets.js'), 'console.log(1)');
    // As `npm run build` leaves them: canonical links, hashed assets with their compressed twins.
    page(
      'docs/workers/login/account-locked/index.html',
      'verrouillage',
      '/docs/workers/login/account-locked',
    );
    page('fr/docs/workers/login/index.html', 'connexion', '/fr/docs/workers/login/');
    mkdirSync(path.join(siteDir, 'assets/js'), { recursive: true });
    writeFileSync(path.join(siteDir, 'assets/js/main.4fd02a1f.js'), MAIN_JS);
    writeFileSync(path.join(siteDir, 'assets/js/main.4fd02a1f.js.br'), brotliCompressSync(MAIN_JS));
    writeFileSync(path.join(siteDir, 'assets/js/main.4fd02a1f.js.gz'), gzipSync(MAIN_JS));
    mkdirSync(path.join(siteDir, 'img'), { recursive: true });
    writeFileSync(path.join(siteDir, 'img/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // Larger than what is held in memory: read from disk at each request.
    writeFileSync(
      path.join(siteDir, 'img/large.svg'),
      `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(1_200_000)}</svg>`,
    );
    writeFileSync(path.join(siteDir, '404.html.br'), brotliCompressSync('<html>not found (br)</html>'));
    // A twin written at another time than its page: each carries its own Last-Modified.
    const locked = path.join(siteDir, 'docs/workers/login/account-locked/index.html');
    writeFileSync(`${locked}.gz`, gzipSync(readFileSync(locked)));
    utimesSync(`${locked}.gz`, new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
    server = await createTestServer({ SERVE_SITE: 'true', SITE_DIR: siteDir }, { seed: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'home'],
    ['/docs/workers/login', 'hub'],
    ['/docs/workers/login/', 'hub'],
    ['/fr/', 'accueil'],
    ['/fr', 'accueil'],
    ['/fr/docs/workers/login/sms-code', 'texto'],
  ])('serves %s', async (url, text) => {
    const response = await server.get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(text);
  });

  it('answers unknown pages with the localized 404 page and status 404', async () => {
    const english = await server.get('/docs/nothing');
    expect(english.status).toBe(404);
    expect(await english.text()).toContain('not found');
    const french = await server.get('/fr/docs/rien');
    expect(french.status).toBe(404);
    expect(await french.text()).toContain('page introuvable');
    const api = await server.get('/api/nothing');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('puts a Content-Security-Policy on pages that allows exactly the build’s inline scripts', async () => {
    const response = await server.get('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the files a page loads with the security headers that apply to a file, none of a document’s (they would do nothing)', async () => {
    const script = await server.get('/assets/js/main.4fd02a1f.js', { 'accept-encoding': 'br' });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(script.headers.get('strict-transport-security')).toMatch(/max-age=/);
    for (const documentOnly of [
      'x-frame-options',
      'permissions-policy',
      'referrer-policy',
      'cross-origin-opener-policy',
    ])
      expect(script.headers.get(documentOnly)).toBeNull();
    // A file that can be opened as a document keeps it.
    const svg = await server.get('/img/logo.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(svg.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends the precompressed twin the browser accepts: brotli, then gzip, else the file itself', async () => {
    const url = '/assets/js/main.4fd02a1f.js';
    const br = await server.get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(MAIN_JS);
    const gz = await server.get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(MAIN_JS);
    const plain = await server.get(url);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(MAIN_JS);
  });

  it('caches hashed assets for a year, and makes pages revalidate with a 304', async () => {
    const asset = await server.get('/assets/js/main.4fd02a1f.js', { 'accept-encoding': 'br' });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Its name is its version: no validator to send, none to check.
    expect(asset.headers.get('etag')).toBeNull();
    expect(asset.headers.get('last-modified')).toBeNull();
    const page = await server.get('/docs/workers/login/account-locked');
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const etag = page.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await server.get('/docs/workers/login/account-locked', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const changed = await server.get('/docs/workers/login/account-locked', { 'if-none-match': 'W/"other"' });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('verrouillage');
  });

  it('gives each page one URL: the other trailing-slash spelling is a 301 to the canonical one', async () => {
    const slash = await server.get('/docs/workers/login/account-locked/?from=support');
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe('/docs/workers/login/account-locked?from=support');
    const noSlash = await server.get('/fr/docs/workers/login');
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe('/fr/docs/workers/login/');
    expect((await server.get('/fr/docs/workers/login/')).status).toBe(200);
    expect((await server.get('/docs/workers/login/account-locked')).status).toBe(200);
  });

  it('sends the 404 page compressed when it can, never cached', async () => {
    const response = await server.get('/docs/nothing', { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toContain(
      'not found (br)',
    );
  });

  it('ignores a Range that is not one byte range (the whole file, 200), honours one that is (206)', async () => {
    const url = '/assets/js/main.4fd02a1f.js';
    for (const range of ['bytes=abc', 'bytes=0-1,5-9', 'items=0-5', 'bytes=']) {
      const response = await server.get(url, { range });
      expect(response.status, range).toBe(200);
      expect(response.headers.get('content-range'), range).toBeNull();
      expect(await response.text()).toBe(MAIN_JS);
    }
    const part = await server.get(url, { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-9/${MAIN_JS.length}`);
    expect(await part.text()).toBe(MAIN_JS.slice(0, 10));
  });

  it('sends a file whole with the same bytes and headers as a range of all of it (read from disk)', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/docs/workers/login/account-locked', {}],
      ['/docs/workers/login/account-locked', { 'accept-encoding': 'gzip' }],
      ['/fr/', { 'accept-encoding': 'gzip' }],
      ['/assets/js/main.4fd02a1f.js', { 'accept-encoding': 'gzip, br' }],
      ['/img/logo.svg', {}],
      ['/img/large.svg', {}],
    ];
    const same = ['content-type', 'content-encoding', 'vary', 'cache-control', 'etag', 'last-modified'];
    for (const [url, headers] of cases) {
      const whole = await server.get(url, headers);
      const range = await server.get(url, { ...headers, range: 'bytes=0-' });
      expect(whole.status, url).toBe(200);
      expect(range.status, url).toBe(206);
      for (const name of same)
        expect(whole.headers.get(name), `${url} ${name}`).toBe(range.headers.get(name));
      const body = Buffer.from(await whole.arrayBuffer());
      expect(body.equals(Buffer.from(await range.arrayBuffer())), url).toBe(true);
      expect(whole.headers.get('content-length'), url).toBe(String(body.length));
      const head = await server.app.request(url, { method: 'HEAD', headers });
      expect(head.status, url).toBe(200);
      expect(head.headers.get('content-length'), url).toBe(String(body.length));
      expect(head.headers.get('etag'), url).toBe(whole.headers.get('etag'));
      expect((await head.arrayBuffer()).byteLength, url).toBe(0);
    }
  });

  it('does not serve the compressed twins as files of their own', async () => {
    for (const url of ['/assets/js/main.4fd02a1f.js.br', '/assets/js/main.4fd02a1f.js.gz', '/404.html.br']) {
      const response = await server.get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-type'), url).toMatch(/^text\/html/);
    }
  });

  it('does not serve files outside the site', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const response = await server.get(url);
      expect(response.status).toBe(404);
    }
  });
});

describe('cache lifetimes by file', () => {
  it.each([
    ['/assets/js/main.4fd02a1f.js', 'public, max-age=31536000, immutable'],
    ['/fr/assets/js/main.e1a303bb.js.br', 'public, max-age=31536000, immutable'],
    ['/assets/css/styles.9ecb8022.css.gz', 'public, max-age=31536000, immutable'],
    ['/docs/workers/login/code-not-received/index.html', 'public, max-age=0, must-revalidate'],
    ['/search-index.json.br', 'public, max-age=0, must-revalidate'],
    ['/sitemap.xml', 'public, max-age=0, must-revalidate'],
    ['/img/logo.svg', 'public, max-age=86400'],
  ])('%s: %s', (file, expected) => {
    expect(cacheControlFor(file)).toBe(expected);
  });
});
