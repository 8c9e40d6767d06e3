import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppEnv } from './env';

/**
 * Prometheus metrics of one running server (one registry per runtime: tests start many). Labels are
 * route patterns (`/api/v1/help-requests`), never raw paths: a path may hold a token or an id.
 */
export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
  rateLimited: Counter<'route'>;
  deliveries: Counter<'channel' | 'outcome'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request (to the response headers), by method and route pattern',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'http_rate_limited_total',
      help: 'Requests refused with 429 (cool-downs and limits), by route pattern',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'deliveries_total',
      help: 'Messages handed to a provider: sent, retry (will be tried again) or failed (given up)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
  };
}

/** The route pattern a request matched: API routes by their pattern, everything else is the site. */
function routeLabel(routePath: string | undefined, path: string): string {
  if (path === '/metrics') return '/metrics';
  if (!routePath || routePath === '*' || routePath === '/*') {
    return path === '/api' || path.startsWith('/api/') ? '/api' : 'site';
  }
  return routePath.replace(/\/\*$/, '') || '/';
}

/** Counts and times every request. */
export function metricsMiddleware(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = routeLabel(c.req.routePath, c.req.path);
    const status = c.res.status;
    metrics.requests.inc({ method: c.req.method, route, status: String(status) });
    metrics.duration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
    if (status === 429) metrics.rateLimited.inc({ route });
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `GET /metrics` in the Prometheus text format. With a token configured, only
 * `Authorization: Bearer <token>` gets them (compared in constant time); otherwise a `401`.
 */
export function metricsHandler(metrics: Metrics, token: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = token ? digest(token) : null;
  return async (c) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(given), expected)) {
        c.header('WWW-Authenticate', 'Bearer');
        return c.text('Unauthorized\n', 401);
      }
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await metrics.registry.metrics(), 200, {
      'Content-Type': metrics.registry.contentType,
    });
  };
}
