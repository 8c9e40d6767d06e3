import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './runtime';
import { createTestServer, json, type TestServer } from './testing/harness';

describe('logs', () => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    server = await createTestServer({}, { logger: createLogger({ logLevel: 'debug' }, sink) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('are JSON lines with request ids, and never hold a contact, a code or a token', async () => {
    const contact = 'camille.dubois@example.org';
    await server.post('/api/v1/help-requests', { contact, purpose: 'login-code' });
    await server.drain();
    const [message] = await server.outbox(contact);
    const code = message.codes[0];
    const verified = await json<{ sessionToken: string }>(
      await server.post('/api/v1/code-verifications', { contact, code }),
    );
    await server.get('/api/v1/account-status', { authorization: `Bearer ${verified.sessionToken}` });
    await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'unlock' });
    // A direct log call with secrets in it is redacted too.
    server.ctx.logger.info({ contact, code, token: verified.sessionToken, body: { password: 'x' } }, 'oops');

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = records.filter((r) => r.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(5);
    for (const record of requests) {
      expect(record.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(record).toHaveProperty('status');
      expect(record).toHaveProperty('ms');
    }
    expect(records.some((r) => r.msg === 'message sent')).toBe(true);
    const all = lines.join('\n');
    for (const secret of [contact, 'camille', code, verified.sessionToken, '5145550101', '"password":"x"']) {
      expect(all).not.toContain(secret);
    }
  });

  it('drop the parameters of a failed SQL statement from errors', () => {
    const error = new Error('Failed query: select * from accounts where email = $1\nparams: sam@example.org');
    const captured: string[] = [];
    const logger = createLogger(
      { logLevel: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          captured.push(String(chunk));
          done();
        },
      }),
    );
    logger.error({ err: error }, 'failed');
    expect(captured.join('')).not.toContain('sam@example.org');
    expect(captured.join('')).toContain('Failed query');
  });
});
