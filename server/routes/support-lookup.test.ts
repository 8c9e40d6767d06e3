import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../src/troubleshooter/steps';
import { accounts } from '../db/schema';
import { json } from '../testing/harness';
import { LOGIN_HELP_STEPS, type SupportAccount } from '../services/support';
import { alice, useSupportServer, type ErrorBody } from '../testing/support-fixture';
import { eq } from 'drizzle-orm';

type AuditPage = { entries: SupportAccount['auditLog']; next: string | null };

describe('support API (staff token): what the lookup tells during a call', () => {
  const support = useSupportServer();
  const { lookUp, accountOf, act, auditRows } = support;
  const helpRequest = (contact: string, purpose = 'login-code', locale = 'en') =>
    support.server.post('/api/v1/help-requests', { contact, purpose, locale });

  describe('help requests', () => {
    it('lists every request with what came of it, refused ones too, and when the next is possible', async () => {
      const start = support.server.clock.now().getTime();
      expect((await helpRequest('alex.martin@example.com')).status).toBe(202);
      expect((await helpRequest('ALEX.MARTIN@example.com')).status).toBe(429);
      expect((await helpRequest('+15145550101', 'login-link')).status).toBe(400);
      await support.server.drain();
      const response = await lookUp('+1 514 555 0101');
      const text = await response.text();
      expect(text).not.toContain('alex.martin@');
      expect(text).not.toContain('5550101');
      const { account } = JSON.parse(text) as { account: SupportAccount };
      expect(account.helpRequests).toMatchObject([
        { via: '+1 •••-•••-0101', purpose: 'login-link', result: 'refused', refusal: 'email-required' },
        { via: 'a••••••n@example.com', purpose: 'login-code', result: 'cooling-down', messages: [] },
        { via: 'a••••••n@example.com', purpose: 'login-code', result: 'sent', messages: ['login-code'] },
      ]);
      expect(account.nextHelpRequests).toEqual([
        { kind: 'email', masked: 'a••••••n@example.com', at: new Date(start + 60_000).toISOString() },
        { kind: 'phone', masked: '+1 •••-•••-0101', at: null },
      ]);
    });

    it('tells the hourly limit from the cool-down', async () => {
      for (let sent = 0; sent < 5; sent++) {
        expect((await helpRequest('+15145550101')).status).toBe(202);
        support.server.clock.advanceSeconds(61);
      }
      expect((await helpRequest('+15145550101')).status).toBe(429);
      const account = await accountOf('alex.martin@example.com');
      expect(account.helpRequests.map((request) => request.result)).toEqual([
        'limit-reached',
        'queued',
        'queued',
        'queued',
        'queued',
        'queued',
      ]);
      const next = account.nextHelpRequests.find((entry) => entry.kind === 'phone')!;
      // The first of the five leaves the hour 6 × 61 s after it was sent.
      expect(new Date(next.at!).getTime() - support.server.clock.now().getTime()).toBe(
        (3600 - 5 * 61) * 1000,
      );
    });
  });

  describe('audit log', () => {
    it('keeps the lock with its cause, and the unlock says what it cleared', async () => {
      const locked = await accountOf('morgan.roy@example.com');
      expect(locked.auditLog).toMatchObject([
        { actor: 'app', action: 'account.locked', details: { cause: 'failed-attempts', failedAttempts: 10 } },
      ]);
      const { account } = await json<{ account: SupportAccount }>(await act(locked.id, 'unlocks'));
      expect(account.auditLog.map((entry) => entry.action)).toEqual([
        'support.account-unlocked',
        'account.locked',
      ]);
      expect(account.auditLog[0]).toMatchObject({
        actor: 'support:Alice Tremblay',
        details: { wasLocked: true, lockedAt: locked.lockedAt, failedAttempts: 10 },
      });
    });

    it('records when wrong codes pause code checks, on the account of the contact', async () => {
      await helpRequest('+15145550101');
      await support.server.drain();
      for (let i = 0; i < 3; i++)
        await support.server.post('/api/v1/code-verifications', { contact: '+15145550101', code: '000000' });
      const account = await accountOf('alex.martin@example.com');
      expect(account.auditLog).toMatchObject([
        {
          actor: 'system',
          action: 'code-checks.paused',
          details: {
            cause: 'wrong-codes',
            contact: 'phone',
            blocked: false,
            until: account.codeChecks[1].until,
          },
        },
      ]);
      // A contact on file or not: the same answers, and nothing written for nobody.
      for (let i = 0; i < 3; i++)
        await support.server.post('/api/v1/code-verifications', { contact: '+15145550199', code: '000000' });
      expect(await auditRows('code-checks.paused')).toHaveLength(1);
    });

    it('keeps look-ups apart, counted, and pages the log', async () => {
      const alex = await accountOf('alex.martin@example.com');
      for (let i = 0; i < 22; i++) await act(alex.id, 'temporary-access-codes');
      const account = await accountOf('+15145550101');
      expect(account.lookups).toEqual({
        count: 2,
        lastAt: support.server.clock.now().toISOString(),
        lastBy: 'support:Alice Tremblay',
      });
      expect(account.auditLog).toHaveLength(20);
      expect(account.auditLog.every((entry) => entry.action === 'support.access-code-issued')).toBe(true);
      expect(account.auditNext).toBe(account.auditLog[19].id);
      const older = await json<AuditPage>(
        await support.server.get(
          `/api/v1/support/accounts/${alex.id}/audit-entries?before=${account.auditNext}`,
          alice,
        ),
      );
      expect(older.entries).toHaveLength(2);
      expect(older.next).toBeNull();
      const ids = [...account.auditLog, ...older.entries].map((entry) => Number(entry.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const lookups = await json<AuditPage>(
        await support.server.get(`/api/v1/support/accounts/${alex.id}/audit-entries?kind=lookups`, alice),
      );
      expect(lookups.entries.map((entry) => [entry.action, entry.details])).toEqual([
        ['support.account-viewed', { via: 'phone' }],
        ['support.account-viewed', { via: 'email' }],
      ]);
    });
  });

  describe('the worker', () => {
    it('has a language: their profile’s, else their latest help request’s', async () => {
      expect((await accountOf('camille.dubois@example.org')).language).toEqual({
        locale: 'fr',
        source: 'profile',
      });
      expect((await accountOf('jordan.lee@example.com')).language).toEqual({
        locale: 'en',
        source: 'profile',
      });
      const created = await json<{ id: string; email: string }>(
        await support.server.post('/api/dev/accounts', { case: 'invited' }),
      );
      expect((await accountOf(created.email)).language).toEqual({ locale: null, source: null });
      await helpRequest(created.email, 'login-code', 'fr');
      expect((await accountOf(created.email)).language).toEqual({ locale: 'fr', source: 'help-request' });
      await support.server.ctx.db.update(accounts).set({ locale: 'en' }).where(eq(accounts.id, created.id));
      expect((await accountOf(created.email)).language).toEqual({ locale: 'en', source: 'profile' });
    });

    it('says where login codes reach the worker today', async () => {
      expect((await accountOf('alex.martin@example.com')).codesBy).toBe('sms');
      expect((await accountOf('camille.dubois@example.org')).codesBy).toBe('email');
      expect((await accountOf('dlavoie')).codesBy).toBeNull();
      expect((await accountOf('avery.chen@example.com')).codesBy).toBeNull();
    });

    it('finds a phone typed in its national format, with its country or its international prefix', async () => {
      const camille = await accountOf('camille.dubois@example.org');
      const french = await support.server.post(
        '/api/v1/support/account-lookups',
        { contact: '06 39 98 01 23', country: 'FR' },
        alice,
      );
      expect((await json<{ account: SupportAccount }>(french)).account.id).toBe(camille.id);
      expect((await accountOf('0033 6 39 98 01 23')).id).toBe(camille.id);
      expect((await accountOf('+33 (0)6 39 98 01 23')).id).toBe(camille.id);
      const unknownCountry = await support.server.post(
        '/api/v1/support/account-lookups',
        { contact: '06 39 98 01 23', locale: 'fr' },
        alice,
      );
      expect(unknownCountry.status).toBe(400);
      expect((await json<ErrorBody>(unknownCountry)).error).toEqual({
        code: 'invalid-contact',
        message:
          'Ce numéro commence par 0, il n’est donc pas nord-américain\u00a0: ajoutez l’indicatif du pays (par exemple +33) ou choisissez le pays.',
      });
      // North American numbers read the same whatever country is chosen.
      const alex = await support.server.post(
        '/api/v1/support/account-lookups',
        { contact: '(514) 555-0101', country: 'FR' },
        alice,
      );
      expect((await json<{ account: SupportAccount }>(alex)).account.name).toBe('Alex Martin');
    });
  });

  describe('login help (the way out when no temporary access code may be issued)', () => {
    it('offers a worker of two employers a login link, and the troubleshooter link in each language', async () => {
      const riley = await accountOf('riley.g@example.org');
      expect(riley.actions).toMatchObject({
        temporaryAccessCodeRefusal: 'several-employers',
        loginHelp: {
          template: 'login-link',
          channel: 'email',
          recipient: 'r•••••g@example.org',
          links: {
            en: 'https://help.example.com/troubleshoot?step=login-link',
            fr: 'https://help.example.com/fr/troubleshoot?step=login-link',
          },
        },
      });
      const response = await act(riley.id, 'login-help', { locale: 'fr' });
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ channel: 'email', recipient: 'r•••••g@example.org' });
      await support.server.drain();
      const [message] = await support.server.outbox('riley.g@example.org');
      expect(message).toMatchObject({ template: 'login-link', locale: 'fr', status: 'sent' });
      const token = new URL(message.links[0]).hash.replace('#token=', '');
      const used = await support.server.post('/api/v1/login-links', { token });
      expect(used.status).toBe(200);
      expect(await auditRows('support.login-help-sent')).toMatchObject([
        { actor: 'support:Alice Tremblay', details: { template: 'login-link', locale: 'fr' } },
      ]);
      expect((await act(riley.id, 'login-help', {})).status).toBe(429);
    });

    it('is a reset link for passwords, nothing for single sign-on', async () => {
      expect((await accountOf('dlavoie')).actions.loginHelp).toMatchObject({
        template: 'password-reset-link',
      });
      const avery = await accountOf('avery.chen@example.com');
      expect(avery.actions.loginHelp).toBeNull();
      const refused = await act(avery.id, 'login-help');
      expect(refused.status).toBe(409);
      expect((await json<ErrorBody>(refused)).error.code).toBe('no-login-help');
    });

    it('opens troubleshooter steps that exist', () => {
      for (const step of Object.values(LOGIN_HELP_STEPS)) expect(STEP_IDS).toContain(step);
    });
  });
});
