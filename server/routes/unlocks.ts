import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { clientLimited, localeOf, uniformTiming, validationHook } from '../http/middleware';
import { redeemUnlock } from '../services/links';
import { TokenBody } from './schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Links'],
  summary: 'Unlock an account with the token of an unlock link (single use)',
  request: { body: { content: { 'application/json': { schema: TokenBody } }, required: true } },
  responses: {
    200: {
      description: 'Unlocked',
      content: {
        'application/json': { schema: z.object({ status: z.literal('unlocked') }).openapi('Unlocked') },
      },
    },
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

export function unlockRoutes({ ctx }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(uniformTiming(ctx.config.security.responseFloorMs));
  return app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const locale = localeOf(c, body.locale);
    const limited = await clientLimited(c, ctx, 'verify', locale);
    if (limited) return limited;
    const outcome = await redeemUnlock(ctx, body.token, c.get('requestId'));
    if (outcome.status !== 'done') return apiError(c, 400, 'invalid-or-expired-link', locale);
    return c.json(outcome.result, 200);
  });
}
