import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness';
import { expectErrorAnswer, parseAnswer, postOnAgent, rawExchange } from '../testing/raw-http';
import { createHttpServer } from './node-server';

describe('the HTTP edge below Hono', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  let server: TestServer;
  let http: Server;
  let port: number;
  beforeAll(async () => {
    server = await createTestServer({}, { logger });
    http = await createHttpServer({
      fetch: server.app.fetch,
      timeouts: { requestMs: 800, headersMs: 600, socketMs: 5000, checkEveryMs: 100 },
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await server.close();
  });
  const healthy = async () => expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

  it('answers a 1 MB body with 413 and Connection: close; the client’s next request gets its answer', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method, path, agent, headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const big = await send('POST', '/api/v1/contact-checks', Buffer.alloc(1024 * 1024, 0x61));
      expect(big.status).toBe(413);
      expect(big.connection).toBe('close');
      expect(JSON.parse(big.body).error.code).toBe('payload-too-large');
      const next = await send('GET', '/api/health');
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('keeps the connection after an answer given before a small body was read; closes it when the body stops', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (contentType: string) =>
      postOnAgent(
        agent,
        port,
        '/api/v1/contact-checks',
        JSON.stringify({ contact: 'sam@example.org', locale: 'en' }),
        contentType,
      );
    try {
      expect(await send('text/plain')).toEqual({ status: 415, connection: 'keep-alive', reused: false });
      // The same connection, its first body read and dropped: the next request is whole.
      expect(await send('application/json')).toEqual({ status: 200, connection: 'keep-alive', reused: true });
    } finally {
      agent.destroy();
    }
    const started = performance.now();
    const answer = parseAnswer(
      await rawExchange(port, [
        'POST /api/v1/contact-checks HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n{"contact":',
      ]),
    );
    expectErrorAnswer(answer, 415, 'unsupported-media-type');
    expect(answer.headers.connection).toBe('close');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it.each([
    [
      'headers over 16 KB',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
    ['a backslash in the path', 'GET /api\\..\\health HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['a NUL in a header', 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n', 400],
    ['a bare CR in a header', 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n', 400],
    ['no Host', 'GET /api/health HTTP/1.1\r\n\r\n', 400],
    ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['a broken request line', 'GET\r\n\r\n', 400],
    [
      'a body longer than its Content-Length',
      'POST /api/v1/contact-checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{"a":1}',
      400,
    ],
  ])(
    'answers %s with the JSON error shape and the security headers, then keeps serving',
    async (_what, request, status) => {
      const answer = parseAnswer(await rawExchange(port, [request]));
      expectErrorAnswer(answer, status);
      expect(answer.headers.connection).toBe('close');
      await healthy();
    },
  );

  it('answers a client too slow to send its headers with 408 in the error shape', async () => {
    const answer = parseAnswer(
      await rawExchange(port, ['GET /api/health HTTP/1.1\r\nHost: x\r\n'], { timeoutMs: 5000 }),
    );
    expectErrorAnswer(answer, 408, 'request-timeout');
    await healthy();
  });

  it('logs an abandoned upload as a client that went away, never as an outage or a 5xx', async () => {
    lines.length = 0;
    await rawExchange(
      port,
      [
        'POST /api/v1/help-requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        '10\r\n{"contact":"sam@',
      ],
      { destroyAfterWrite: true },
    );
    await healthy();
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).not.toMatch(/http_requests_total\{[^}]*status="5\d\d"[^}]*\} [1-9]/);
    expect(lines.some((line) => line.msg === 'database unavailable')).toBe(false);
    expect(lines.some((line) => typeof line.level === 'number' && line.level >= 50)).toBe(false);
  });

  it('gives answers the same headers over Node as in process: those of their kind, the answer’s own kept', async () => {
    const asked: [string, RequestInit][] = [
      [
        '/api/v1/contact-checks',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"contact":"+1 514 555 0101"}',
        },
      ],
      ['/api/v1/contact-checks', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }],
      ['/api/v1/policy', {}],
      ['/api/no-such-thing', {}],
    ];
    const comparable = (headers: Headers) => {
      const kept: Record<string, string> = {};
      headers.forEach((value, name) => {
        if (!['date', 'connection', 'keep-alive', 'content-length', 'x-request-id'].includes(name))
          kept[name] = value;
      });
      return kept;
    };
    for (const [path, init] of asked) {
      const overNode = await fetch(`http://127.0.0.1:${port}${path}`, init);
      const inProcess = await server.app.request(path, init);
      expect(overNode.status).toBe(inProcess.status);
      expect(comparable(overNode.headers)).toEqual(comparable(inProcess.headers));
      expect(overNode.headers.get('x-content-type-options')).toBe('nosniff');
      expect(overNode.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const policy = await fetch(`http://127.0.0.1:${port}/api/v1/policy`);
    expect(policy.headers.get('cache-control')).toMatch(/^public/);
    const check = await fetch(`http://127.0.0.1:${port}${asked[0][0]}`, asked[0][1]);
    expect(check.headers.get('cache-control')).toBe('no-store');
  });

  it('takes a request id from a client only when it comes through a trusted proxy', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
      headers: { 'x-request-id': 'planted-by-a-client' },
    });
    expect(response.headers.get('x-request-id')).not.toBe('planted-by-a-client');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
