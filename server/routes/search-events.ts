import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import { checkSearchEventLimit, recordSearchEvent } from '../services/search-events';
import { SearchEventBody, SearchEventResponse } from './search-schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Feedback'],
  summary: 'A search on the help center (anonymous; for the articles’ authors)',
  description:
    'The query (stored without anything that looks like an email address, a phone number or a code), its language, how many results it had and the article opened. Beyond the per-address limit (`IP_EVENT_LIMIT`) events are ignored (`202`, `status: ignored`): a lost event only makes a report less complete.',
  request: { body: { content: { 'application/json': { schema: SearchEventBody } }, required: true } },
  responses: {
    202: {
      description: 'Recorded or ignored',
      content: { 'application/json': { schema: SearchEventResponse } },
    },
    ...errorResponses(400, 413, 415, 503),
  },
});

export function searchEventRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const body = c.req.valid('json');
    const limit = await checkSearchEventLimit(ctx, c.get('clientAddress'));
    if (!limit.allowed) return c.json({ status: 'ignored' as const }, 202);
    const recorded = await recordSearchEvent(ctx, {
      query: body.query,
      locale: localeOf(c, body.locale),
      results: body.results,
      opened: body.opened ?? null,
    });
    return c.json({ status: recorded ? ('recorded' as const) : ('ignored' as const) }, 202);
  });
}
