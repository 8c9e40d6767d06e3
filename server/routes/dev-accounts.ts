import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createScratchAccount, SCRATCH_CASES } from '../db/scratch-accounts';
import type { AppDeps, AppEnv } from '../http/env';
import { errorResponses } from '../http/errors';
import { validationHook } from '../http/middleware';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Development'],
  summary: 'Create a fresh test account in a given case (development only)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ case: z.enum(SCRATCH_CASES) }).openapi('ScratchAccountRequest'),
        },
      },
      required: true,
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': {
          schema: z.object({ id: z.string(), name: z.string(), email: z.string() }).openapi('ScratchAccount'),
        },
      },
    },
    ...errorResponses(400, 503),
  },
});

/** Mounted only when APP_ENV=development: end-to-end tests make the accounts they change. */
export function devAccountRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) =>
    c.json(await createScratchAccount(ctx.db, c.req.valid('json').case, ctx.clock.now()), 201),
  );
}
