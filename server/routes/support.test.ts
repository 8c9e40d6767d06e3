import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, auditLog, temporaryAccessCodes } from '../db/schema';
import { createTestServer, json, type TestServer } from '../testing/harness';

const ALICE = 'alice-token-0123456789abcdefghij';
const BOB = 'bob-token-0123456789abcdefghijklm';
const alice = { authorization: `Bearer ${ALICE}` };

type Account = {
  id: string;
  name: string;
  status: string;
  locked: boolean;
  contacts: { email: string | null; phone: string | null; username: string | null };
  loginMethod: string;
  loginWith: { kind: string; masked: string };
  employers: { name: string; primary: boolean }[];
  codeChecks: { kind: string; state: string }[];
  helpRequests: { via: string; purpose: string; outcome: string | null }[];
  deliveries: { recipient: string; template: string; channel: string }[];
  auditLog: { actor: string; action: string }[];
  mergedFrom: { email: string | null }[];
  actions: Record<string, unknown>;
};
type ErrorBody = { error: { code: string; message: string } };

describe('support API (staff token)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({
      SUPPORT_TOKENS: `Alice Tremblay:${ALICE}, Bob:${BOB}`,
      IP_SEND_LIMIT: '10000',
      IP_VERIFY_LIMIT: '10000',
      FAILURES_BEFORE_COOLDOWN: '3',
      SUPPORT_AUTH_FAILURE_LIMIT: '1000',
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
  });

  const lookUp = async (contact: string, headers: Record<string, string> = alice) =>
    server.post('/api/v1/support/account-lookups', { contact }, headers);
  const accountOf = async (contact: string) =>
    (await json<{ account: Account }>(await lookUp(contact))).account;
  const act = async (id: string, action: string, body?: unknown, headers: Record<string, string> = alice) =>
    body === undefined
      ? server.app.request(`/api/v1/support/accounts/${id}/${action}`, { method: 'POST', headers })
      : server.post(`/api/v1/support/accounts/${id}/${action}`, body, headers);
  const auditRows = (action: string) =>
    server.ctx.db.select().from(auditLog).where(eq(auditLog.action, action));

  describe('sign-in', () => {
    const requests: [string, (headers: Record<string, string>) => Promise<Response>][] = [
      ['GET session', (headers) => server.get('/api/v1/support/session', headers)],
      ['POST account-lookups', (headers) => lookUp('alex.martin@example.com', headers)],
      [
        'POST unlocks',
        (headers) => act('00000000-0000-4000-8000-000000000000', 'unlocks', undefined, headers),
      ],
      [
        'POST invitation-resends',
        (headers) => act('00000000-0000-4000-8000-000000000000', 'invitation-resends', {}, headers),
      ],
      [
        'POST temporary-access-codes',
        (headers) =>
          act('00000000-0000-4000-8000-000000000000', 'temporary-access-codes', undefined, headers),
      ],
      [
        'POST email-releases',
        (headers) => act('00000000-0000-4000-8000-000000000000', 'email-releases', undefined, headers),
      ],
      ['GET reports', (headers) => server.get('/api/v1/support/reports', headers)],
      [
        'POST with a malformed body',
        (headers) => server.post('/api/v1/support/account-lookups', '{"x', headers),
      ],
    ];
    const wrong: Record<string, Record<string, string>> = {
      'no header': {},
      'an empty bearer': { authorization: 'Bearer ' },
      'a wrong token': { authorization: 'Bearer alice-token-0123456789abcdefghiX' },
      'a prefix of a token': { authorization: `Bearer ${ALICE.slice(0, -1)}` },
      'the token with a suffix': { authorization: `Bearer ${ALICE}x` },
      'another scheme': { authorization: `Basic ${ALICE}` },
      'the token without a scheme': { authorization: ALICE },
      'a huge header': { authorization: `Bearer ${'a'.repeat(5000)}` },
    };

    it.each(requests)('%s: the same 401 for a missing, malformed or wrong token', async (_name, send) => {
      const answers = new Set<string>();
      for (const headers of Object.values(wrong)) {
        const response = await send(headers);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="support"');
        answers.add(await response.text());
      }
      expect([...answers]).toEqual([
        JSON.stringify({
          error: { code: 'support-unauthorized', message: 'Sign in with a valid support token.' },
        }),
      ]);
    });

    it('names the agent a token belongs to, in French too for errors', async () => {
      expect(await json(await server.get('/api/v1/support/session', alice))).toEqual({
        agent: 'Alice Tremblay',
      });
      expect(
        await json(await server.get('/api/v1/support/session', { authorization: `Bearer ${BOB}` })),
      ).toEqual({
        agent: 'Bob',
      });
      const french = await server.get('/api/v1/support/session', { 'accept-language': 'fr-CA' });
      expect(await json(french)).toEqual({
        error: { code: 'support-unauthorized', message: 'Connectez-vous avec un jeton de soutien valide.' },
      });
    });

    it('refuses a token passed in the URL', async () => {
      const response = await server.get(`/api/v1/support/session?token=${ALICE}`);
      expect(response.status).toBe(401);
    });

    it('in production: no development token; an address that keeps guessing is slowed down', async () => {
      const production = await createTestServer(
        { APP_ENV: 'production', SUPPORT_TOKENS: `Alice:${ALICE}`, SUPPORT_AUTH_FAILURE_LIMIT: '3' },
        { seed: false },
      );
      try {
        const statuses: number[] = [];
        for (const token of [
          'dev-support-token-not-for-production',
          'guess-1',
          'guess-2',
          'guess-3',
          'guess-4',
        ])
          statuses.push(
            (await production.get('/api/v1/support/session', { authorization: `Bearer ${token}` })).status,
          );
        expect(statuses).toEqual([401, 401, 401, 429, 429]);
        // While locked out, the right token gets the very same 429: a guesser learns nothing.
        const right = await production.get('/api/v1/support/session', { authorization: `Bearer ${ALICE}` });
        const wrong = await production.get('/api/v1/support/session', { authorization: 'Bearer guess-5' });
        expect(right.status).toBe(429);
        expect(await right.json()).toEqual(await wrong.json());
        expect(right.headers.get('retry-after')).toBe(wrong.headers.get('retry-after'));
        production.clock.advanceSeconds(301);
        expect(
          await json(await production.get('/api/v1/support/session', { authorization: `Bearer ${ALICE}` })),
        ).toEqual({ agent: 'Alice' });
        // The scheme is case-insensitive (RFC 9110).
        expect(
          await json(await production.get('/api/v1/support/session', { authorization: `bearer ${ALICE}` })),
        ).toEqual({ agent: 'Alice' });
      } finally {
        await production.close();
      }
    });
  });

  describe('account lookup', () => {
    it('shows the real status, employers and login method, with every contact masked; audited', async () => {
      const response = await lookUp(' +1 (514) 555-0103 ');
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain('morgan.roy@example.com');
      expect(text).not.toContain('5550103');
      const { account } = JSON.parse(text) as { account: Account };
      expect(account).toMatchObject({
        name: 'Morgan Roy',
        status: 'locked',
        locked: true,
        contacts: { email: 'm••••••y@example.com', phone: '+1 •••-•••-0103', username: null },
        loginMethod: 'code',
        loginWith: { kind: 'phone', masked: '+1 •••-•••-0103' },
        employers: [{ name: 'Harbourview Logistics', primary: true }],
        actions: {
          resendInvitation: false,
          unlock: true,
          temporaryAccessCode: true,
          temporaryAccessCodeRefusal: null,
          releaseEmail: false,
        },
      });
      const audit = await auditRows('support.account-viewed');
      expect(audit).toMatchObject([
        { actor: 'support:Alice Tremblay', accountId: account.id, details: { via: 'phone' } },
      ]);
    });

    it('lists recent help requests and deliveries, masked', async () => {
      await server.post('/api/v1/help-requests', {
        contact: 'ALEX.MARTIN@example.com',
        purpose: 'login-link',
      });
      await server.drain();
      const response = await lookUp('5145550101');
      const text = await response.text();
      expect(text).not.toContain('alex.martin@');
      const { account } = JSON.parse(text) as { account: Account };
      expect(account.helpRequests).toMatchObject([
        { via: 'a••••••n@example.com', purpose: 'login-link', outcome: 'login-link' },
      ]);
      expect(account.deliveries).toMatchObject([
        { recipient: 'a••••••n@example.com', template: 'login-link', channel: 'email' },
      ]);
    });

    it('finds a username account; says so when nothing matches; refuses what is not a contact', async () => {
      expect((await accountOf('DLavoie')).loginWith).toEqual({ kind: 'username', masked: 'd•••••e' });
      const missing = await lookUp('nobody@example.com');
      expect(missing.status).toBe(404);
      expect((await json<ErrorBody>(missing)).error.code).toBe('account-not-found');
      const invalid = await server.post(
        '/api/v1/support/account-lookups',
        { contact: 'not an email', locale: 'fr' },
        alice,
      );
      expect(invalid.status).toBe(400);
      expect((await json<ErrorBody>(invalid)).error.code).toBe('invalid-contact');
      const wrongType = await server.post('/api/v1/support/account-lookups', { contact: 42 }, alice);
      expect(wrongType.status).toBe(400);
    });
  });

  describe('unlock', () => {
    it('unlocks a locked account, audited with the agent’s name; a second unlock is refused', async () => {
      const before = await accountOf('morgan.roy@example.com');
      const response = await act(before.id, 'unlocks', undefined, { authorization: `Bearer ${BOB}` });
      expect(response.status).toBe(200);
      const { account } = await json<{ account: Account }>(response);
      expect(account).toMatchObject({ status: 'active', locked: false, actions: { unlock: false } });
      const [row] = await server.ctx.db.select().from(accounts).where(eq(accounts.id, before.id));
      expect(row).toMatchObject({ lockedAt: null, failedAttempts: 0 });
      expect(await auditRows('support.account-unlocked')).toMatchObject([
        { actor: 'support:Bob', accountId: before.id, details: { wasLocked: true, codeChecksCleared: [] } },
      ]);
      const again = await act(before.id, 'unlocks');
      expect(again.status).toBe(409);
      expect((await json<ErrorBody>(again)).error.code).toBe('not-locked');
      expect(await auditRows('support.account-unlocked')).toHaveLength(1);
    });

    it('clears the cool-down that wrong codes put on a contact', async () => {
      await server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
      await server.drain();
      for (let i = 0; i < 3; i++)
        await server.post('/api/v1/code-verifications', { contact: '+15145550101', code: '000000' });
      const cooling = await server.post('/api/v1/code-verifications', {
        contact: '+15145550101',
        code: '000000',
      });
      expect(cooling.status).toBe(429);
      const before = await accountOf('alex.martin@example.com');
      expect(before.codeChecks).toEqual([
        { kind: 'email', masked: 'a••••••n@example.com', state: 'open', until: null },
        {
          kind: 'phone',
          masked: '+1 •••-•••-0101',
          state: 'cooling-down',
          until: '2030-01-15T14:15:00.000Z',
        },
      ]);
      expect(before.actions.unlock).toBe(true);
      const { account } = await json<{ account: Account }>(await act(before.id, 'unlocks'));
      expect(account.codeChecks.map((check) => check.state)).toEqual(['open', 'open']);
      const [code] = (await server.outbox('+15145550101'))[0].codes;
      expect(
        (await server.post('/api/v1/code-verifications', { contact: '+15145550101', code })).status,
      ).toBe(200);
    });
  });

  describe('temporary access code', () => {
    it('is refused for a worker of several employers, and nothing is written', async () => {
      const riley = await accountOf('riley.g@example.org');
      expect(riley.employers.map((employer) => employer.name)).toEqual([
        'Harbourview Logistics',
        'Northbay Events',
      ]);
      expect(riley.actions).toMatchObject({
        temporaryAccessCode: false,
        temporaryAccessCodeRefusal: 'several-employers',
      });
      const response = await act(riley.id, 'temporary-access-codes', undefined, {
        ...alice,
        'accept-language': 'fr',
      });
      expect(response.status).toBe(409);
      expect(await json(response)).toEqual({
        error: {
          code: 'several-employers',
          message:
            'Cette personne travaille pour plusieurs employeurs\u00a0: impossible d’émettre un code d’accès temporaire. Aidez-la plutôt à réinitialiser sa connexion.',
        },
      });
      expect(await server.ctx.db.select().from(temporaryAccessCodes)).toEqual([]);
      expect(await auditRows('support.access-code-issued')).toEqual([]);
    });

    it('is refused for single sign-on and deactivated accounts', async () => {
      const sso = await act((await accountOf('avery.chen@example.com')).id, 'temporary-access-codes');
      expect((await json<ErrorBody>(sso)).error.code).toBe('single-sign-on-account');
      const gone = await act((await accountOf('taylor.nguyen@example.com')).id, 'temporary-access-codes');
      expect(gone.status).toBe(409);
      expect((await json<ErrorBody>(gone)).error.code).toBe('account-deactivated');
    });

    it('is shown once, stored as an HMAC, voids the previous one and is audited without the code', async () => {
      const alex = await accountOf('alex.martin@example.com');
      const first = await act(alex.id, 'temporary-access-codes');
      expect(first.status).toBe(201);
      const issued = await json<{ code: string; expiresAt: string }>(first);
      expect(issued.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(issued.expiresAt).toBe('2030-01-15T15:00:00.000Z');
      const second = await json<{ code: string }>(await act(alex.id, 'temporary-access-codes'));
      const rows = await server.ctx.db
        .select()
        .from(temporaryAccessCodes)
        .where(eq(temporaryAccessCodes.accountId, alex.id))
        .orderBy(temporaryAccessCodes.createdAt);
      expect(rows).toHaveLength(2);
      expect(rows.filter((row) => row.voidedAt === null)).toHaveLength(1);
      for (const row of rows) {
        expect(row.hash).not.toContain(issued.code.replace('-', ''));
        expect(row.issuedBy).toBe('Alice Tremblay');
      }
      const audit = await auditRows('support.access-code-issued');
      expect(audit).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain(issued.code);
      expect(JSON.stringify(audit)).not.toContain(second.code);
    });
  });

  describe('resend the invitation', () => {
    it('sends a first login code to an invited worker, within the resend interval; audited', async () => {
      const jordan = await accountOf('jordan.lee@example.com');
      expect(jordan).toMatchObject({ status: 'invited', actions: { resendInvitation: true } });
      const response = await act(jordan.id, 'invitation-resends', { locale: 'fr' });
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ channel: 'sms', recipient: '+1 •••-•••-0102' });
      await server.drain();
      const [message] = await server.outbox('+14385550102');
      expect(message).toMatchObject({ channel: 'sms', template: 'login-code', locale: 'fr', status: 'sent' });
      expect(message.text).toContain(`votre code de connexion est ${message.codes[0]}`);
      expect(await auditRows('support.invitation-resent')).toMatchObject([
        {
          actor: 'support:Alice Tremblay',
          details: { channel: 'sms', template: 'login-code', locale: 'fr' },
        },
      ]);
      const again = await act(jordan.id, 'invitation-resends', {});
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      // The code the invitation carries logs the worker in.
      const verified = await server.post('/api/v1/code-verifications', {
        contact: '+14385550102',
        code: message.codes[0],
      });
      expect(verified.status).toBe(200);
    });

    it('is refused once the worker accepted it', async () => {
      const response = await act((await accountOf('alex.martin@example.com')).id, 'invitation-resends');
      expect(response.status).toBe(409);
      expect((await json<ErrorBody>(response)).error.code).toBe('not-invited');
    });
  });

  describe('release the email of a merged account', () => {
    it('frees the address; the merged account no longer holds it; audited', async () => {
      const merged = await accountOf('riley.gagnon@example.com');
      expect(merged).toMatchObject({ status: 'deactivated', actions: { releaseEmail: true } });
      const survivorBefore = await accountOf('riley.g@example.org');
      expect(survivorBefore.mergedFrom).toEqual([
        { id: merged.id, name: 'Riley Gagnon', email: 'r••••••n@example.com' },
      ]);
      const response = await act(merged.id, 'email-releases');
      expect(response.status).toBe(200);
      expect((await json<{ account: Account }>(response)).account.contacts.email).toBeNull();
      expect((await lookUp('riley.gagnon@example.com')).status).toBe(404);
      expect((await accountOf('riley.g@example.org')).mergedFrom[0].email).toBeNull();
      expect(await auditRows('support.email-released')).toMatchObject([
        { actor: 'support:Alice Tremblay', accountId: merged.id, details: { email: 'r••••••n@example.com' } },
      ]);
      const again = await act(merged.id, 'email-releases');
      expect((await json<ErrorBody>(again)).error.code).toBe('no-email-on-file');
    });

    it('is refused for an account that was not merged', async () => {
      const response = await act((await accountOf('taylor.nguyen@example.com')).id, 'email-releases');
      expect(response.status).toBe(409);
      expect((await json<ErrorBody>(response)).error.code).toBe('not-merged');
    });
  });

  it('development makes fresh accounts in a given case for end-to-end tests', async () => {
    const created = await json<{ id: string; email: string }>(
      await server.post('/api/dev/accounts', { case: 'several-employers' }),
    );
    expect(created.email).toMatch(/^worker-[0-9a-f]{8}@example\.com$/);
    const account = await accountOf(created.email);
    expect(account).toMatchObject({
      id: created.id,
      status: 'active',
      actions: { temporaryAccessCode: false },
    });
    const locked = await json<{ email: string }>(await server.post('/api/dev/accounts', { case: 'locked' }));
    expect((await accountOf(locked.email)).status).toBe('locked');
    expect((await server.post('/api/dev/accounts', { case: 'admin' })).status).toBe(400);
  });

  it('answers 400 to a malformed account id and 404 to an unknown one', async () => {
    const malformed = await act('not-a-uuid', 'unlocks');
    expect(malformed.status).toBe(400);
    expect((await json<ErrorBody>(malformed)).error.code).toBe('invalid-request');
    const unknown = await act('00000000-0000-4000-8000-000000000000', 'unlocks');
    expect(unknown.status).toBe(404);
    expect((await json<ErrorBody>(unknown)).error.code).toBe('account-not-found');
  });

  it('writes every action to the audit log under the agent’s name', async () => {
    await accountOf('morgan.roy@example.com');
    await act((await accountOf('morgan.roy@example.com')).id, 'unlocks');
    const rows = await server.ctx.db.select().from(auditLog).where(like(auditLog.action, 'support.%'));
    expect(rows.map((row) => [row.actor, row.action])).toEqual([
      ['support:Alice Tremblay', 'support.account-viewed'],
      ['support:Alice Tremblay', 'support.account-viewed'],
      ['support:Alice Tremblay', 'support.account-unlocked'],
    ]);
    const viewed = await server.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'support.account-unlocked'), eq(auditLog.actor, 'support:Alice Tremblay')),
      );
    expect(viewed[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
