import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { clientLimited, localeOf, uniformTiming, validationHook } from '../http/middleware';
import { checkContact } from '../services/contacts';
import { normalizeCode, verifyCode } from '../services/verification';
import { CodeVerificationBody, SessionResponse } from './schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Worker help'],
  summary: 'Verify a code the worker received; opens a short session showing the account status',
  description:
    'A wrong, expired, used or unknown code, and an unknown contact, all get the same `400 invalid-or-expired-code`. Five guesses per code; 10 consecutive failures per contact start a 15-minute cool-down that doubles.',
  request: { body: { content: { 'application/json': { schema: CodeVerificationBody } }, required: true } },
  responses: {
    200: { description: 'Verified', content: { 'application/json': { schema: SessionResponse } } },
    ...errorResponses(400, 403, 413, 415, 429, 503),
  },
});

export function codeVerificationRoutes({ ctx }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(uniformTiming(ctx.config.security.responseFloorMs));
  return app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const locale = localeOf(c, body.locale);
    const contact = checkContact(body.contact);
    if (contact.kind === 'invalid')
      return apiError(c, 400, 'invalid-contact', locale, { reason: contact.reason });
    const code = normalizeCode(body.code, ctx.config.security.codeDigits);
    if (!code) return apiError(c, 400, 'invalid-code-format', locale);
    const limited = await clientLimited(c, ctx, 'verify', locale);
    if (limited) return limited;
    const result = await verifyCode(ctx, { contact, code, requestId: c.get('requestId') });
    switch (result.status) {
      case 'verified':
        return c.json(
          {
            sessionToken: result.sessionToken,
            expiresInSeconds: result.expiresInSeconds,
            account: result.account,
          },
          200,
        );
      case 'cooling-down':
        return apiError(c, 429, 'rate-limited', locale, { seconds: result.retryAfterSeconds });
      case 'blocked':
        return apiError(c, 403, 'verification-blocked', locale);
      case 'invalid':
        return apiError(c, 400, 'invalid-or-expired-code', locale);
    }
  });
}
