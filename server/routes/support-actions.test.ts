import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/harness';
import type { SupportAccount } from '../services/support';
import { alice, BOB, useSupportServer, type ErrorBody } from '../testing/support-fixture';
import { accounts, auditLog, temporaryAccessCodes } from '../db/schema';

describe('support API (staff token): actions on an account', () => {
  const support = useSupportServer();
  const { lookUp, accountOf, act, auditRows } = support;

  describe('unlock', () => {
    it('unlocks a locked account, audited with the agent’s name; a second unlock is refused', async () => {
      const before = await accountOf('morgan.roy@example.com');
      const response = await act(before.id, 'unlocks', undefined, { authorization: `Bearer ${BOB}` });
      expect(response.status).toBe(200);
      const { account } = await json<{ account: SupportAccount }>(response);
      expect(account).toMatchObject({ status: 'active', locked: false, actions: { unlock: false } });
      const [row] = await support.server.ctx.db.select().from(accounts).where(eq(accounts.id, before.id));
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
      await support.server.post('/api/v1/help-requests', { contact: '+15145550101', purpose: 'login-code' });
      await support.server.drain();
      for (let i = 0; i < 3; i++)
        await support.server.post('/api/v1/code-verifications', { contact: '+15145550101', code: '000000' });
      const cooling = await support.server.post('/api/v1/code-verifications', {
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
      const { account } = await json<{ account: SupportAccount }>(await act(before.id, 'unlocks'));
      expect(account.codeChecks.map((check) => check.state)).toEqual(['open', 'open']);
      const [code] = (await support.server.outbox('+15145550101'))[0].codes;
      expect(
        (await support.server.post('/api/v1/code-verifications', { contact: '+15145550101', code })).status,
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
      expect(await support.server.ctx.db.select().from(temporaryAccessCodes)).toEqual([]);
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
      const rows = await support.server.ctx.db
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
      await support.server.drain();
      const [message] = await support.server.outbox('+14385550102');
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
      const verified = await support.server.post('/api/v1/code-verifications', {
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
      expect((await json<{ account: SupportAccount }>(response)).account.contacts.email).toBeNull();
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
      await support.server.post('/api/dev/accounts', { case: 'several-employers' }),
    );
    expect(created.email).toMatch(/^worker-[0-9a-f]{8}@example\.com$/);
    const account = await accountOf(created.email);
    expect(account).toMatchObject({
      id: created.id,
      status: 'active',
      actions: { temporaryAccessCode: false },
    });
    const locked = await json<{ email: string }>(
      await support.server.post('/api/dev/accounts', { case: 'locked' }),
    );
    expect((await accountOf(locked.email)).status).toBe('locked');
    expect((await support.server.post('/api/dev/accounts', { case: 'admin' })).status).toBe(400);
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
    const rows = await support.server.ctx.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'support.%'));
    expect(rows.map((row) => [row.actor, row.action])).toEqual([
      ['support:Alice Tremblay', 'support.account-viewed'],
      ['support:Alice Tremblay', 'support.account-viewed'],
      ['support:Alice Tremblay', 'support.account-unlocked'],
    ]);
    const viewed = await support.server.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'support.account-unlocked'), eq(auditLog.actor, 'support:Alice Tremblay')),
      );
    expect(viewed[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
