import { Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http/node-server';
import { createTestServer, type TestServer } from './testing/harness';
import { expectErrorAnswer, parseAnswer, postOnAgent, rawExchange } from './testing/raw-http';

/** What a client sees, but the request id. */
async function seen(response: Response) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'x-request-id') headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

describe('admission control under overload', () => {
  let server: TestServer;
  let http: Server;
  let port: number;
  beforeAll(async () => {
    // Two requests in flight at most; help requests held 400 ms by the floor fill them.
    server = await createTestServer({ API_MAX_IN_FLIGHT: '2', RESPONSE_FLOOR_MS: '400' });
    http = await createHttpServer({ fetch: server.app.fetch });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await server.close();
  });
  const fill = () =>
    [1, 2].map((n) =>
      server.post('/api/v1/help-requests', { contact: `filler-${n}@example.org`, purpose: 'login-code' }),
    );

  it('answers a quick 503 with Retry-After, the same for known and unknown contacts, and says so in readiness', async () => {
    // The body is not read before admission: the language comes from Accept-Language.
    const ask = (contact: string) =>
      server.post(
        '/api/v1/help-requests',
        { contact, purpose: 'login-code' },
        { 'accept-language': 'fr-CA' },
      );
    const busy = [ask('filler-1@example.org'), ask('filler-2@example.org')];
    const started = performance.now();
    const known = await ask('alex.martin@example.com');
    const unknown = await ask('nobody.at.all@example.org');
    const elapsed = performance.now() - started;
    const [a, b] = [await seen(known), await seen(unknown)];
    expect(a).toEqual(b);
    expect(a.status).toBe(503);
    expect(a.headers['retry-after']).toBe('2');
    expect(JSON.parse(a.body)).toEqual({
      error: {
        code: 'overloaded',
        message: 'Le service est très sollicité en ce moment. Veuillez réessayer dans quelques secondes.',
      },
    });
    // Refused at once, not after waiting for the floor or the database.
    expect(elapsed).toBeLessThan(300);
    const ready = await server.get('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('2');
    expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('overloaded');
    // The admitted ones are served as usual, and once the load is gone the instance is ready again.
    expect((await Promise.all(busy)).map((response) => response.status)).toEqual([202, 202]);
    server.clock.advanceSeconds(1);
    expect((await server.get('/api/ready')).status).toBe(200);
    expect((await ask('alex.martin@example.com')).status).toBe(202);
  });

  it('closes the connection of a refused request; the client’s retry on a new one is served', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = () =>
      postOnAgent(
        agent,
        port,
        '/api/v1/help-requests',
        JSON.stringify({ contact: 'alex.martin@example.com', purpose: 'login-code' }),
      );
    try {
      const busy = fill();
      const started = performance.now();
      const answer = parseAnswer(
        await rawExchange(port, [
          'POST /api/v1/help-requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"contact":',
        ]),
      );
      // A body that has not all arrived changes nothing: refused at once, in the error shape.
      expect(performance.now() - started).toBeLessThan(300);
      expectErrorAnswer(answer, 503, 'overloaded');
      expect(answer.headers['retry-after']).toBe('2');
      expect(answer.headers.connection).toBe('close');
      expect(await send()).toEqual({ status: 503, connection: 'close', reused: false });
      await Promise.all(busy);
      server.clock.advanceSeconds(60);
      expect(await send()).toEqual({ status: 202, connection: 'keep-alive', reused: false });
    } finally {
      agent.destroy();
    }
  });
});

describe('admission by the help-request queue', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ HELP_QUEUE_MAX_LAG_SECONDS: '15' });
  });
  afterAll(async () => {
    await server.close();
  });
  const ask = (contact: string) =>
    server.post('/api/v1/help-requests', { contact, purpose: 'login-code' }, { 'accept-language': 'en' });

  it('refuses new help requests with a quick 503 while the worker is too far behind, the same for every contact', async () => {
    await server.queueWithoutContact(150);
    server.clock.advanceSeconds(20);
    // One pass takes the oldest ones: they had waited 20 s, and more wait behind them.
    expect((await server.worker.runOnce()).requests).toBe(100);
    expect(server.worker.queueLagMs()).toBe(20_000);
    const metrics = await (await server.get('/metrics')).text();
    expect(metrics).toMatch(/^help_request_queue_lag_seconds 20$/m);
    const [known, unknown] = [
      await seen(await ask('alex.martin@example.com')),
      await seen(await ask('nobody.at.all@example.org')),
    ];
    expect(known).toEqual(unknown);
    expect(known.status).toBe(503);
    expect(known.headers['retry-after']).toBe('2');
    expect(known.headers.connection).toBe('close');
    expect(JSON.parse(known.body).error.code).toBe('overloaded');
    // Other API requests are still served; readiness routes new clients elsewhere.
    expect((await server.post('/api/v1/contact-checks', { contact: 'alex.martin@example.com' })).status).toBe(
      200,
    );
    expect((await server.get('/api/ready')).status).toBe(503);
    // Nothing new was queued: the next pass empties the queue, and help requests are taken again.
    expect((await server.worker.runOnce()).requests).toBe(50);
    expect(server.worker.queueLagMs()).toBe(0);
    server.clock.advanceSeconds(1);
    expect((await server.get('/api/ready')).status).toBe(200);
    expect((await ask('alex.martin@example.com')).status).toBe(202);
  });

  it('takes help requests while the queue is behind by less than the limit', async () => {
    await server.queueWithoutContact(150);
    server.clock.advanceSeconds(10);
    await server.worker.runOnce();
    expect(server.worker.queueLagMs()).toBe(10_000);
    expect((await ask('nobody.else@example.org')).status).toBe(202);
    await server.drain();
  });
});
