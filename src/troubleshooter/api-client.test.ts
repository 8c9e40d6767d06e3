import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContact, fetchAccountStatus, parseAccount, requestHelp, verifyCode } from './api-client';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;
const calls: Array<{ url: string; init: RequestInit }> = [];

function serve(handler: Handler) {
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return handler(url, init);
  });
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => vi.unstubAllGlobals());

const apiAccount = {
  status: 'locked',
  loginMethod: 'password',
  smsEligible: false,
  emailOnFile: true,
  emailConfirmed: true,
  loginWith: { kind: 'username', masked: 'sa•••42' },
  deactivationReason: null,
  locked: true,
  lockedUntil: '2030-01-01T15:30:00.000Z',
  employerName: 'Northwind Staffing',
  employerCount: 2,
};

describe('API client', () => {
  it('posts the contact as JSON in the worker language and reads the check', async () => {
    serve(() =>
      json(200, { kind: 'phone', normalized: '+15145550134', smsEligible: true, suggestion: null }),
    );
    const outcome = await checkContact({ contact: '514 555 0134', locale: 'fr' });
    expect(outcome).toMatchObject({
      type: 'ok',
      check: {
        kind: 'phone',
        normalized: '+15145550134',
        smsEligible: true,
        suggestion: null,
        message: null,
      },
    });
    expect(calls[0].url).toBe('/api/v1/contact-checks');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ contact: '514 555 0134', locale: 'fr' });
    const headers = new Headers(calls[0].init.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('accept-language')).toBe('fr');
    expect(calls[0].init.credentials).toBe('omit');
  });

  it('keeps the reason an input is not a contact, in the words of the API', async () => {
    serve(() =>
      json(200, {
        kind: 'invalid',
        normalized: null,
        smsEligible: false,
        suggestion: null,
        message: 'Trop court.',
      }),
    );
    expect(await checkContact({ contact: '12', locale: 'fr' })).toMatchObject({
      check: { kind: 'invalid', message: 'Trop court.' },
    });
  });

  it('reads an accepted help request and its countdowns', async () => {
    serve(() => json(202, { status: 'sent-if-on-file', retryAfterSeconds: 60, expiresInSeconds: 600 }));
    const outcome = await requestHelp({
      contact: 'sam@example.com',
      purpose: 'unlock',
      channel: null,
      locale: 'en',
    });
    expect(outcome).toMatchObject({ type: 'sent', retryAfterSeconds: 60, expiresInSeconds: 600 });
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      contact: 'sam@example.com',
      purpose: 'unlock',
      locale: 'en',
    });
  });

  it('turns a 429 into a wait from Retry-After (seconds or a date)', async () => {
    serve(() => json(429, { error: { code: 'rate-limited', message: 'Wait.' } }, { 'Retry-After': '42' }));
    expect(
      await requestHelp({ contact: 'a@b.co', purpose: 'login-code', channel: 'email', locale: 'en' }),
    ).toMatchObject({
      type: 'rate-limited',
      retryAfterSeconds: 42,
    });
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    serve(() =>
      json(429, { error: { code: 'rate-limited', message: 'Wait.' } }, { 'Retry-After': inTwoMinutes }),
    );
    const outcome = await requestHelp({
      contact: 'a@b.co',
      purpose: 'login-code',
      channel: 'email',
      locale: 'en',
    });
    expect(outcome.type === 'rate-limited' && outcome.retryAfterSeconds).toBeGreaterThanOrEqual(118);
  });

  it('passes on the API refusal and its message', async () => {
    serve(() =>
      json(400, { error: { code: 'sms-not-possible', message: 'Les textos ne vont qu’aux numéros +1.' } }),
    );
    expect(
      await requestHelp({ contact: '+33612345678', purpose: 'login-code', channel: 'sms', locale: 'fr' }),
    ).toEqual({
      type: 'rejected',
      code: 'sms-not-possible',
      message: 'Les textos ne vont qu’aux numéros +1.',
    });
  });

  it.each([
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
    [
      'a 502 from a proxy',
      () =>
        new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    ],
    [
      'a 404 (no API behind this address)',
      () => json(404, { error: { code: 'not_found', message: 'Not found' } }),
    ],
    [
      'an HTML page with 200',
      () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
  ])('calls %s unreachable, never an error the worker caused', async (_, handler) => {
    serve(handler as Handler);
    expect(await checkContact({ contact: 'x', locale: 'en' })).toEqual({ type: 'unreachable' });
    expect(await requestHelp({ contact: 'x', purpose: 'login-code', channel: null, locale: 'en' })).toEqual({
      type: 'unreachable',
    });
    expect(await verifyCode({ contact: 'x', code: '123456', locale: 'en' })).toEqual({ type: 'unreachable' });
    expect(await fetchAccountStatus({ token: 't', locale: 'en' })).toEqual({ type: 'unreachable' });
  });

  it('gives up on a request that hangs (a phone on a dead network) after 15 seconds', async () => {
    vi.useFakeTimers();
    try {
      serve(
        (_, init) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'AbortError'))),
          ),
      );
      const pending = checkContact({ contact: 'x', locale: 'en' });
      await vi.advanceTimersByTimeAsync(14_000);
      let settled = false;
      void pending.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await pending).toEqual({ type: 'unreachable' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not report a request the worker cancelled as an outage', async () => {
    const controller = new AbortController();
    serve(
      (_, init) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const pending = checkContact({ contact: 'x', locale: 'en' }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('verifies a code and reads the account; a 400 is the one uniform refusal', async () => {
    serve(() => json(200, { sessionToken: 'tok', expiresInSeconds: 900, account: apiAccount }));
    expect(await verifyCode({ contact: '+15145550134', code: '123456', locale: 'en' })).toEqual({
      type: 'verified',
      sessionToken: 'tok',
      account: {
        status: 'locked',
        loginMethod: 'password',
        smsEligible: false,
        emailOnFile: true,
        loginWith: { kind: 'username', masked: 'sa•••42' },
        deactivationReason: null,
        lockedUntil: '2030-01-01T15:30:00.000Z',
        employerName: 'Northwind Staffing',
        employerCount: 2,
      },
    });
    serve(() =>
      json(400, { error: { code: 'invalid-or-expired-code', message: 'Invalid or expired code.' } }),
    );
    expect(await verifyCode({ contact: '+15145550134', code: '000000', locale: 'en' })).toEqual({
      type: 'invalid',
    });
  });

  it('sends the session as a Bearer token and tells an expired session apart', async () => {
    serve(() => json(200, { account: apiAccount, expiresInSeconds: 600 }));
    expect(await fetchAccountStatus({ token: 'tok', locale: 'en' })).toMatchObject({
      type: 'ok',
      account: { status: 'locked' },
    });
    expect(new Headers(calls[0].init.headers).get('authorization')).toBe('Bearer tok');
    expect(calls[0].init.method).toBe('GET');
    serve(() => json(401, { error: { code: 'unauthorized', message: 'Session expired.' } }));
    expect(await fetchAccountStatus({ token: 'old', locale: 'en' })).toEqual({ type: 'expired' });
  });

  it('reads an account view leniently and refuses one without a known status', () => {
    expect(parseAccount({ status: 'active' })).toEqual({
      status: 'active',
      loginMethod: 'code',
      smsEligible: false,
      emailOnFile: false,
      loginWith: null,
      deactivationReason: null,
      lockedUntil: null,
      employerName: null,
      employerCount: 1,
    });
    expect(parseAccount({ status: 'banana' })).toBeNull();
    expect(parseAccount('active')).toBeNull();
  });
});
