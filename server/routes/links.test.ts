import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, auditLog } from '../db/schema';
import { verifyPassword } from '../services/passwords';
import { createTestServer, json, type TestServer } from '../testing/harness';

describe('link pages’ endpoints: unlock, confirm email, reset password, one-time login', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({
      IP_SEND_LIMIT: '10000',
      IP_VERIFY_LIMIT: '10000',
      APP_LOGIN_URL: 'https://app.example.com/login',
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
  });

  async function linkFor(contact: string, purpose: string): Promise<string> {
    expect((await server.post('/api/v1/help-requests', { contact, purpose })).status).toBe(202);
    await server.drain();
    server.clock.advanceSeconds(61);
    const [message] = await server.outbox();
    expect(message.links).toHaveLength(1);
    return new URL(message.links[0]).hash.slice('#token='.length);
  }
  const errorCode = async (response: Response) =>
    (await json<{ error: { code: string } }>(response)).error.code;
  const account = async (email: string) =>
    (await server.ctx.db.select().from(accounts).where(eq(accounts.email, email)))[0];

  it('unlocks once; the link then says nothing more than "not valid"', async () => {
    const token = await linkFor('morgan.roy@example.com', 'unlock');
    expect((await account('morgan.roy@example.com')).lockedAt).not.toBeNull();
    expect(await json(await server.post('/api/v1/unlocks', { token }))).toEqual({ status: 'unlocked' });
    const after = await account('morgan.roy@example.com');
    expect(after.lockedAt).toBeNull();
    expect(after.failedAttempts).toBe(0);
    const again = await server.post('/api/v1/unlocks', { token });
    expect(again.status).toBe(400);
    expect(await json(again)).toEqual({
      error: {
        code: 'invalid-or-expired-link',
        message: 'This link is not valid, has expired or was already used. Ask for a new one.',
      },
    });
    const audit = await server.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'account.unlocked'));
    expect(audit).toHaveLength(1);
  });

  it('refuses a link after 30 minutes, and a token of another purpose', async () => {
    const token = await linkFor('morgan.roy@example.com', 'unlock');
    expect(await errorCode(await server.post('/api/v1/email-confirmations', { token }))).toBe(
      'invalid-or-expired-link',
    );
    server.clock.advanceSeconds(30 * 60);
    expect(await errorCode(await server.post('/api/v1/unlocks', { token }))).toBe('invalid-or-expired-link');
  });

  it('confirms an email within 24 hours', async () => {
    const token = await linkFor('sam.tremblay@example.org', 'confirmation');
    server.clock.advanceSeconds(23 * 3600);
    expect(await json(await server.post('/api/v1/email-confirmations', { token }))).toEqual({
      status: 'confirmed',
    });
    expect((await account('sam.tremblay@example.org')).emailConfirmed).toBe(true);
  });

  it('applies the password rules without using up the link, then resets, unlocks and confirms', async () => {
    const token = await linkFor('dominique.lavoie@example.com', 'password-reset');
    await server.ctx.db
      .update(accounts)
      .set({ lockedAt: server.clock.now() })
      .where(eq(accounts.username, 'dlavoie'));
    const attempts: [string, string][] = [
      ['short', 'password-too-short'],
      ['Password123!', 'password-too-common'],
      ['dlavoie-2030-x', 'password-contains-identity'],
      ['dominique.lavoie99', 'password-contains-identity'],
      ['x'.repeat(200), 'password-too-long'],
    ];
    for (const [password, code] of attempts) {
      const response = await server.post('/api/v1/password-resets', { token, password, locale: 'fr' });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe(code);
    }
    const french = await server.post('/api/v1/password-resets', { token, password: 'short', locale: 'fr' });
    expect((await json<{ error: { message: string } }>(french)).error.message).toBe(
      'Votre mot de passe doit compter au moins 10 caractères.',
    );
    expect(
      await json(await server.post('/api/v1/password-resets', { token, password: 'mauve tambour 91' })),
    ).toEqual({
      status: 'password-changed',
    });
    const after = await account('dominique.lavoie@example.com');
    expect(await verifyPassword('mauve tambour 91', after.passwordHash!)).toBe(true);
    expect(after.lockedAt).toBeNull();
    expect(
      await errorCode(
        await server.post('/api/v1/password-resets', { token, password: 'another-good-one-7' }),
      ),
    ).toBe('invalid-or-expired-link');
  });

  it('logs in once with a one-time link and ends sessions on a password change', async () => {
    const token = await linkFor('alex.martin@example.com', 'login-link');
    const response = await server.post('/api/v1/login-links', { token });
    expect(response.status).toBe(200);
    const body = await json<{ sessionToken: string; continueUrl: string; account: { status: string } }>(
      response,
    );
    expect(body.continueUrl).toBe('https://app.example.com/login');
    expect(body.account.status).toBe('active');
    const status = await server.get('/api/v1/account-status', {
      authorization: `Bearer ${body.sessionToken}`,
    });
    expect(status.status).toBe(200);
    expect((await server.post('/api/v1/login-links', { token })).status).toBe(400);
  });

  it('gives the same answer to any malformed or unknown token', async () => {
    const answers = new Set<string>();
    for (const token of [
      '',
      'abc',
      'A'.repeat(43),
      'A'.repeat(44),
      '../../etc/passwd',
      '%00',
      'é'.repeat(43),
    ]) {
      for (const path of ['/api/v1/unlocks', '/api/v1/email-confirmations', '/api/v1/login-links']) {
        const response = await server.post(path, { token });
        expect(response.status).toBe(400);
        answers.add(await response.text());
      }
      const reset = await server.post('/api/v1/password-resets', { token, password: 'mauve tambour 91' });
      answers.add(await reset.text());
    }
    expect(answers.size).toBe(1);
  });
});
