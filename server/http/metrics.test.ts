import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import type { Transport } from '../messaging/transports';
import { createTestServer, type TestServer } from '../testing/harness';
import { freePort, startServerProcess, waitFor } from '../testing/processes';
import { createMetricsServer } from './node-server';

/** The value of one sample of the Prometheus text, or 0 when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const body = line.slice(name.length + 1, line.indexOf('}'));
    const found = Object.fromEntries(
      [...body.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return 0;
}

describe('Prometheus metrics at /metrics', () => {
  let smsUp = true;
  const sms: Transport = {
    name: 'test-sms',
    send: async () =>
      smsUp
        ? { ok: true, transport: 'test-sms', providerMessageId: 'p-1' }
        : { ok: false, retryable: false, error: 'HTTP 400' },
  };
  const email: Transport = {
    name: 'test-email',
    send: async () => ({ ok: true, transport: 'test-email', providerMessageId: 'p-2' }),
  };
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({}, { transports: { email, sms } });
  });
  afterAll(async () => {
    await server.close();
  });

  const metrics = async () => {
    const response = await server.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('counts requests by route pattern and status, with their latency, and 429s', async () => {
    const before = await metrics();
    const check = { method: 'POST', route: '/api/v1/contact-checks', status: '200' };
    await server.post('/api/v1/contact-checks', { contact: 'alex.martin@example.com' });
    await server.post('/api/v1/contact-checks', { contact: '+1 514 555 0101' });
    const contact = '+15145550104';
    const first = await server.post('/api/v1/help-requests', { contact, purpose: 'login-code' });
    expect(first.status).toBe(202);
    const again = await server.post('/api/v1/help-requests', { contact, purpose: 'login-code' });
    expect(again.status).toBe(429);
    const after = await metrics();

    expect(sample(after, 'http_requests_total', check) - sample(before, 'http_requests_total', check)).toBe(
      2,
    );
    const limited = { route: '/api/v1/help-requests' };
    expect(sample(after, 'http_rate_limited_total', limited)).toBe(
      sample(before, 'http_rate_limited_total', limited) + 1,
    );
    expect(
      sample(after, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/v1/help-requests',
      }),
    ).toBeGreaterThanOrEqual(2);
    // Default process metrics come along.
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('counts how long the event loop was busy, never more than the time that passed', async () => {
    const busy = (text: string) => sample(text, 'event_loop_busy_seconds_total', { thread: 'main' });
    const before = await metrics();
    const from = performance.now();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        server.post('/api/v1/contact-checks', { contact: `busy.${i}@example.com` }),
      ),
    );
    const after = await metrics();
    const elapsedSeconds = (performance.now() - from) / 1000;
    expect(busy(after)).toBeGreaterThan(busy(before));
    expect(busy(after) - busy(before)).toBeLessThanOrEqual(elapsedSeconds + 0.01);
    // This runtime has no database thread (PGlite on this event loop): no sample for one.
    if (!server.database.thread) expect(after).not.toMatch(/thread="database"/);
  });

  it('never labels a request with its raw path (tokens and ids stay out)', async () => {
    await server.get('/api/v1/account-status', { authorization: 'Bearer secret-session-token' });
    await server.get('/api/nothing/here-is-a-token-abcdef');
    const text = await metrics();
    expect(text).not.toContain('secret-session-token');
    expect(text).not.toContain('here-is-a-token-abcdef');
    // The unknown API path is counted under the pattern that caught it.
    expect(sample(text, 'http_requests_total', { route: '/api', status: '404' })).toBeGreaterThan(0);
  });

  it('counts deliveries sent and failed by channel', async () => {
    smsUp = true;
    await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
    await server.drain();
    smsUp = false;
    await server.post('/api/v1/help-requests', { contact: '+14385550107', purpose: 'login-code' });
    await server.drain();
    const text = await metrics();
    expect(sample(text, 'deliveries_total', { channel: 'sms', outcome: 'sent' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'deliveries_total', { channel: 'sms', outcome: 'failed' })).toBe(1);
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await createTestServer(
      { METRICS_TOKEN: 'metrics-token-0123456789' },
      { seed: false, shareDatabaseOf: server },
    );
    try {
      const refused = await guarded.get('/metrics');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await guarded.get('/metrics', { authorization: 'Bearer wrong-token-0123456' })).status).toBe(
        401,
      );
      const ok = await guarded.get('/metrics', { authorization: 'Bearer metrics-token-0123456789' });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('http_requests_total');
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      expect(ok.headers.get('cache-control')).toBe('no-store');
      // The scheme in any case (RFC 9110).
      expect(
        (await guarded.get('/metrics', { authorization: 'bearer metrics-token-0123456789' })).status,
      ).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('in production without a token, the public port has no /metrics; the scraper reads METRICS_ADDRESS', async () => {
    const production = await createTestServer(
      { APP_ENV: 'production', METRICS_ADDRESS: '127.0.0.1:0' },
      { seed: false, shareDatabaseOf: server },
    );
    const scraper = await createMetricsServer(production.ctx.metrics!.registry, '127.0.0.1');
    await new Promise<void>((resolve) => scraper.listen(0, '127.0.0.1', resolve));
    try {
      // Sends to known contacts move counters: nothing of it on the public port.
      await production.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
      const hidden = await production.get('/metrics');
      expect(hidden.status).toBe(404);
      expect(await hidden.json()).toMatchObject({ error: { code: 'not-found' } });
      expect(hidden.headers.get('x-content-type-options')).toBe('nosniff');
      const { port } = scraper.address() as AddressInfo;
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await scraped.text()).toMatch(/^http_requests_total\{[^}]*route="\/api\/v1\/help-requests"/m);
      expect((await fetch(`http://127.0.0.1:${port}/anything`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => scraper.close(resolve));
      await production.close();
    }
  });

  it('reads METRICS_ADDRESS as host:port, and refuses anything else by name', () => {
    expect(loadConfig({ METRICS_ADDRESS: '127.0.0.1:9464' }).metrics.address).toEqual({
      host: '127.0.0.1',
      port: 9464,
    });
    expect(loadConfig({ METRICS_ADDRESS: '[::1]:9464' }).metrics.address).toEqual({
      host: '::1',
      port: 9464,
    });
    expect(() => loadConfig({ METRICS_ADDRESS: '9464' })).toThrow(/METRICS_ADDRESS must be host:port/);
    expect(
      loadConfig({ APP_ENV: 'production', SECRET_KEY: 'x'.repeat(32), PUBLIC_BASE_URL: 'https://h.example' })
        .metrics.onPublicPort,
    ).toBe(false);
  });
});

describe('the server as npm start runs it (PGlite in its own thread)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'metrics-thread-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("reports the database thread's busy time beside the main event loop's", async () => {
    const port = await freePort();
    const server = startServerProcess(port, { DATA_DIR: dataDir });
    try {
      await server.healthy();
      const busy = async () => {
        const text = await (await fetch(`${server.base}/metrics`)).text();
        const of = (thread: string) => sample(text, 'event_loop_busy_seconds_total', { thread });
        return { main: of('main'), database: of('database') };
      };
      const before = await busy();
      const contact = 'thread.metrics@example.org';
      const answer = await fetch(`${server.base}/api/v1/help-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contact, purpose: 'login-code' }),
      });
      expect(answer.status).toBe(202);
      // Accepted there, then processed there by the worker: the thread's loop did the work.
      await waitFor('the message to be queued', async () => {
        const outbox = (await (await fetch(`${server.base}/api/dev/outbox?to=${contact}`)).json()) as {
          messages: unknown[];
        };
        return outbox.messages.length > 0 ? true : undefined;
      });
      const after = await busy();
      expect(after.database).toBeGreaterThan(before.database);
      expect(after.main).toBeGreaterThan(before.main);
    } finally {
      await server.kill();
    }
  }, 120_000);
});
