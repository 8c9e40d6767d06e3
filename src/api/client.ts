/**
 * The one browser client of the API (`/api`). Requests are typed by the server's routes
 * (`hc<AppType>`: paths, bodies and answers are checked at compile time, and answer types are
 * inferred, never written by hand); every call resolves to an {@link Outcome} instead of throwing:
 * an API that is down or answers garbage is a normal situation a page must tell its reader about.
 */
import { hc, type ClientRequestOptions, type ClientResponse } from 'hono/client';
import type { AppType } from '@site/server/app';
import type { Locale } from '@site/shared/locale';
import { nextTask } from '../utils/next-task';

/** The typed API, same origin. Call its endpoints through {@link call}. */
export const api = hc<AppType>('/').api;

/** A phone on a weak network waits this long before the API counts as unreachable. */
export const TIMEOUT_MS = 15_000;

/** What an API call came to. `at`: when the answer arrived (ms since epoch), for countdowns. */
export type Outcome<T> =
  | { type: 'ok'; status: number; data: T; at: number }
  /** A 4xx with the API's error shape: its stable code and its message in the request's language. */
  | { type: 'refused'; status: number; code: string; message: string }
  /** A 429: try again after `retryAfterSeconds` (from `Retry-After`). */
  | { type: 'rate-limited'; retryAfterSeconds: number; message: string; at: number }
  /** No answer in time, a network error, a 5xx, or an answer that is not the API's. */
  | { type: 'unreachable' };

/** The `data` of an outcome's `ok` case: `OkData<Awaited<ReturnType<typeof someCall>>>`. */
export type OkData<O> = O extends { type: 'ok'; data: infer T } ? T : never;

/** The JSON body of a route's successful answers (2xx), as the server's route declares it. */
type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'> ? (`${S}` extends `2${string}` ? T : never) : never;

export interface CallOptions {
  locale: Locale;
  /** A support token (staff pages), sent as `Authorization: Bearer`. */
  token?: string;
  /** The caller's signal (the reader moved on): aborting it rejects the call instead of resolving. */
  signal?: AbortSignal;
  /** Let the request outlive the page (an event sent as the tab closes). */
  keepalive?: boolean;
}

/**
 * The caller's signal combined with the timeout. Written by hand: phones a few years old lack
 * AbortSignal.timeout (Safari before 16) and AbortSignal.any (2023).
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `Retry-After` in seconds (a number of seconds or an HTTP date); 60 when absent or unreadable. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number {
  const header = headers.get('retry-after')?.trim();
  if (header && /^\d+$/.test(header)) return Number(header);
  if (header) {
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  return 60;
}

/** The API's `{ error: { code, message } }`, or null when the body is not that shape. */
function errorOf(body: unknown): { code: string; message: string } | null {
  const error = isObject(body) && isObject(body.error) ? body.error : null;
  return error && typeof error.code === 'string' && error.code !== ''
    ? { code: error.code, message: typeof error.message === 'string' ? error.message : '' }
    : null;
}

/**
 * Sends one request built with {@link api} and maps its answer:
 * `call((o) => api.v1['contact-checks'].$post({ json }, o), { locale })`.
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  send: (options: ClientRequestOptions) => Promise<R>,
  options: CallOptions,
): Promise<Outcome<SuccessBody<R>>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': options.locale };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  const { signal, release } = withTimeout(options.signal);
  let response: R;
  let body: unknown;
  try {
    // The request is built and sent in a task of its own: the render, effect or tap that asks for
    // it is not held up by it (a phone's first fetch costs it about 10 ms). Cancelled meanwhile, it
    // is not sent at all. A keepalive request leaves at once: it is often sent as the page closes,
    // when there is no next task.
    if (!options.keepalive) await nextTask();
    if (options.signal?.aborted) throw new DOMException('The request was cancelled', 'AbortError');
    response = await send({
      headers,
      init: { credentials: 'omit', cache: 'no-store', keepalive: options.keepalive, signal },
    });
    const type = response.headers.get('content-type') ?? '';
    body = type.includes('json') ? await response.json().catch(() => undefined) : undefined;
  } catch (error) {
    // A cancelled request (the reader moved on) must not be reported as an outage.
    if (options.signal?.aborted) throw error;
    return { type: 'unreachable' };
  } finally {
    release();
  }
  const at = Date.now();
  // A proxy's HTML page, an empty answer, a 5xx: not an answer of the API.
  if (body === undefined || response.status >= 500) return { type: 'unreachable' };
  if (response.status >= 200 && response.status < 300)
    return { type: 'ok', status: response.status, data: body as SuccessBody<R>, at };
  const error = errorOf(body);
  if (response.status === 429)
    return {
      type: 'rate-limited',
      retryAfterSeconds: retryAfterSeconds(response.headers, at),
      message: error?.message ?? '',
      at,
    };
  // A 4xx without the error shape (a static host's 404, say) means no API behind this address.
  if (!error) return { type: 'unreachable' };
  return { type: 'refused', status: response.status, ...error };
}
