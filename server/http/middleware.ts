import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Hook } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Clock } from '../lib/clock';
import type { ServiceContext } from '../services/context';
import { checkClientLimit, type ClientLimitKind } from '../services/limits';
import { normalizeLocale, type Locale } from '../../shared/locale';
import { apiError } from './errors';
import { withHeaders } from './security-headers';
import type { AppEnv } from './env';

/** The request's language: the body's `locale` when valid, else Accept-Language, else English. */
export function localeOf(c: Context<AppEnv>, bodyLocale?: unknown): Locale {
  return normalizeLocale(bodyLocale) ?? acceptedLocale(c.req.header('accept-language')) ?? 'en';
}

/**
 * The language of ours an Accept-Language header prefers (`fr-CA;q=0.9, en;q=0.8` → fr), or null.
 * Read only when an answer needs it: most calls name their `locale`.
 */
export function acceptedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  let best: Locale | null = null;
  let bestQ = 0;
  for (const entry of header.split(',', 32)) {
    const [tag, ...parameters] = entry.split(';');
    const q = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    const locale = normalizeLocale(tag);
    if (locale && weight > bestQ) [best, bestQ] = [locale, weight];
  }
  return best;
}

function stripMapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Builds the trusted proxy list: addresses and CIDR ranges, v4 or v6. */
export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address);
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

const TRUST_CACHE_SIZE = 1024;

/**
 * Whether a peer is a trusted proxy. BlockList.check builds a SocketAddress on every call; the
 * peers asked about are few (the load balancers) and the answers never change, so they are
 * remembered, for a bounded number of addresses.
 */
function trustChecker(list: BlockList): (address: string) => boolean {
  const answers = new Map<string, boolean>();
  return (address) => {
    let trusted = answers.get(address);
    if (trusted === undefined) {
      const family = isIP(address);
      trusted = family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
      if (answers.size >= TRUST_CACHE_SIZE) answers.clear();
      answers.set(address, trusted);
    }
    return trusted;
  };
}

const REQUEST_ID = /^[\w\-=]{1,64}$/;

/**
 * The request id of logs and of the `X-Request-Id` answer: the one a trusted proxy forwards
 * (so a request can be followed through it), else a new one. A client's own is never believed: it
 * could plant ids in the logs or make two requests look like one.
 */
export function requestIds(trusted: BlockList): MiddlewareHandler<AppEnv> {
  const isTrusted = trustChecker(trusted);
  return async (c, next) => {
    const forwarded = c.req.header('x-request-id');
    const peer = stripMapped(c.env?.incoming?.socket?.remoteAddress ?? 'unknown');
    const id = forwarded && REQUEST_ID.test(forwarded) && isTrusted(peer) ? forwarded : crypto.randomUUID();
    c.set('requestId', id);
    return withHeaders(c, next, [['x-request-id', id]]);
  };
}

/**
 * The client address for limits: the socket's peer, or, when that peer is a trusted proxy, the
 * first address from the right of `X-Forwarded-For` that is not a trusted proxy. IPv6 clients
 * are keyed by their /64 (one household or device gets a whole /64).
 */
export function clientAddress(trusted: BlockList): MiddlewareHandler<AppEnv> {
  const isTrusted = trustChecker(trusted);
  return async (c, next) => {
    let address = stripMapped(c.env?.incoming?.socket?.remoteAddress ?? 'unknown');
    if (isTrusted(address)) {
      const hops = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((hop) => stripMapped(hop.trim()))
        .filter((hop) => isIP(hop));
      while (hops.length && isTrusted(address)) address = hops.pop()!;
    }
    if (isIP(address) === 6) {
      address = `${address.split(':').slice(0, 4).join(':')}::/64`;
    }
    c.set('clientAddress', address);
    await next();
  };
}

/**
 * Pads the answer to a fixed floor so its timing says nothing about what happened inside.
 * The floor is measured from the request's arrival.
 */
export function uniformTiming(floorMs: number): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    const started = performance.now();
    await next();
    // Timers run on the event loop's cached millisecond clock and may fire up to a millisecond
    // early: wait again until the floor has really passed.
    let left: number;
    while ((left = floorMs - (performance.now() - started)) > 0)
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
  };
}

/**
 * What admission control tracks: the API requests being handled now, how far behind the worker is
 * on the help-request queue, and when a request was last shed.
 */
export interface Admission {
  inFlight: number;
  limit: number;
  /** How long the oldest queued help request had waited at the worker's last pass (ms). */
  queueLagMs: () => number;
  maxQueueLagMs: number;
  /** When a request was last refused for load (ms since epoch), for readiness. */
  lastShedAt: number;
}

