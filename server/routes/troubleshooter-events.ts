import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import { checkAnonymousLimit, recordTroubleshooterEvent } from '../services/feedback';
import { EventResponse, TroubleshooterEventBody } from './support-schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Feedback'],
  summary: 'A troubleshooter run reached a step (anonymous; for drop-off reports)',
  description:
    'No contact, no account: a random run id, the step and the language. Beyond the per-address limit events are ignored (`202`, `status: ignored`) rather than refused: a lost event only makes a report less complete, and the page never shows an error for it.',
  request: { body: { content: { 'application/json': { schema: TroubleshooterEventBody } }, required: true } },
  responses: {
    202: { description: 'Recorded or ignored', content: { 'application/json': { schema: EventResponse } } },
    ...errorResponses(400, 413, 415, 503),
  },
});

export function troubleshooterEventRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const body = c.req.valid('json');
    const limit = await checkAnonymousLimit(ctx, 'events', c.get('clientAddress'));
    if (!limit.allowed) return c.json({ status: 'ignored' as const }, 202);
    await recordTroubleshooterEvent(ctx, {
      runId: body.runId,
      step: body.step,
      locale: localeOf(c, body.locale),
    });
    return c.json({ status: 'recorded' as const }, 202);
  });
}
