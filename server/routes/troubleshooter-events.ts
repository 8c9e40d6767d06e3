import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import { checkAnonymousLimit, recordTroubleshooterEvent } from '../services/feedback';
import { RecordedResponse, TroubleshooterEventBody } from './support-schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Feedback'],
  summary: 'A troubleshooter run reached a step (anonymous; for drop-off reports)',
  description: 'No contact, no account: a random run id, the step and the language.',
  request: { body: { content: { 'application/json': { schema: TroubleshooterEventBody } }, required: true } },
  responses: {
    202: { description: 'Recorded', content: { 'application/json': { schema: RecordedResponse } } },
    ...errorResponses(400, 413, 415, 429),
  },
});

export function troubleshooterEventRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const body = c.req.valid('json');
    const locale = localeOf(c, body.locale);
    const limit = await checkAnonymousLimit(ctx, 'events', c.get('clientAddress'));
    if (!limit.allowed) return apiError(c, 429, 'rate-limited', locale, { seconds: limit.retryAfterSeconds });
    await recordTroubleshooterEvent(ctx, { runId: body.runId, step: body.step, locale });
    return c.json({ status: 'recorded' as const }, 202);
  });
}