/** Whether the instance is refusing work for load: too many requests in flight, or a queue too far behind. */
export function overloaded(admission: Admission): boolean {
  return admission.inFlight >= admission.limit || admission.queueLagMs() > admission.maxQueueLagMs;
}

/** The seconds a client is told to wait when the instance is overloaded. */
export const OVERLOAD_RETRY_SECONDS = 2;

/**
 * Admission control: beyond `limit` API requests in flight, a request is refused at once with a
 * `503 overloaded`, `Retry-After` and `Connection: close`, before anything is read or done, so the
 * answer is the same for every contact and every request either gets a quick answer or is served,
 * never left waiting.
 */
export function admissionControl(admission: Admission, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (admission.inFlight >= admission.limit) return refuseForLoad(c, admission, clock);
    admission.inFlight++;
    try {
      await next();
    } finally {
      admission.inFlight--;
    }
  };
}

/**
 * Admission by the help-request queue: while the worker is more than `maxQueueLagMs` behind, a new
 * help request is refused like one over the in-flight limit, before anything is read (the same for
 * every contact), instead of queuing a message that would leave too late to help.
 */
export function queueAdmission(admission: Admission, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (admission.queueLagMs() > admission.maxQueueLagMs) return refuseForLoad(c, admission, clock);
    await next();
  };
}

/** The quick refusal for load: `503 overloaded` with `Retry-After`, the connection closed. */
function refuseForLoad(c: Context<AppEnv>, admission: Admission, clock: Clock): Response {
  admission.lastShedAt = clock.now().getTime();
  c.header('Retry-After', String(OVERLOAD_RETRY_SECONDS));
  // Closed: a client told to come back later has no use for the connection, and one retrying
  // at once must connect again, which leaves the admitted requests more of the machine (in the
  // bench's storm, twice the help requests accepted than with the connection kept open).
  c.header('Connection', 'close');
  return apiError(c, 503, 'overloaded', localeOf(c));
}

/** The body a request's headers announce: chunked, or its length (0 for none). */
export function announcedBody(headers: IncomingHttpHeaders): 'chunked' | number {
  if (headers['transfer-encoding'] !== undefined) return 'chunked';
  return Number(headers['content-length'] ?? 0);
}

/**
 * Bodies over `maxSize` bytes get a 413. A body announced by its length is judged from the header
 * alone, as Node's request: looking at the web Request's body would build it (an abort signal and a
 * stream for every request, most of what a small API call costs). Chunked bodies are counted as
 * they arrive by Hono's own middleware.
 */
export function bodySizeLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Context<AppEnv>) => apiError(c, 413, 'payload-too-large', localeOf(c));
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const headers = c.env?.incoming?.headers;
    const body = headers ? announcedBody(headers) : 'chunked';
    if (body === 'chunked') return counted(c, next);
    return body > maxSize ? tooLarge(c) : next();
  };
}

/** The token of an `Authorization: Bearer <token>` header (the scheme in any case), or null. */
export function bearerToken(header: string | undefined): string | null {
  return /^\s*bearer +(\S{1,512}) *$/i.exec(header ?? '')?.[1] ?? null;
}

/**
 * One JSON log line per request: no body, no query string, no header values. Its fields are these
 * five, none of them a redacted name (lib/logger.ts), so the line skips the redaction pass: half of
 * what the line cost (4.4 against 8.7 µs per line, measured here), on every request.
 */
export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  const access = logger.child({}, { redact: [] });
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    access[status >= 500 ? 'error' : 'info'](
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

/** Validation failures become the error shape, in the request's language. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape OpenAPIHono expects of a default hook
export const validationHook: Hook<any, AppEnv, any, any> = async (result, c) => {
  if (result.success) return undefined;
  const body = await c.req.json().catch(() => null);
  const locale = localeOf(
    c,
    body && typeof body === 'object' ? (body as { locale?: unknown }).locale : undefined,
  );
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  return apiError(c, 400, 'invalid-request', locale, { field });
};

/** The `429` answer when this client is over its limit (per address), else null. */
export async function clientLimited(
  c: Context<AppEnv>,
  ctx: ServiceContext,
  kind: ClientLimitKind,
  locale: Locale,
) {
  const client = await checkClientLimit(ctx, kind, c.get('clientAddress'));
  return client.allowed
    ? null
    : apiError(c, 429, 'rate-limited', locale, { seconds: client.retryAfterSeconds });
}
