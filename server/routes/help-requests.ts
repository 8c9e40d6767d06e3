import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { localeOf, queueAdmission, uniformTiming, validationHook } from '../http/middleware';
import { checkContact } from '../services/contacts';
import { acceptHelpRequest, recordRefusedRequest, resolveChannel } from '../services/help-requests';
import { HelpRequestAccepted, HelpRequestBody } from './schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Worker help'],
  summary: 'Send (or resend) a login code, an unlock link, a confirmation, a reset or a login link',
  description:
    'Always the same `202` whether or not the contact is on file, whatever the account state; the message sent to the contact carries the diagnosis. Limits (resend interval, per hour, per day, per client) answer `429` with `Retry-After`, for known and unknown contacts alike. Under load (too many requests in flight, or the worker more than `HELP_QUEUE_MAX_LAG_SECONDS` behind) a quick `503 overloaded` with `Retry-After`, decided before the body is read.',
  request: { body: { content: { 'application/json': { schema: HelpRequestBody } }, required: true } },
  responses: {
    202: {
      description: 'Accepted: sent if on file',
      content: { 'application/json': { schema: HelpRequestAccepted } },
    },
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

export function helpRequestRoutes({ ctx, admission }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // While the worker is too far behind, refused at once (before the floor: it says nothing).
  app.use(queueAdmission(admission, ctx.clock));
  app.use(uniformTiming(ctx.config.security.responseFloorMs));
  return app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const locale = localeOf(c, body.locale);
    const contact = checkContact(body.contact);
    if (contact.kind === 'invalid')
      return apiError(c, 400, 'invalid-contact', locale, { reason: contact.reason });
    const resolved = resolveChannel(contact, body.purpose, body.channel);
    if ('problem' in resolved) {
      await recordRefusedRequest(ctx, {
        contact,
        purpose: body.purpose,
        channel: body.channel ?? null,
        locale,
        requestId: c.get('requestId'),
        problem: resolved.problem,
      });
      return apiError(c, 400, resolved.problem, locale);
    }
    // The client's limit is counted in the same transaction as the request (one per group).
    const result = await acceptHelpRequest(ctx, {
      contact,
      purpose: body.purpose,
      channel: resolved.channel,
      locale,
      requestId: c.get('requestId'),
      clientAddress: c.get('clientAddress'),
    });
    if (result.status === 'rate-limited') {
      return apiError(c, 429, 'rate-limited', locale, { seconds: result.retryAfterSeconds });
    }
    return c.json(
      {
        status: 'sent-if-on-file' as const,
        retryAfterSeconds: result.retryAfterSeconds,
        expiresInSeconds: result.expiresInSeconds,
      },
      202,
    );
  });
}
