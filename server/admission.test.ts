import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './testing/harness';

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
  beforeAll(async () => {
    // Two requests in flight at most; help requests held 400 ms by the floor fill them.
    server = await createTestServer({ API_MAX_IN_FLIGHT: '2', RESPONSE_FLOOR_MS: '400' });
  });
  afterAll(async () => {
    await server.close();
  });

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
});
