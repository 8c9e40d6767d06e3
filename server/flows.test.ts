import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './db/demo-data';
import type { OutboxMessage } from './messaging/outbox';
import { createTestServer, json, TEST_BASE_URL, type TestServer } from './testing/harness';

type Account = Record<string, unknown>;

/**
 * The whole path for every demo account: help request → message in the outbox → verify the code
 * (or follow the link) → the account status the worker then sees.
 */
describe('request → outbox → verify → status, for every demo account', () => {
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

  async function ask(contact: string, purpose = 'login-code', locale = 'en'): Promise<OutboxMessage[]> {
    const before = (await server.outbox()).length;
    const response = await server.post('/api/v1/help-requests', { contact, purpose, locale });
    expect(response.status).toBe(202);
    await server.drain();
    server.clock.advanceSeconds(61);
    const all = await server.outbox();
    return all.slice(0, all.length - before).reverse();
  }
  async function verify(contact: string, code: string): Promise<Account> {
    const response = await server.post('/api/v1/code-verifications', { contact, code });
    expect(response.status).toBe(200);
    const { sessionToken, account } = await json<{ sessionToken: string; account: Account }>(response);
    const status = await server.get('/api/v1/account-status', { authorization: `Bearer ${sessionToken}` });
    expect((await json<{ account: Account }>(status)).account).toEqual(account);
    return account;
  }
  async function codeFlow(contact: string, expected: { channel: string; to: string }): Promise<Account> {
    const [message, ...others] = await ask(contact);
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      template: 'login-code',
      channel: expected.channel,
      recipient: expected.to,
      status: 'sent',
    });
    expect(message.codes).toHaveLength(1);
    expect(message.text).toContain(message.codes[0]);
    return verify(contact, message.codes[0]);
  }
  const tokenOf = (message: OutboxMessage) => new URL(message.links[0]).hash.replace('#token=', '');

  const flows: Record<string, () => Promise<void>> = {
    'alex.martin@example.com': async () => {
      const account = await codeFlow('+1 514 555 0101', { channel: 'sms', to: '+15145550101' });
      expect(account).toMatchObject({ status: 'active', loginMethod: 'code', smsEligible: true });
    },
    'camille.dubois@example.org': async () => {
      const sms = await server.post('/api/v1/help-requests', {
        contact: '+33 6 39 98 01 23',
        purpose: 'login-code',
      });
      expect((await json<{ error: { code: string } }>(sms)).error.code).toBe('sms-unavailable');
      const account = await codeFlow('Camille.Dubois@example.org', {
        channel: 'email',
        to: 'camille.dubois@example.org',
      });
      expect(account).toMatchObject({
        status: 'active',
        smsEligible: false,
        loginWith: { kind: 'email', masked: 'c••••••s@example.org' },
      });
    },
    'jordan.lee@example.com': async () => {
      const [message] = await ask('jordan.lee@example.com');
      expect(message.text).toContain('Welcome! Northbay Events invited you');
      const account = await verify('jordan.lee@example.com', message.codes[0]);
      expect(account).toMatchObject({ status: 'invited', employerName: 'Northbay Events' });
    },
    'morgan.roy@example.com': async () => {
      // By SMS: a notice, and the unlock link by email.
      const [notice, email] = await ask('+15145550103');
      expect(notice).toMatchObject({ channel: 'sms', template: 'locked-notice', codes: [] });
      expect(email).toMatchObject({
        channel: 'email',
        template: 'unlock-link',
        recipient: 'morgan.roy@example.com',
      });
      // By email: the unlock link (French), which lands on the French page.
      const [unlock] = await ask('morgan.roy@example.com', 'login-code', 'fr');
      expect(unlock.template).toBe('unlock-link');
      expect(unlock.links[0]).toMatch(
        new RegExp(`^${TEST_BASE_URL}/fr/account/unlock#token=[A-Za-z0-9_-]{43}$`),
      );
      expect(unlock.subject).toBe('Déverrouillez votre compte WorkforceApp');
      // The earlier unlock link was voided by the newer one.
      expect((await server.post('/api/v1/unlocks', { token: tokenOf(email) })).status).toBe(400);
      const unlocked = await server.post('/api/v1/unlocks', { token: tokenOf(unlock) });
      expect(await json(unlocked)).toEqual({ status: 'unlocked' });
      const account = await codeFlow('morgan.roy@example.com', {
        channel: 'email',
        to: 'morgan.roy@example.com',
      });
      expect(account).toMatchObject({ status: 'active', locked: false });
    },
    'sam.tremblay@example.org': async () => {
      const [confirmation] = await ask('sam.tremblay@example.org');
      expect(confirmation.template).toBe('confirmation-link');
      expect(confirmation.links[0]).toContain('/account/confirm-email#token=');
      expect(
        await json(await server.post('/api/v1/email-confirmations', { token: tokenOf(confirmation) })),
      ).toEqual({
        status: 'confirmed',
      });
      const account = await codeFlow('sam.tremblay@example.org', {
        channel: 'email',
        to: 'sam.tremblay@example.org',
      });
      expect(account).toMatchObject({ status: 'active', emailConfirmed: true });
    },
    'riley.gagnon@example.com': async () => {
      const [notice, ...others] = await ask('riley.gagnon@example.com');
      expect(others).toEqual([]);
      expect(notice).toMatchObject({ template: 'deactivated', codes: [], links: [] });
      expect(notice.text).toContain('merged with another WorkforceApp account');
      expect(notice.text).toContain('they can release it');
      expect(
        (
          await server.post('/api/v1/code-verifications', {
            contact: 'riley.gagnon@example.com',
            code: '123456',
          })
        ).status,
      ).toBe(400);
    },
    'riley.g@example.org': async () => {
      const account = await codeFlow('+1 514 555 0104', { channel: 'sms', to: '+15145550104' });
      expect(account).toMatchObject({
        status: 'active',
        employerCount: 2,
        employerName: 'Harbourview Logistics',
      });
    },
    'taylor.nguyen@example.com': async () => {
      const [sms] = await ask('+14385550105');
      expect(sms).toMatchObject({ channel: 'sms', template: 'deactivated', codes: [] });
      expect(sms.text).toContain('access removed by your employer');
      const [email] = await ask('taylor.nguyen@example.com', 'password-reset', 'fr');
      expect(email.text).toContain('Northbay Events a retiré votre accès');
    },
    'casey.bouchard@example.org': async () => {
      const [notice] = await ask('casey.bouchard@example.org');
      expect(notice.template).toBe('deactivated');
      expect(notice.text).toContain('Old Mill Catering no longer uses WorkforceApp');
    },
    'dominique.lavoie@example.com': async () => {
      const [message] = await ask('DLavoie');
      expect(message).toMatchObject({ template: 'login-code', recipient: 'dominique.lavoie@example.com' });
      expect(message.text).toContain('your username "dlavoie"');
      // The development outbox finds it by the username it was asked with, or by its recipient.
      expect((await server.outbox('dlavoie')).map((m) => m.id)).toEqual([message.id]);
      expect((await server.outbox('dominique.lavoie@example.com')).map((m) => m.id)).toEqual([message.id]);
      const account = await verify('dlavoie', message.codes[0]);
      expect(account).toMatchObject({
        loginMethod: 'password',
        loginWith: { kind: 'username', masked: 'd•••••e' },
      });
      const [reset] = await ask('dlavoie', 'password-reset');
      expect(reset.template).toBe('password-reset-link');
      const changed = await server.post('/api/v1/password-resets', {
        token: tokenOf(reset),
        password: 'mauve-tambour-91',
      });
      expect(await json(changed)).toEqual({ status: 'password-changed' });
    },
    'avery.chen@example.com': async () => {
      const account = await codeFlow('+1 438 555 0107', { channel: 'sms', to: '+14385550107' });
      expect(account).toMatchObject({ loginMethod: 'sso', employerName: 'Maple Ridge Health' });
      const [notice] = await ask('avery.chen@example.com', 'password-reset');
      expect(notice.template).toBe('sso-notice');
      expect(notice.text).toContain('single sign-on');
    },
  };

  it('has a flow for every demo account', () => {
    expect(Object.keys(flows).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email ?? a.phone).sort());
  });

  it.each(Object.keys(flows))('%s', async (key) => {
    await flows[key]();
  });

  it('tells an unknown email once a day that no account uses it, and an unknown phone nothing', async () => {
    const [notice] = await ask('nobody.here@example.org');
    expect(notice).toMatchObject({
      template: 'no-account',
      recipient: 'nobody.here@example.org',
      codes: [],
      links: [],
    });
    expect(notice.text).toContain('no account uses it');
    expect(await ask('nobody.here@example.org')).toEqual([]);
    server.clock.advanceSeconds(86_400);
    expect(await ask('nobody.here@example.org', 'login-code', 'fr')).toMatchObject([
      { template: 'no-account', locale: 'fr' },
    ]);
    expect(await ask('+15145550199')).toEqual([]);
    expect(await ask('ghost42', 'password-reset')).toEqual([]);
  });

  it('counts that notice per mailbox: tagged variants of one address do not flood it', async () => {
    const [first] = await ask('flood+1@example.net');
    expect(first).toMatchObject({ template: 'no-account', recipient: 'flood+1@example.net' });
    for (const variant of ['flood+2@example.net', 'flood+spam@example.net', 'flood@example.net'])
      expect(await ask(variant), variant).toEqual([]);
    // Another mailbox still gets its own.
    expect(await ask('other+1@example.net')).toMatchObject([{ template: 'no-account' }]);
  });
});
