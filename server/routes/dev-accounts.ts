import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { LOCALES } from '../../shared/locale';
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
          schema: z
            .object({
              case: z.enum(SCRATCH_CASES),
              locale: z
                .enum(LOCALES)
                .optional()
                .openapi({ description: 'The language of the worker’s profile.' }),
            })
            .openapi('ScratchAccountRequest'),
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
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const body = c.req.valid('json');
    return c.json(await createScratchAccount(ctx.db, body.case, ctx.clock.now(), body.locale ?? null), 201);
  });
}
