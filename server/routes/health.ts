import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { localeOf, overloaded, OVERLOAD_RETRY_SECONDS } from '../http/middleware';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'The process is alive',
  responses: {
    200: {
      description: 'Alive',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

const ready = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  summary: 'The database answers',
  responses: {
    200: {
      description: 'Ready',
      content: { 'application/json': { schema: z.object({ status: z.literal('ready') }) } },
    },
    ...errorResponses(503),
  },
});

export function healthRoutes({ database, ctx, lifecycle, admission }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(health, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(ready, async (c) => {
      // A load balancer stops sending traffic while the process drains.
      if (lifecycle.draining) return apiError(c, 503, 'not-ready', localeOf(c));
      // Overloaded now, or shed requests within the last second: route new clients elsewhere.
      if (overloaded(admission) || ctx.clock.now().getTime() - admission.lastShedAt < 1000) {
        c.header('Retry-After', String(OVERLOAD_RETRY_SECONDS));
        return apiError(c, 503, 'overloaded', localeOf(c));
      }
      try {
        await database.ping();
        return c.json({ status: 'ready' as const }, 200);
      } catch (error) {
        ctx.logger.warn({ err: error }, 'database not reachable');
        return apiError(c, 503, 'not-ready', localeOf(c));
      }
    });
}
