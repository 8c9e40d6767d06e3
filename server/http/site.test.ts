import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness';

const INLINE = 'document.documentElement.dataset.theme="light"';

describe('serving the built site', () => {
  const siteDir = mkdtempSync(path.join(tmpdir(), 'site-'));
  let server: TestServer;
  beforeAll(async () => {
    const page = (file: string, body: string) => {
      mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
      writeFileSync(
        path.join(siteDir, file),
        `<!doctype html><html><head><script>${INLINE}</script></head><body>${body}</body></html>`,
      );
    };
    page('index.html', 'home');
    page('404.html', 'not found');
    page('fr/index.html', 'accueil');
    page('fr/404.html', 'page introuvable');
    page('docs/workers/login/index.html', 'hub');
    page('fr/docs/workers/login/sms-code/index.html', 'texto');
    writeFileSync(path.join(siteDir, 'assets.js'), 'console.log(1)');
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

  it('does not serve files outside the site', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const response = await server.get(url);
      expect(response.status).toBe(404);
    }
  });
});
