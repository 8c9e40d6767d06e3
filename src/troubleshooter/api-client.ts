/**
 * The troubleshooter's client of the account help API (`/api/v1`). Every call resolves to an outcome
 * the machine can branch on (`ok`, `rate-limited`, `rejected`, `unreachable`...) instead of throwing:
 * an API that is down or answers garbage is a normal situation the worker must be told about.
 */
import { hc, type ClientRequestOptions } from 'hono/client';
import type { AppType } from '../../server/app';
import type { Purpose } from './steps';

export type Locale = 'en' | 'fr';
export type Channel = 'sms' | 'email';

export interface ContactCheck {
  kind: 'phone' | 'email' | 'username' | 'invalid';
  /** E.164 phone or lower-cased email; null when the input is neither. */
  normalized: string | null;
  smsEligible: boolean;
  /** An obvious email-domain typo fix ("gmial.com" → "gmail.com"), as a full address. */
  suggestion: string | null;
  /** Why the input is not a contact, in the worker's language (invalid only). */
  message: string | null;
}

export type AccountStatus = 'active' | 'invited' | 'locked' | 'unconfirmed' | 'deactivated';
export type LoginMethod = 'code' | 'password' | 'sso';
export type DeactivationReason = 'merged' | 'removed-by-employer' | 'employer-left';

/** What the API tells about an account once the worker proved they hold the contact. */
export interface AccountView {
  status: AccountStatus;
  loginMethod: LoginMethod;
  /** The phone on file is a `+1` number: codes can go by text message. */
  smsEligible: boolean;
  emailOnFile: boolean;
  /** How the worker logs in: a username, an email or a phone (masked by the server). */
  loginWith: { kind: 'username' | 'email' | 'phone'; masked: string } | null;
  deactivationReason: DeactivationReason | null;
  /** ISO date-time. */
  lockedUntil: string | null;
  employerName: string | null;
  /** Workers of several employers cannot get a temporary password from one of them. */
  employerCount: number;
}

/** `at`: when the answer arrived (ms since epoch), so countdowns start from the server's answer. */
export type CheckOutcome =
  | { type: 'ok'; check: ContactCheck; at: number }
  | { type: 'rejected'; code: string; message: string }
  | { type: 'rate-limited'; retryAfterSeconds: number; at: number }
  | { type: 'unreachable' };

export type HelpRequestOutcome =
  | { type: 'sent'; retryAfterSeconds: number; expiresInSeconds: number; at: number }
  | { type: 'rate-limited'; retryAfterSeconds: number; at: number }
  | { type: 'rejected'; code: string; message: string }
  | { type: 'unreachable' };

export type VerifyOutcome =
  | { type: 'verified'; sessionToken: string; account: AccountView }
  | { type: 'invalid' }
  | { type: 'rate-limited'; retryAfterSeconds: number; at: number }
  | { type: 'unreachable' };

export type StatusOutcome =
  { type: 'ok'; account: AccountView } | { type: 'expired' } | { type: 'unreachable' };

export interface HelpRequestInput {
  contact: string;
  purpose: Purpose;
  channel: Channel | null;
  locale: Locale;
}

/** The typed client: request paths and bodies are checked against the server's routes at compile time. */
const client = hc<AppType>('/');
const api = client.api.v1;

/** A phone on a weak network waits this long before we call the service unreachable. */
const TIMEOUT_MS = 15_000;

/**
 * The caller's signal (the worker moved on) combined with a timeout. Written by hand: phones a few
 * years old lack AbortSignal.timeout (Safari before 16) and AbortSignal.any (2023).
 */
function withTimeout(signal: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const stop = () => {
    clearTimeout(timer);
    controller.abort();
  };
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  const release = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  };
  return { signal: controller.signal, release };
}

type Reply = { status: number; headers: Headers; body: unknown } | null;

