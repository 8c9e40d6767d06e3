import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from './http/errors';
import { createHttpServer } from './http/node-server';
import { expectErrorAnswer, parseAnswer, rawExchange } from './testing/raw-http';
import { createTestServer, type TestServer } from './testing/harness';

const POST_ENDPOINTS = [
  '/api/v1/contact-checks',
  '/api/v1/help-requests',
  '/api/v1/code-verifications',
  '/api/v1/unlocks',
  '/api/v1/email-confirmations',
  '/api/v1/password-resets',
  '/api/v1/login-links',
];
const GET_ENDPOINTS = [
  '/api/health',
  '/api/ready',
  '/api/v1/account-status',
  '/api/dev/outbox',
  '/api/openapi.json',
];

/** Never a 500; every error in the shape, with a known code and a message. */
async function expectWellFormed(response: Response): Promise<void> {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(ERROR_CODES).toContain(body.error.code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

// Strings people and attackers type: unicode, fullwidth digits, control characters, padding.
const nastyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\r\n',
    'sam@example.org\r\nBcc: a@b.c',
    '１２３４５６',
    '+1 514 555 0101',
    '  ALEX.MARTIN@EXAMPLE.COM  ',
    'dlavoie',
    '\u0000',
    '\ud800',
    '__proto__',
    'constructor',
    '%00',
    '<script>alert(1)</script>',
    'x'.repeat(5000),
  ),
);
const field = fc.oneof(nastyString, fc.jsonValue({ maxDepth: 3 }));
const body = fc.oneof(
  fc.record(
    {
      contact: field,
      purpose: fc.oneof(
        fc.constantFrom('login-code', 'unlock', 'confirmation', 'password-reset', 'login-link'),
        field,
      ),
      channel: fc.oneof(fc.constantFrom('sms', 'email'), field),
      locale: fc.oneof(fc.constantFrom('en', 'fr', 'fr-CA', 'FR', 'zz', ''), field),
      code: field,
      token: field,
      password: field,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 4 }),
);
const rawBody = fc.oneof(
  body.map((value) => JSON.stringify(value)),
  nastyString,
  fc.constantFrom('{', '{"contact":}', 'null', '[]', '"x"', '{"contact":"a@b.co",}', '\u0000\u0001'),
);
const headerValue = fc.string({
  unit: fc.constantFrom(...' !#%()*,-./09:;<=>?@AZ[]az_{}~"\'\t'.split('')),
  maxLength: 60,
});
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/problem+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset',
  ),
  headerValue,
);

describe('any input at any endpoint: never a 500, always the error shape', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ IP_SEND_LIMIT: '1000000', IP_VERIFY_LIMIT: '1000000' });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(POST_ENDPOINTS)('POST %s with arbitrary bodies and headers', async (path) => {
    await fc.assert(
      fc.asyncProperty(
        rawBody,
        fc.option(contentType, { nil: undefined }),
        fc.option(headerValue, { nil: undefined }),
        async (payload, type, language) => {
          const headers: Record<string, string> = {};
          if (type !== undefined) headers['content-type'] = type;
          if (language !== undefined) headers['accept-language'] = language;
          const response = await server.app.request(path, { method: 'POST', headers, body: payload });
          await expectWellFormed(response);
        },
      ),
      { numRuns: 120 },
    );
  });

  it.each(GET_ENDPOINTS)('GET %s with arbitrary headers and query strings', async (path) => {
    await fc.assert(
      fc.asyncProperty(headerValue, headerValue, nastyString, async (authorization, language, query) => {
        // Percent-encoded bytes, and raw malformed escapes.
        const encoded = [...Buffer.from(query, 'utf8')]
          .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
          .join('');
        const response = await server.app.request(`${path}?to=${encoded}&limit=${encoded}&x=%E0%A4%A`, {
          headers: { authorization, 'accept-language': language },
        });
        await expectWellFormed(response);
      }),
      { numRuns: 60 },
    );
  });

  it('arbitrary methods and paths under /api', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        fc.webPath(),
        async (method, path) => {
          const response = await server.app.request(`/api${path}`, { method });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('deeply nested and oversized bodies', async () => {
    const deep = `${'['.repeat(4000)}${']'.repeat(4000)}`;
    const deepObject = `${'{"a":'.repeat(1600)}1${'}'.repeat(1600)}`;
    for (const payload of [deep, deepObject, `{"contact":"${'x'.repeat(10_000)}"}`, '['.repeat(8000)]) {
      for (const path of POST_ENDPOINTS) {
        await expectWellFormed(
          await server.app.request(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: payload,
          }),
        );
      }
    }
  });
});

describe('malformed requests on a real socket: always the error shape and headers, and the server keeps serving', () => {
  let server: TestServer;
  let http: Server;
  let port: number;
  beforeAll(async () => {
    server = await createTestServer({ IP_SEND_LIMIT: '1000000', IP_VERIFY_LIMIT: '1000000' });
    http = await createHttpServer({
      fetch: server.app.fetch,
      timeouts: { requestMs: 1000, headersMs: 800, socketMs: 3000, checkEveryMs: 100 },
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await server.close();
  });

  const method = fc.oneof(
    fc.constantFrom('GET', 'POST', 'PUT', 'OPTIONS', 'HEAD', 'DELETE', 'G\u0000T', 'get', ''),
    fc.string({ maxLength: 8 }),
  );
  const target = fc.oneof(
    fc.constantFrom(
      '/api/health',
      '/api/v1/help-requests',
      '/api/v1/contact-checks',
      '*',
      '/api\\health',
      '/api/%00',
      '/api/%zz',
      `/api/${'a'.repeat(9000)}`,
      'http://evil.example/api/health',
      '',
    ),
    fc.webPath(),
  );
  const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', '');
  const header = fc.oneof(
    fc.constantFrom(
      'Host: x',
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
      'Content-Length: 10',
      'Content-Length: -1',
      'Content-Length: 10, 20',
      'Expect: 100-continue',
      `X-Big: ${'b'.repeat(17_000)}`,
      'X-Bad: a\rb',
      'X-Nul: a\u0000b',
      'Range: bytes=abc',
      'Authorization: bearer x',
      ': empty-name',
    ),
    fc
      .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }))
      .map(([name, value]) => `${name}: ${value}`),
  );
  const body = fc.constantFrom('', '{"contact":"a@b.co"}', '5\r\n{"con\r\n', '{', 'x'.repeat(9000));

  it('answers each with the JSON error shape and the security headers, or not at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        target,
        version,
        fc.array(header, { maxLength: 5 }),
        body,
        fc.boolean(),
        async (verb, path, http11, headers, payload, abandon) => {
          const request = `${verb} ${path} ${http11}\r\n${headers.join('\r\n')}\r\n\r\n${payload}`;
          const raw = await rawExchange(port, [request], {
            timeoutMs: 2500,
            ...(abandon ? { destroyAfterWrite: true } : { endAfterWrite: true }),
          });
          if (!raw) return;
          const answer = parseAnswer(raw);
          expect(answer.status).toBeGreaterThanOrEqual(100);
          expect(answer.status).toBeLessThan(500);
          if (answer.status >= 400 && verb !== 'HEAD') expectErrorAnswer(answer, answer.status);
        },
      ),
      { numRuns: 80 },
    );
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  }, 120_000);
});
