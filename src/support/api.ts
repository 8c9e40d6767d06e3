/**
 * The browser's client of the support API (`/api/v1/support/*`, staff token) and of the anonymous
 * feedback endpoints. Every call resolves to an outcome instead of throwing: the pages tell the
 * agent or the reader what happened in their language, including when the API cannot be reached.
 */
export type Locale = 'en' | 'fr';

export type AccountStatus = 'active' | 'invited' | 'locked' | 'unconfirmed' | 'deactivated';
export type LoginMethod = 'code' | 'password' | 'sso';
export type ContactKind = 'email' | 'phone' | 'username';
export type AccessCodeRefusal = 'several-employers' | 'account-deactivated' | 'single-sign-on-account';

/** What `POST /api/v1/support/account-lookups` answers (server/routes/support-schemas.ts). */
export interface SupportAccount {
  id: string;
  name: string;
  status: AccountStatus;
  storedStatus: 'invited' | 'active' | 'deactivated';
  locked: boolean;
  lockedAt: string | null;
  lockedUntil: string | null;
  failedAttempts: number;
  emailConfirmed: boolean;
  deactivationReason: 'merged' | 'removed-by-employer' | 'employer-left' | null;
  contacts: { email: string | null; phone: string | null; username: string | null; smsEligible: boolean };
  loginMethod: LoginMethod;
  ssoProvider: string | null;
  loginWith: { kind: ContactKind; masked: string };
  employers: { id: string; name: string; loginMethod: LoginMethod; active: boolean; primary: boolean }[];
  mergedInto: { id: string; name: string; loginWith: string } | null;
  mergedFrom: { id: string; name: string; email: string | null }[];
  codeChecks: {
    kind: ContactKind;
    masked: string;
    state: 'open' | 'cooling-down' | 'blocked';
    until: string | null;
  }[];
  lastLoginAt: string | null;
  createdAt: string;
  helpRequests: {
    at: string;
    via: string;
    purpose: string;
    channel: 'sms' | 'email';
    locale: string;
    status: string;
    outcome: string | null;
  }[];
  deliveries: {
    at: string;
    channel: 'sms' | 'email';
    template: string;
    locale: string;
    recipient: string;
    status: string;
    attempts: number;
    sentAt: string | null;
  }[];
  auditLog: { at: string; actor: string; action: string; details: Record<string, unknown> }[];
  actions: {
    resendInvitation: boolean;
    unlock: boolean;
    temporaryAccessCode: boolean;
    temporaryAccessCodeRefusal: AccessCodeRefusal | null;
    releaseEmail: boolean;
  };
}

import type { FeedbackReason } from '@site/shared/feedback';

export interface SupportReport {
  from: string;
  to: string;
  helpfulness: {
    kind: 'article' | 'troubleshooter';
    target: string;
    locale: Locale;
    yes: number;
    no: number;
    reasons: Partial<Record<FeedbackReason, number>>;
  }[];
  comments: {
    at: string;
    kind: 'article' | 'troubleshooter';
    target: string;
    locale: Locale;
    reasons: FeedbackReason[];
    comment: string;
  }[];
  troubleshooter: { runs: number; steps: { step: string; reached: number; lastStep: number }[] };
}

/** An API answer: the data, or why not (the API's message is in the request's language). */
export type Outcome<T> =
  | { type: 'ok'; data: T }
  | { type: 'unauthorized' }
  | { type: 'rate-limited'; retryAfterSeconds: number; message: string }
  | { type: 'error'; status: number; code: string; message: string }
  | { type: 'unreachable' };

const TIMEOUT_MS = 15_000;

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { locale: Locale; token?: string; body?: unknown; keepalive?: boolean },
): Promise<Outcome<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': options.locale };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
      cache: 'no-store',
      keepalive: options.keepalive,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { type: 'unreachable' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { type: 'unreachable' };
  }
  if (response.ok) return { type: 'ok', data: body as T };
  if (response.status === 401) return { type: 'unauthorized' };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'unknown';
  const message = typeof error?.message === 'string' ? error.message : '';
  if (response.status === 429) {
    return {
      type: 'rate-limited',
      retryAfterSeconds: Number(response.headers.get('Retry-After')) || 60,
      message,
    };
  }
  if (response.status >= 500) return { type: 'unreachable' };
  return { type: 'error', status: response.status, code, message };
}

export const supportApi = {
  session: (token: string, locale: Locale) =>
    call<{ agent: string }>('GET', '/api/v1/support/session', { token, locale }),
  lookUp: (token: string, locale: Locale, contact: string) =>
    call<{ account: SupportAccount }>('POST', '/api/v1/support/account-lookups', {
      token,
      locale,
      body: { contact, locale },
    }),
  resendInvitation: (token: string, locale: Locale, accountId: string, messageLocale: Locale) =>
    call<{ account: SupportAccount; channel: 'sms' | 'email'; recipient: string }>(
      'POST',
      `/api/v1/support/accounts/${encodeURIComponent(accountId)}/invitation-resends`,
      { token, locale, body: { locale: messageLocale } },
    ),
  unlock: (token: string, locale: Locale, accountId: string) =>
    call<{ account: SupportAccount }>(
      'POST',
      `/api/v1/support/accounts/${encodeURIComponent(accountId)}/unlocks`,
      {
        token,
        locale,
      },
    ),
  issueAccessCode: (token: string, locale: Locale, accountId: string) =>
    call<{ account: SupportAccount; code: string; expiresAt: string }>(
      'POST',
      `/api/v1/support/accounts/${encodeURIComponent(accountId)}/temporary-access-codes`,
      { token, locale },
    ),
  releaseEmail: (token: string, locale: Locale, accountId: string) =>
    call<{ account: SupportAccount }>(
      'POST',
      `/api/v1/support/accounts/${encodeURIComponent(accountId)}/email-releases`,
      { token, locale },
    ),
  report: (token: string, locale: Locale, from: string, to: string) =>
    call<SupportReport>(
      'GET',
      `/api/v1/support/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      { token, locale },
    ),
};