async function call(
  send: (options: ClientRequestOptions) => Promise<Response>,
  options: { locale: Locale; token?: string; signal?: AbortSignal },
): Promise<Reply> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': options.locale };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const { signal, release } = withTimeout(options.signal);
  try {
    const response = await send({ headers, init: { credentials: 'omit', signal } });
    const type = response.headers.get('content-type') ?? '';
    const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    // A cancelled request (the worker moved on) must not be reported as an outage.
    if (options.signal?.aborted) throw error;
    return null;
  } finally {
    release();
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const seconds = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : fallback;

function retryAfter(reply: NonNullable<Reply>): number {
  const header = reply.headers.get('retry-after');
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim());
  if (header) {
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return 60;
}

function apiError(body: unknown): { code: string; message: string } {
  const error = isObject(body) && isObject(body.error) ? body.error : {};
  return { code: str(error.code) ?? 'unknown', message: str(error.message) ?? '' };
}

/**
 * A reply the service could not have meant counts as unreachable: no answer, a 5xx, a proxy's HTML
 * page, or a 404 (no API behind this address: a static host, a deployment without it).
 */
const broken = (reply: Reply): reply is null =>
  reply === null ||
  reply.status >= 500 ||
  reply.status === 404 ||
  reply.status === 405 ||
  reply.body === null;

const ACCOUNT_STATUSES: readonly AccountStatus[] = [
  'active',
  'invited',
  'locked',
  'unconfirmed',
  'deactivated',
];
const LOGIN_METHODS: readonly LoginMethod[] = ['code', 'password', 'sso'];
const REASONS: readonly DeactivationReason[] = ['merged', 'removed-by-employer', 'employer-left'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the account view leniently: an unknown or missing field must not break the worker's page. */
export function parseAccount(value: unknown): AccountView | null {
  if (!isObject(value)) return null;
  const status = oneOf(value.status, ACCOUNT_STATUSES);
  if (!status) return null;
  const login = isObject(value.loginWith) ? value.loginWith : null;
  const loginKind = oneOf(login?.kind, ['username', 'email', 'phone'] as const);
  const masked = str(login?.masked);
  return {
    status,
    loginMethod: oneOf(value.loginMethod, LOGIN_METHODS) ?? 'code',
    smsEligible: value.smsEligible === true,
    emailOnFile: value.emailOnFile === true,
    loginWith: loginKind && masked ? { kind: loginKind, masked } : null,
    deactivationReason: oneOf(value.deactivationReason, REASONS),
    lockedUntil: str(value.lockedUntil),
    employerName: str(value.employerName),
    employerCount: typeof value.employerCount === 'number' ? value.employerCount : 1,
  };
}

export async function checkContact(
  input: { contact: string; locale: Locale },
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const reply = await call(
    (options) =>
      api['contact-checks'].$post({ json: { contact: input.contact, locale: input.locale } }, options),
    { locale: input.locale, signal },
  );
  if (broken(reply)) return { type: 'unreachable' };
  if (reply.status === 429)
    return { type: 'rate-limited', retryAfterSeconds: retryAfter(reply), at: Date.now() };
  if (reply.status !== 200 || !isObject(reply.body)) return { type: 'rejected', ...apiError(reply.body) };
  const body = reply.body;
  const kind = oneOf(body.kind, ['phone', 'email', 'username', 'invalid'] as const) ?? 'invalid';
  return {
    type: 'ok',
    at: Date.now(),
    check: {
      kind,
      normalized: str(body.normalized),
      smsEligible: body.smsEligible === true,
      suggestion: str(body.suggestion),
      message: kind === 'invalid' ? str(body.message) : null,
    },
  };
}

export async function requestHelp(
  input: HelpRequestInput,
  signal?: AbortSignal,
): Promise<HelpRequestOutcome> {
  const json = {
    contact: input.contact,
    purpose: input.purpose,
    locale: input.locale,
    ...(input.channel ? { channel: input.channel } : {}),
  };
  const reply = await call((options) => api['help-requests'].$post({ json }, options), {
    locale: input.locale,
    signal,
  });
  if (broken(reply)) return { type: 'unreachable' };
  if (reply.status === 429)
    return { type: 'rate-limited', retryAfterSeconds: retryAfter(reply), at: Date.now() };
  if (reply.status !== 202 || !isObject(reply.body)) return { type: 'rejected', ...apiError(reply.body) };
  return {
    type: 'sent',
    at: Date.now(),
    retryAfterSeconds: seconds(reply.body.retryAfterSeconds, 60),
    expiresInSeconds: seconds(reply.body.expiresInSeconds, 600),
  };
}

export async function verifyCode(
  input: { contact: string; code: string; locale: Locale },
  signal?: AbortSignal,
): Promise<VerifyOutcome> {
  const reply = await call(
    (options) =>
      api['code-verifications'].$post(
        { json: { contact: input.contact, code: input.code, locale: input.locale } },
        options,
      ),
    { locale: input.locale, signal },
  );
  if (broken(reply)) return { type: 'unreachable' };
  if (reply.status === 429)
    return { type: 'rate-limited', retryAfterSeconds: retryAfter(reply), at: Date.now() };
  if (reply.status !== 200 || !isObject(reply.body)) return { type: 'invalid' };
  const account = parseAccount(reply.body.account);
  const sessionToken = str(reply.body.sessionToken);
  return account && sessionToken ? { type: 'verified', sessionToken, account } : { type: 'unreachable' };
}

export async function fetchAccountStatus(
  input: { token: string; locale: Locale },
  signal?: AbortSignal,
): Promise<StatusOutcome> {
  const reply = await call((options) => api['account-status'].$get({}, options), {
    token: input.token,
    locale: input.locale,
    signal,
  });
  if (reply && (reply.status === 401 || reply.status === 403)) return { type: 'expired' };
  if (broken(reply) || reply.status !== 200 || !isObject(reply.body)) return { type: 'unreachable' };
  const account = parseAccount(isObject(reply.body.account) ? reply.body.account : reply.body);
  return account ? { type: 'ok', account } : { type: 'unreachable' };
}
