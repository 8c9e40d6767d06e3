import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { errorMessage, errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import { checkContact, maskContact } from '../services/contacts';
import { ContactCheckRequest, ContactCheckResponse } from './schemas';

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Worker help'],
  summary: 'What the input alone says about a contact',
  description:
    'Kind (phone, email, username, invalid), normalized value, whether SMS is possible, an email-domain typo suggestion. A phone number typed in its national format (`06 39 98 01 23`) needs its `country`, or `0033`/`+33`; North American numbers never do. Never looks at accounts.',
  request: { body: { content: { 'application/json': { schema: ContactCheckRequest } }, required: true } },
  responses: {
    200: { description: 'The check', content: { 'application/json': { schema: ContactCheckResponse } } },
    ...errorResponses(400, 413, 415),
  },
});

export function contactCheckRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, (c) => {
    const body = c.req.valid('json');
    const check = checkContact(body.contact, { country: body.country });
    const locale = localeOf(c, body.locale);
    return c.json(
      {
        kind: check.kind,
        normalized: check.normalized,
        masked: check.kind === 'invalid' ? null : maskContact(check.kind, check.normalized),
        smsEligible: check.smsEligible,
        suggestion: check.suggestion,
        reason: check.kind === 'invalid' ? check.reason : null,
        message:
          check.kind === 'invalid' ? errorMessage('invalid-contact', locale, { reason: check.reason }) : null,
      },
      200,
    );
  });
}
