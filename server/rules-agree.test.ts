import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleText } from '../shared/rules-text';
import { loadRules } from './config';
import { createTestServer, type TestServer } from './testing/harness';

// One source for every rule: change a rule's variable and what the API enforces, what it serves to
// the browser (GET /api/v1/policy), what the site is built with (loadRules, as
// docusaurus.config.ts reads it) and what the messages say all change together.

const CHANGED = { CODE_TTL_SECONDS: '300', RESEND_INTERVAL_SECONDS: '120', PASSWORD_MIN_LENGTH: '14' };

describe('a rule changed in the environment changes everything that states or enforces it', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ ...CHANGED, IP_SEND_LIMIT: '10000', IP_VERIFY_LIMIT: '10000' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('the site build and the API read the same rules', async () => {
    const built = loadRules({ ...process.env, ...CHANGED });
    const response = await server.client.api.v1.policy.$get();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const served = await response.json();
    expect(served).toEqual(built);
    expect(served).toMatchObject({ codeTtlSeconds: 300, resendIntervalSeconds: 120, passwordMinLength: 14 });
    // How an article and a step say them (<Rule name="…" />, useRuleValues()).
    expect(ruleText(built, 'code-lifetime', 'en')).toBe('5 minutes');
    expect(ruleText(built, 'code-lifetime', 'fr')).toBe('5\u00a0minutes');
    expect(ruleText(built, 'resend-interval', 'en')).toBe('2 minutes');
    expect(ruleText(built, 'password-min-length', 'fr')).toBe('14');
  });

  it('the code lifetime: the message says it, the answer says it, the code dies then', async () => {
    const contact = 'jordan.lee@example.com';
    const accepted = await server.client.api.v1['help-requests'].$post({
      json: { contact, purpose: 'login-code', locale: 'fr' },
    });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toMatchObject({ expiresInSeconds: 300, retryAfterSeconds: 120 });
    await server.drain();
    const [message] = await server.outbox(contact);
    expect(message.text).toContain('Il est valide 5\u00a0minutes');
    server.clock.advanceSeconds(301);
    const late = await server.client.api.v1['code-verifications'].$post({
      json: { contact, code: message.codes[0] },
    });
    expect(late.status).toBe(400);
  });

  it('the resend interval: refused until it has passed, then accepted', async () => {
    const contact = 'nobody-rules@example.org';
    const ask = () =>
      server.client.api.v1['help-requests'].$post({ json: { contact, purpose: 'login-code' } });
    expect((await ask()).status).toBe(202);
    server.clock.advanceSeconds(119);
    const early = await ask();
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('1');
    server.clock.advanceSeconds(1);
    expect((await ask()).status).toBe(202);
  });

  it('the password rule: the reset email and the refusal say the configured length', async () => {
    const contact = 'dlavoie';
    expect(
      (await server.client.api.v1['help-requests'].$post({ json: { contact, purpose: 'password-reset' } }))
        .status,
    ).toBe(202);
    await server.drain();
    const [message] = await server.outbox(contact);
    expect(message.text).toContain('at least 14 characters');
    const token = new URL(message.links[0]).hash.slice('#token='.length);
    const short = await server.client.api.v1['password-resets'].$post({
      json: { token, password: 'mauve-tamb-91', locale: 'en' },
    });
    expect(short.status).toBe(400);
    expect(await short.json()).toEqual({
      error: { code: 'password-too-short', message: 'Your password needs at least 14 characters.' },
    });
    const long = await server.client.api.v1['password-resets'].$post({
      json: { token, password: 'mauve-tambour-91-rose' },
    });
    expect(long.status).toBe(200);
  });
});
