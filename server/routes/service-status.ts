import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { errorResponses } from '../http/errors';
import { ServiceStatusResponse } from './service-status-schemas';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Worker help'],
  summary: 'Whether text messages and emails are getting through, and what to tell workers',
  description:
    'Each channel `ok`, `delayed` or `down` (from the delivery queue and the providers’ receipts), and the notices to show: the same for everyone, nothing about any account; cacheable for about 30 seconds (`Cache-Control`).',
  responses: {
    200: { description: 'The status', content: { 'application/json': { schema: ServiceStatusResponse } } },
    ...errorResponses(503),
  },
});

export function serviceStatusRoutes({ status }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const { view, maxAgeSeconds } = await status.current();
    c.header('Cache-Control', `public, max-age=${maxAgeSeconds}`);
    return c.json(view, 200);
  });
}
