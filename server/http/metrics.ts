import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Metrics } from '../lib/metrics';
import { apiError } from './errors';
import { bearerToken, localeOf } from './middleware';
import type { AppEnv } from './env';

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
export function metricsHandler(metrics: Metrics, token: string | null): MiddlewareHandler<AppEnv> {
  const expected = token ? digest(token) : null;
  return async (c) => {
    if (expected) {
      const given = bearerToken(c.req.header('authorization')) ?? '';
      if (!timingSafeEqual(digest(given), expected)) {
        c.header('WWW-Authenticate', 'Bearer');
        return apiError(c, 401, 'unauthorized', localeOf(c));
      }
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await metrics.registry.metrics(), 200, {
      'Content-Type': metrics.registry.contentType,
    });
  };
}
