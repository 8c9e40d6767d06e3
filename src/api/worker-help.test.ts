import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedbackApi } from './feedback';
import { checkContact, fetchAccountStatus, fetchPolicy, requestHelp, verifyCode } from './worker-help';

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

// As the server answers them (server/routes/schemas.ts, server/http/errors.ts).
const apiAccount = {
  status: 'locked',
  loginMethod: 'password',
  smsEligible: false,
  emailOnFile: true,
  emailConfirmed: true,
  loginWith: { kind: 'username', masked: 's•••••2' },
  deactivationReason: null,
  locked: true,
  lockedUntil: '2030-01-01T15:30:00.000Z',
  employerName: 'Northwind Staffing',
  employerCount: 2,
};
const phoneCheck = {
  kind: 'phone',
  normalized: '+15145550134',
  masked: '+1 •••-•••-0134',
  smsEligible: true,
  suggestion: null,
  reason: null,
  message: null,
};
const refusal = (code: string, message: string) => ({ error: { code, message } });

describe('worker help client', () => {
  it('posts the contact as JSON in the worker language and reads the check', async () => {
    serve(() => json(200, phoneCheck));
    const outcome = await checkContact({ contact: '514 555 0134', locale: 'fr' });
    expect(outcome).toMatchObject({ type: 'ok', status: 200, data: phoneCheck });
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
        masked: null,
        smsEligible: false,
        suggestion: null,
        reason: 'phone-format',
        message: 'Ce numéro de téléphone n’est pas valide.',
      }),
    );
    expect(await checkContact({ contact: '12', locale: 'fr' })).toMatchObject({
      data: { kind: 'invalid', masked: null, message: 'Ce numéro de téléphone n’est pas valide.' },
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
    expect(outcome).toMatchObject({
      type: 'ok',
      status: 202,
      data: { retryAfterSeconds: 60, expiresInSeconds: 600 },
    });
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      contact: 'sam@example.com',
      purpose: 'unlock',
      locale: 'en',
    });
  });

  it('turns a 429 into a wait from Retry-After (seconds or a date)', async () => {
    const tooMany = refusal('rate-limited', 'Too many requests. Please wait 42 seconds before trying again.');
    serve(() => json(429, tooMany, { 'Retry-After': '42' }));
    expect(
      await requestHelp({ contact: 'a@b.co', purpose: 'login-code', channel: 'email', locale: 'en' }),
    ).toMatchObject({
      type: 'rate-limited',
      retryAfterSeconds: 42,
    });
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    serve(() => json(429, tooMany, { 'Retry-After': inTwoMinutes }));
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
      json(
        400,
        refusal(
          'sms-unavailable',
          'Les textos ne sont envoyés qu’aux numéros nord-américains (+1). Utilisez plutôt votre adresse courriel.',
        ),
      ),
    );
    expect(
      await requestHelp({ contact: '+33612345678', purpose: 'login-code', channel: 'sms', locale: 'fr' }),
    ).toEqual({
      type: 'refused',
      status: 400,
      code: 'sms-unavailable',
      message:
        'Les textos ne sont envoyés qu’aux numéros nord-américains (+1). Utilisez plutôt votre adresse courriel.',
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
      () => json(404, refusal('not-found', 'There is nothing at this address.')),
    ],
    [
      'a 405 (a server without this route)',
      () => json(405, refusal('method-not-allowed', 'This method is not allowed here.')),
    ],
    [
      'an HTML page with 200',
      () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
  ])('calls %s unreachable, never an error the worker caused', async (_, handler) => {
    serve(handler as Handler);
    expect(await fetchPolicy({ locale: 'en' })).toEqual({ type: 'unreachable' });
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

  it('sends a request after the task that asked for it, and not at all once cancelled', async () => {
    serve(() => json(200, phoneCheck));
    const sent = checkContact({ contact: '514 555 0134', locale: 'en' });
    // The tap or render that asked is not held up by building and sending the request.
    expect(calls).toHaveLength(0);
    expect(await sent).toMatchObject({ type: 'ok', data: { normalized: '+15145550134' } });
    expect(calls).toHaveLength(1);

    const controller = new AbortController();
    const cancelled = checkContact({ contact: '514 555 0134', locale: 'en' }, controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(calls).toHaveLength(1);

    // An event that must outlive the page leaves at once: as the tab closes, there is no next task.
    feedbackApi.stepReached('0123456789abcdef0123456789abcdef', 'what-happens', 'en');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({
      url: expect.stringContaining('troubleshooter-events'),
      init: { keepalive: true },
    });
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
    expect(await verifyCode({ contact: '+15145550134', code: '123456', locale: 'en' })).toMatchObject({
      type: 'ok',
      data: { sessionToken: 'tok', account: apiAccount },
    });
    serve(() =>
      json(
        400,
        refusal(
          'invalid-or-expired-code',
          'This code is not valid or has expired. Use the newest code you received, or ask for a new one.',
        ),
      ),
    );
    expect(await verifyCode({ contact: '+15145550134', code: '000000', locale: 'en' })).toMatchObject({
      type: 'refused',
      status: 400,
      code: 'invalid-or-expired-code',
    });
  });

  it('sends the session as a Bearer token and tells an expired session apart', async () => {
    serve(() => json(200, { account: apiAccount, expiresInSeconds: 600 }));
    expect(await fetchAccountStatus({ token: 'tok', locale: 'en' })).toMatchObject({
      type: 'ok',
      data: { account: { status: 'locked' } },
    });
    expect(new Headers(calls[0].init.headers).get('authorization')).toBe('Bearer tok');
    expect(calls[0].init.method).toBe('GET');
    serve(() =>
      json(401, refusal('invalid-session', 'Your verification has expired. Enter a new code to continue.'), {
        'WWW-Authenticate': 'Bearer',
      }),
    );
    expect(await fetchAccountStatus({ token: 'old', locale: 'en' })).toMatchObject({
      type: 'refused',
      status: 401,
      code: 'invalid-session',
    });
  });

  it('reads the rules the API enforces', async () => {
    serve(() => json(200, { codeDigits: 6, codeMaxGuesses: 5, resendIntervalSeconds: 60 }));
    expect(await fetchPolicy({ locale: 'fr' })).toMatchObject({
      type: 'ok',
      data: { codeDigits: 6, codeMaxGuesses: 5 },
    });
    expect(calls[0].url).toBe('/api/v1/policy');
    expect(calls[0].init.method).toBe('GET');
  });
});
