import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses, PASSWORD_ERROR } from '../http/errors';
import { clientLimited, localeOf, uniformTiming, validationHook } from '../http/middleware';
import { redeemPasswordReset } from '../services/links';
import { PasswordResetBody } from './schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Links'],
  summary: 'Set a new password with the token of a reset link (single use)',
  description:
    'A password that breaks a rule (`password-too-short`, `password-too-common`, `password-contains-identity`, `password-too-long`) leaves the link usable. Success also unlocks the account and confirms its email.',
  request: { body: { content: { 'application/json': { schema: PasswordResetBody } }, required: true } },
  responses: {
    200: {
      description: 'Password changed',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('password-changed') }).openapi('PasswordChanged'),
        },
      },
    },
    ...errorResponses(400, 413, 415, 429, 503),
  },
});

export function passwordResetRoutes({ ctx }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(uniformTiming(ctx.config.security.responseFloorMs));
  return app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const locale = localeOf(c, body.locale);
    const limited = await clientLimited(c, ctx, 'verify', locale);
    if (limited) return limited;
    const outcome = await redeemPasswordReset(ctx, body.token, body.password, c.get('requestId'));
    if (outcome.status === 'invalid-link') return apiError(c, 400, 'invalid-or-expired-link', locale);
    if (outcome.status === 'rejected') {
      const s = ctx.config.security;
      const count = outcome.problem === 'too-long' ? s.passwordMaxLength : s.passwordMinLength;
      return apiError(c, 400, PASSWORD_ERROR[outcome.problem], locale, { count });
    }
    return c.json({ status: 'password-changed' as const }, 200);
  });
}
