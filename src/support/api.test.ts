import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUnauthorized, supportApi } from './api';

const calls: Array<{ url: string; init: RequestInit }> = [];

function serve(status: number, body: unknown, headers: Record<string, string> = {}) {
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
}
const sent = () => ({
  url: calls[0].url,
  method: calls[0].init.method,
  headers: new Headers(calls[0].init.headers),
  body: calls[0].init.body === undefined ? undefined : JSON.parse(String(calls[0].init.body)),
});

afterEach(() => vi.unstubAllGlobals());

const TOKEN = 'a-support-token-of-24-chars-or-more';
const ID = '6f1c2b1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const account = { id: ID, name: 'Sam Roy', status: 'locked' };

describe('support API client', () => {
  it('looks an account up by the contact in the body, with the token in the header only', async () => {
    serve(200, { account });
    const outcome = await supportApi.lookUp(TOKEN, 'fr', 'sam@example.com', 'NA');
    expect(outcome).toMatchObject({ type: 'ok', data: { account } });
    const request = sent();
    expect(request).toMatchObject({
      url: '/api/v1/support/account-lookups',
      method: 'POST',
      body: { contact: 'sam@example.com', locale: 'fr' },
    });
    expect(request.url).not.toContain('sam');
    expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(request.headers.get('accept-language')).toBe('fr');
    expect(calls[0].init.credentials).toBe('omit');
  });

  it('sends the country of a national phone number with the contact, never in the URL', async () => {
    serve(200, { account });
    await supportApi.lookUp(TOKEN, 'fr', '06 39 98 01 23', 'FR');
    expect(sent()).toMatchObject({
      url: '/api/v1/support/account-lookups',
      body: { contact: '06 39 98 01 23', country: 'FR', locale: 'fr' },
    });
  });

  it('pages the audit log by cursor, and sends the login help in the language chosen', async () => {
    serve(200, { entries: [], next: null });
    await supportApi.auditEntries(TOKEN, 'en', ID, { kind: 'lookups', before: '42' });
    expect(sent()).toMatchObject({ method: 'GET' });
    expect(sent().url).toBe(`/api/v1/support/accounts/${ID}/audit-entries?kind=lookups&before=42`);
    serve(200, { account, channel: 'email', recipient: 'r•••••g@example.org' });
    await supportApi.sendLoginHelp(TOKEN, 'en', ID, 'fr');
    expect(sent()).toMatchObject({
      url: `/api/v1/support/accounts/${ID}/login-help`,
      method: 'POST',
      body: { locale: 'fr' },
    });
  });

  it('tells a 401 (the agent must sign in again) from the other refusals', async () => {
    serve(401, { error: { code: 'support-unauthorized', message: 'Sign in again.' } });
    const expired = await supportApi.session(TOKEN, 'en');
    expect(expired).toMatchObject({ type: 'refused', status: 401 });
    expect(isUnauthorized(expired)).toBe(true);

    serve(404, { error: { code: 'account-not-found', message: 'No account uses this contact.' } });
    const missing = await supportApi.lookUp(TOKEN, 'en', 'nobody@example.com', 'NA');
    expect(missing).toEqual({
      type: 'refused',
      status: 404,
      code: 'account-not-found',
      message: 'No account uses this contact.',
    });
    expect(isUnauthorized(missing)).toBe(false);
  });

  it('passes on how long to wait after a 429, with the API message', async () => {
    serve(
      429,
      { error: { code: 'rate-limited', message: 'Try again in 2 minutes.' } },
      { 'Retry-After': '120' },
    );
    expect(await supportApi.unlock(TOKEN, 'en', ID)).toMatchObject({
      type: 'rate-limited',
      retryAfterSeconds: 120,
      message: 'Try again in 2 minutes.',
    });
    expect(sent()).toMatchObject({ url: `/api/v1/support/accounts/${ID}/unlocks`, method: 'POST' });
  });

  it('counts a 5xx or an answer that is not the API’s as unreachable', async () => {
    serve(503, { error: { code: 'unavailable', message: 'Down.' } });
    expect(await supportApi.releaseEmail(TOKEN, 'en', ID)).toEqual({ type: 'unreachable' });
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 404 }));
    expect(await supportApi.report(TOKEN, 'en', '2030-01-01', '2030-01-31')).toEqual({ type: 'unreachable' });
  });

  it('sends the invitation in the language chosen for the worker and reads where it went', async () => {
    serve(200, { account, channel: 'sms', recipient: '+1 ••• ••• ••34' });
    const outcome = await supportApi.resendInvitation(TOKEN, 'en', ID, 'fr');
    expect(outcome).toMatchObject({ type: 'ok', data: { channel: 'sms', recipient: '+1 ••• ••• ••34' } });
    expect(sent()).toMatchObject({
      url: `/api/v1/support/accounts/${ID}/invitation-resends`,
      method: 'POST',
      body: { locale: 'fr' },
    });
    expect(sent().headers.get('accept-language')).toBe('en');
  });

  it('reads the temporary access code the API issued (201)', async () => {
    serve(201, { account, code: 'K7M2-Q9XT', expiresAt: '2030-01-15T15:00:00.000Z' });
    const outcome = await supportApi.issueAccessCode(TOKEN, 'en', ID);
    expect(outcome).toMatchObject({ type: 'ok', status: 201, data: { code: 'K7M2-Q9XT' } });
    expect(sent()).toMatchObject({ url: `/api/v1/support/accounts/${ID}/temporary-access-codes` });
  });

  it('keeps an account id inside its path segment', async () => {
    serve(200, { account });
    await supportApi.releaseEmail(TOKEN, 'en', '../reports?x=1');
    expect(sent().url).toBe('/api/v1/support/accounts/..%2Freports%3Fx%3D1/email-releases');
  });

  it('asks for the report of a period in the query', async () => {
    serve(200, { from: '2030-01-01T00:00:00.000Z', to: '2030-02-01T00:00:00.000Z' });
    await supportApi.report(TOKEN, 'fr', '2030-01-01', '2030-01-31');
    expect(sent()).toMatchObject({
      url: '/api/v1/support/reports?from=2030-01-01&to=2030-01-31',
      method: 'GET',
      body: undefined,
    });
  });
});
