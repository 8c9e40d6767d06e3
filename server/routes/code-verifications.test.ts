import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { oneTimeSecrets } from '../db/schema';
import { createTestServer, json, type TestServer } from '../testing/harness';

describe('POST /api/v1/code-verifications and GET /api/v1/account-status', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ IP_SEND_LIMIT: '10000', IP_VERIFY_LIMIT: '10000' });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
  });

  async function requestCode(contact: string): Promise<string> {
    expect((await server.post('/api/v1/help-requests', { contact, purpose: 'login-code' })).status).toBe(202);
    await server.drain();
    const [message] = await server.outbox(contact);
    expect(message.template).toBe('login-code');
    return message.codes[0];
  }
  const verify = (contact: string, code: string, extra: Record<string, string> = {}) =>
    server.post('/api/v1/code-verifications', { contact, code, ...extra });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('opens a session that shows the account status, once', async () => {
    const code = await requestCode('+1 514 555 0101');
    const response = await verify('(514) 555-0101', ` ${code.slice(0, 3)} ${code.slice(3)} `);
    expect(response.status).toBe(200);
    const body = await json<{ sessionToken: string; expiresInSeconds: number; account: unknown }>(response);
    expect(body.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresInSeconds).toBe(900);
    expect(body.account).toEqual({
      status: 'active',
      loginMethod: 'code',
      smsEligible: true,
      emailOnFile: true,
      emailConfirmed: true,
      loginWith: { kind: 'phone', masked: '+1 •••-•••-0101' },
      deactivationReason: null,
      locked: false,
      lockedUntil: null,
      employerName: 'Harbourview Logistics',
      employerCount: 1,
    });
    const status = await server.get('/api/v1/account-status', {
      authorization: `Bearer ${body.sessionToken}`,
    });
    expect(status.status).toBe(200);
    expect(await json(status)).toEqual({ account: body.account, expiresInSeconds: 900 });
    // Used once: the same code again is refused.
    expect((await verify('+15145550101', code)).status).toBe(400);
    // The session ends after its lifetime.
    server.clock.advanceSeconds(901);
    const expired = await server.get('/api/v1/account-status', {
      authorization: `Bearer ${body.sessionToken}`,
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer');
    expect((await json<{ error: { code: string } }>(expired)).error.code).toBe('invalid-session');
  });

  it('refuses a missing or malformed bearer token with the same 401', async () => {
    for (const authorization of [undefined, 'Bearer', 'Basic abc', `Bearer ${'A'.repeat(43)}`]) {
      const response = await server.get('/api/v1/account-status', authorization ? { authorization } : {});
      expect(response.status).toBe(401);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe('invalid-session');
    }
  });

  it('gives one uniform 400 for a wrong code, an unknown contact, an expired or a voided code', async () => {
    const answers = new Set<string>();
    const record = async (response: Response) => {
      expect(response.status).toBe(400);
      answers.add(await response.text());
    };
    const code = await requestCode('alex.martin@example.com');
    await record(await verify('alex.martin@example.com', wrong(code)));
    await record(await verify('nobody@example.org', code));
    await record(await verify('+15145550199', code));
    // A newer code voids the earlier one.
    server.clock.advanceSeconds(61);
    const newer = await requestCode('alex.martin@example.com');
    await record(await verify('alex.martin@example.com', code === newer ? wrong(newer) : code));
    // Codes die after 10 minutes.
    server.clock.advanceSeconds(601);
    await record(await verify('alex.martin@example.com', newer));
    expect(answers.size).toBe(1);
    expect(JSON.parse([...answers][0])).toEqual({
      error: {
        code: 'invalid-or-expired-code',
        message:
          'This code is not valid or has expired. Use the newest code you received, or ask for a new one.',
      },
    });
  });

  it('accepts a code just before it expires and not after', async () => {
    const code = await requestCode('jordan.lee@example.com');
    server.clock.advanceSeconds(599);
    const response = await verify('jordan.lee@example.com', code);
    expect(response.status).toBe(200);
    expect((await json<{ account: { status: string } }>(response)).account.status).toBe('invited');
  });

  it('kills a code after 5 wrong guesses', async () => {
    const code = await requestCode('avery.chen@example.com');
    for (let i = 1; i <= 5; i++)
      expect((await verify('avery.chen@example.com', wrong(code))).status).toBe(400);
    expect((await verify('avery.chen@example.com', code)).status).toBe(400);
  });

  it('counts at most 5 of 50 parallel wrong guesses against a code', async () => {
    const code = await requestCode('+14385550107');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        verify('+14385550107', String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0')),
      ),
    );
    // Wrong guesses answer 400, and once the contact cools down (10 failures), 429.
    expect(responses.every((r) => r.status === 400 || r.status === 429)).toBe(true);
    expect(responses.filter((r) => r.status === 400).length).toBe(10);
    const [secret] = await server.ctx.db
      .select()
      .from(oneTimeSecrets)
      .where(eq(oneTimeSecrets.purpose, 'login-code'));
    expect(secret.attempts).toBe(5);
    // The code is dead even after the cool-down.
    server.clock.advanceSeconds(901);
    expect((await verify('+14385550107', code)).status).toBe(400);
  });

  it('gives exactly one success for 8 parallel submissions of the right code', async () => {
    const code = await requestCode('riley.g@example.org');
    const responses = await Promise.all(Array.from({ length: 8 }, () => verify('riley.g@example.org', code)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(7);
    // The 7 duplicates of a right code are not failures: the contact still has its 10 before a
    // cool-down (counted, 7 of them would leave only 3).
    for (let i = 0; i < 10; i++) expect((await verify('riley.g@example.org', '000000')).status).toBe(400);
    expect((await verify('riley.g@example.org', '000000')).status).toBe(429);
  });

  it('cools a contact down after 10 consecutive failures, whether or not it is on file', async () => {
    for (const contact of ['alex.martin@example.com', 'nobody@example.org']) {
      for (let i = 0; i < 10; i++) expect((await verify(contact, '000000')).status).toBe(400);
      const cooling = await verify(contact, '000000', { locale: 'fr' });
      expect(cooling.status).toBe(429);
      expect(cooling.headers.get('retry-after')).toBe('900');
      expect((await json<{ error: { message: string } }>(cooling)).error.message).toBe(
        'Trop de demandes. Attendez 15 minutes avant de réessayer.',
      );
    }
    // The right code works once the cool-down is over.
    server.clock.advanceSeconds(900);
    const code = await requestCode('alex.martin@example.com');
    expect((await verify('alex.martin@example.com', code)).status).toBe(200);
  });

  it('checks the code format from the input alone', async () => {
    for (const code of ['12345', '1234567', 'abcdef', '']) {
      const response = await verify('alex.martin@example.com', code);
      expect(response.status).toBe(400);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe('invalid-code-format');
    }
  });
});
