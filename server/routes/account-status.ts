import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { bearerToken, localeOf } from '../http/middleware';
import { accountForSession } from '../services/sessions';
import { AccountStatusResponse } from './schemas';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Worker help'],
  summary: 'The account status, for the session a correct code opened',
  security: [{ Bearer: [] }],
  responses: {
    200: { description: 'The account', content: { 'application/json': { schema: AccountStatusResponse } } },
    ...errorResponses(401, 503),
  },
});

const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function accountStatusRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const presented = bearerToken(c.req.header('authorization'));
    const token = presented && SESSION_TOKEN.test(presented) ? presented : null;
    const found = token ? await accountForSession(ctx, token) : null;
    if (!found) {
      c.header('WWW-Authenticate', 'Bearer');
      return apiError(c, 401, 'invalid-session', localeOf(c));
    }
    return c.json({ account: found.account, expiresInSeconds: found.expiresInSeconds }, 200);
  });
}
