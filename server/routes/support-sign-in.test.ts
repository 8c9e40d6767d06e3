import { describe, expect, it } from 'vitest';
import { createTestServer, json } from '../testing/harness';
import type { SupportAccount } from '../services/support';
import { alice, ALICE, BOB, useSupportServer, type ErrorBody } from '../testing/support-fixture';

describe('support API (staff token): signing in and looking up', () => {
  const support = useSupportServer();
  const { lookUp, accountOf, act, auditRows } = support;

  describe('sign-in', () => {
    const requests: [string, (headers: Record<string, string>) => Promise<Response>][] = [
      ['GET session', (headers) => support.server.get('/api/v1/support/session', headers)],
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
      [
        'POST login-help',
        (headers) => act('00000000-0000-4000-8000-000000000000', 'login-help', {}, headers),
      ],
      [
        'GET audit-entries',
        (headers) =>
          support.server.get(
            '/api/v1/support/accounts/00000000-0000-4000-8000-000000000000/audit-entries',
            headers,
          ),
      ],
      ['GET reports', (headers) => support.server.get('/api/v1/support/reports', headers)],
      [
        'POST with a malformed body',
        (headers) => support.server.post('/api/v1/support/account-lookups', '{"x', headers),
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
      expect(await json(await support.server.get('/api/v1/support/session', alice))).toEqual({
        agent: 'Alice Tremblay',
      });
      expect(
        await json(await support.server.get('/api/v1/support/session', { authorization: `Bearer ${BOB}` })),
      ).toEqual({
        agent: 'Bob',
      });
      const french = await support.server.get('/api/v1/support/session', { 'accept-language': 'fr-CA' });
      expect(await json(french)).toEqual({
        error: { code: 'support-unauthorized', message: 'Connectez-vous avec un jeton de soutien valide.' },
      });
    });

    it('refuses a token passed in the URL', async () => {
      const response = await support.server.get(`/api/v1/support/session?token=${ALICE}`);
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
      const { account } = JSON.parse(text) as { account: SupportAccount };
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
      await support.server.post('/api/v1/help-requests', {
        contact: 'ALEX.MARTIN@example.com',
        purpose: 'login-link',
      });
      await support.server.drain();
      const response = await lookUp('5145550101');
      const text = await response.text();
      expect(text).not.toContain('alex.martin@');
      const { account } = JSON.parse(text) as { account: SupportAccount };
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
      const invalid = await support.server.post(
        '/api/v1/support/account-lookups',
        { contact: 'not an email', locale: 'fr' },
        alice,
      );
      expect(invalid.status).toBe(400);
      expect((await json<ErrorBody>(invalid)).error.code).toBe('invalid-contact');
      const wrongType = await support.server.post('/api/v1/support/account-lookups', { contact: 42 }, alice);
      expect(wrongType.status).toBe(400);
    });
  });
});
