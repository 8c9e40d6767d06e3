import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Rules } from '../config';
import type { AppDeps, AppEnv } from '../http/env';

const seconds = (description: string) => z.number().int().openapi({ description });
const count = (description: string) => z.number().int().openapi({ description });

export const PolicySchema = z
  .object({
    codeDigits: count('Digits of a login code.'),
    codeTtlSeconds: seconds('How long a login code works.'),
    linkTtlSeconds: seconds('How long an unlock, password-reset or one-time login link works.'),
    confirmationTtlSeconds: seconds('How long an email confirmation link works.'),
    codeMaxGuesses: count('Wrong entries after which a code stops working.'),
    failuresBeforeCooldown: count('Consecutive wrong codes for one contact before its code checks pause.'),
    cooldownSeconds: seconds('The first pause of code checks; each further one doubles.'),
    failuresHardCap: count('Consecutive wrong codes after which only support can reopen code checks.'),
    resendIntervalSeconds: seconds('Seconds between two sends to one contact.'),
    sendsPerHour: count('Sends to one contact per hour.'),
    sendsPerDay: count('Sends to one contact per day.'),
    passwordMinLength: count('Fewest characters of a password.'),
    passwordMaxLength: count('Most characters of a password.'),
    loginLockAttempts: count('Failed password logins after which the app locks an account.'),
  })
  .openapi('Policy') satisfies z.ZodType<Rules>;

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Worker help'],
  summary: 'The rules the API enforces',
  description:
    'Code length and lifetime, link lifetimes, guesses per code, resend interval and caps, password lengths: the same for everyone, cacheable for 5 minutes.',
  responses: {
    200: { description: 'The rules', content: { 'application/json': { schema: PolicySchema } } },
  },
});

export function policyRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(ctx.config.rules, 200);
  });
}
