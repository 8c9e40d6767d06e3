import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, json, type TestServer } from './testing/harness';

describe('the API application', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ CORS_ORIGINS: 'https://app.example.com', TRUSTED_PROXIES: '10.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers health and readiness', async () => {
    expect(await json(await server.get('/api/health'))).toEqual({ status: 'ok' });
    const ready = await server.get('/api/ready');
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: 'ready' });
  });

  it('is not ready while draining, and closes connections after each answer', async () => {
    server.lifecycle.draining = true;
    try {
      const ready = await server.get('/api/ready');
      expect(ready.status).toBe(503);
      expect((await json<{ error: { code: string } }>(ready)).error.code).toBe('not-ready');
      expect(ready.headers.get('connection')).toBe('close');
    } finally {
      server.lifecycle.draining = false;
    }
  });

  it('puts security headers on every answer, and never caches the API', async () => {
    const response = await server.get('/api/health');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a known API path asked with another method with 405 and the methods it has', async () => {
    // Without CORS origins (with them, an OPTIONS is a preflight the CORS middleware answers).
    const plain = await createTestServer({}, { seed: false, shareDatabaseOf: server });
    try {
      await expectMethodsAllowed(plain);
    } finally {
      await plain.close();
    }
  });

  async function expectMethodsAllowed(server: TestServer) {
    for (const [method, path, allow] of [
      ['PUT', '/api/v1/help-requests', 'POST'],
      ['DELETE', '/api/v1/contact-checks', 'POST'],
      ['POST', '/api/health', 'GET, HEAD'],
      ['OPTIONS', '/api/v1/policy', 'GET, HEAD'],
    ]) {
      const response = await server.app.request(path, { method, headers: { 'accept-language': 'fr' } });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect(await json(response)).toEqual({
        error: { code: 'method-not-allowed', message: 'Cette méthode n’est pas permise ici.' },
      });
    }
    expect((await server.app.request('/api/v1/nothing', { method: 'PUT' })).status).toBe(404);
  }

  it('takes the request id a trusted proxy forwards, never one a client makes up', async () => {
    const from = (remoteAddress: string) =>
      server.app.request(
        '/api/health',
        { headers: { 'x-request-id': 'lb-7f3a9c' } },
        { incoming: { socket: { remoteAddress } } },
      );
    expect((await from('10.0.0.1')).headers.get('x-request-id')).toBe('lb-7f3a9c');
    const client = (await from('198.51.100.7')).headers.get('x-request-id');
    expect(client).not.toBe('lb-7f3a9c');
    expect(client).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document generated from the validating schemas, and a page showing it', async () => {
    const doc = await json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>(await server.get('/api/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/dev/accounts',
      '/api/dev/outbox',
      '/api/health',
      '/api/ready',
      '/api/v1/account-status',
      '/api/v1/code-verifications',
      '/api/v1/contact-checks',
      '/api/v1/email-confirmations',
      '/api/v1/feedback',
      '/api/v1/help-requests',
      '/api/v1/login-links',
      '/api/v1/password-resets',
      '/api/v1/policy',
      '/api/v1/search-events',
      '/api/v1/service-status',
      '/api/v1/sms-receipts/twilio',
      '/api/v1/sms-receipts/webhook',
      '/api/v1/support/account-lookups',
      '/api/v1/support/accounts/{accountId}/audit-entries',
      '/api/v1/support/accounts/{accountId}/email-releases',
      '/api/v1/support/accounts/{accountId}/invitation-resends',
      '/api/v1/support/accounts/{accountId}/login-help',
      '/api/v1/support/accounts/{accountId}/temporary-access-codes',
      '/api/v1/support/accounts/{accountId}/unlocks',
      '/api/v1/support/reports',
      '/api/v1/support/search-report',
      '/api/v1/support/service-notices',
      '/api/v1/support/service-notices/{noticeId}/endings',
      '/api/v1/support/session',
      '/api/v1/troubleshooter-events',
      '/api/v1/unlocks',
    ]);
    // Whatever reads or writes the database may answer 503 while it is away: the document says so.
    const withoutDatabase = new Set(['/api/health', '/api/v1/contact-checks', '/api/v1/policy']);
    for (const [pathName, operations] of Object.entries(doc.paths)) {
      if (withoutDatabase.has(pathName)) continue;
      for (const operation of Object.values(operations) as { responses: Record<string, unknown> }[])
        expect(Object.keys(operation.responses), pathName).toContain('503');
    }
    expect(Object.keys(doc.components.schemas.HelpRequest.properties ?? {})).toEqual([
      'contact',
      'purpose',
      'channel',
      'locale',
    ]);
    expect(Object.keys(doc.components.schemas.HelpRequestAccepted.properties ?? {})).toEqual([
      'status',
      'retryAfterSeconds',
      'expiresInSeconds',
    ]);
    const page = await server.get('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/api/docs/viewer.js"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await server.get('/api/docs/viewer.js');
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('/api/openapi.json');
  });

  it('answers errors with the shape, in the request’s language', async () => {
    const missing = await server.get('/api/v1/nothing-here', { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({
      error: { code: 'not-found', message: 'Il n’y a rien à cette adresse.' },
    });

    const notJson = await server.app.request('/api/v1/contact-checks', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'contact=x',
    });
    expect(notJson.status).toBe(415);
    expect((await json<{ error: { code: string } }>(notJson)).error.code).toBe('unsupported-media-type');

    const malformed = await server.post('/api/v1/contact-checks', '{"contact":', { 'accept-language': 'fr' });
    expect(malformed.status).toBe(400);
    expect(await json(malformed)).toEqual({
      error: { code: 'invalid-json', message: 'Le corps de la requête n’est pas du JSON valide.' },
    });

    const tooBig = await server.post('/api/v1/contact-checks', { contact: 'x'.repeat(9000) });
    expect(tooBig.status).toBe(413);
    expect((await json<{ error: { code: string } }>(tooBig)).error.code).toBe('payload-too-large');

    const wrongType = await server.post('/api/v1/help-requests', {
      contact: 42,
      purpose: 'login-code',
      locale: 'fr',
    });
    expect(wrongType.status).toBe(400);
    expect(await json(wrongType)).toEqual({
      error: {
        code: 'invalid-request',
        message: 'Le champ «\u00a0contact\u00a0» est absent ou n’est pas valide.',
      },
    });
  });

  it('the body’s locale wins over Accept-Language; an unknown locale falls back', async () => {
    const french = await server.post(
      '/api/v1/help-requests',
      { contact: 'no pe', purpose: 'login-code', locale: 'fr' },
      { 'accept-language': 'en' },
    );
    expect((await json<{ error: { message: string } }>(french)).error.message).toMatch(/^Entrez/);
    const klingon = await server.post(
      '/api/v1/help-requests',
      { contact: 'no pe', purpose: 'login-code', locale: 'tlh' },
      { 'accept-language': 'fr' },
    );
    expect((await json<{ error: { message: string } }>(klingon)).error.message).toMatch(/^Entrez/);
    const english = await server.post('/api/v1/help-requests', {
      contact: 'no pe',
      purpose: 'login-code',
      locale: '',
    });
    expect((await json<{ error: { message: string } }>(english)).error.message).toMatch(/^Enter/);
  });

  it('has no development outbox in production', async () => {
    const production = await createTestServer(
      { APP_ENV: 'production' },
      { seed: false, shareDatabaseOf: server },
    );
    try {
      expect((await production.get('/api/dev/outbox')).status).toBe(404);
      const doc = await json<{ paths: Record<string, unknown> }>(await production.get('/api/openapi.json'));
      expect(Object.keys(doc.paths)).not.toContain('/api/dev/outbox');
      expect(Object.keys(doc.paths)).not.toContain('/api/dev/accounts');
      expect((await production.post('/api/dev/accounts', { case: 'locked' })).status).toBe(404);
    } finally {
      await production.close();
    }
  });

  it('allows CORS only for configured origins, without credentials', async () => {
    const preflight = (origin: string) =>
      server.app.request('/api/v1/help-requests', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await preflight('https://evil.example.net');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('trusts X-Forwarded-For only from configured proxies', async () => {
    const hit = (remoteAddress: string, forwarded: string) =>
      server.app.request(
        '/api/v1/help-requests',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
          body: JSON.stringify({ contact: `someone-${Math.random()}@example.net`, purpose: 'login-code' }),
        },
        { incoming: { socket: { remoteAddress } } },
      );
    await server.reset();
    // Through the trusted proxy, each forwarded client has its own budget of 30 sends.
    for (let i = 0; i < 30; i++) expect((await hit('10.0.0.1', `203.0.113.${i}`)).status).toBe(202);
    // From an untrusted peer the header is ignored: the peer itself is limited.
    for (let i = 0; i < 30; i++) expect((await hit('198.51.100.7', `203.0.113.${i}`)).status).toBe(202);
    const limited = await hit('198.51.100.7', '203.0.113.200');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
