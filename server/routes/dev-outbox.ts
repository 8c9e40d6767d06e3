import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listOutbox } from '../messaging/outbox';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, errorResponses } from '../http/errors';
import { localeOf } from '../http/middleware';
import { checkContact } from '../services/contacts';
import { contactKey } from '../lib/crypto';

const Message = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    channel: z.enum(['sms', 'email']),
    template: z.string(),
    locale: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    recipient: z.string().nullable(),
    recipientMasked: z.string(),
    subject: z.string().nullable(),
    text: z.string().nullable(),
    html: z.string().nullable(),
    codes: z.array(z.string()),
    links: z.array(z.string()),
  })
  .openapi('OutboxMessage');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Development'],
  summary: 'The stored outgoing messages, newest first (development only)',
  request: {
    query: z.object({
      to: z
        .string()
        .max(400)
        .optional()
        .openapi({ description: 'Only messages about this contact, as typed.' }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Messages',
      content: { 'application/json': { schema: z.object({ messages: z.array(Message) }) } },
    },
    ...errorResponses(400, 503),
  },
});

/** Mounted only when APP_ENV=development: it shows codes and links. */
export function devOutboxRoutes({ ctx }: AppDeps) {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) =>
      result.success ? undefined : apiError(c, 400, 'invalid-request', localeOf(c)),
  }).openapi(route, async (c) => {
    const query = c.req.valid('query');
    let key: string | undefined;
    if (query.to !== undefined) {
      const contact = checkContact(query.to);
      if (contact.kind === 'invalid') return c.json({ messages: [] }, 200);
      key = contactKey(ctx.keys, contact.normalized);
    }
    const messages = await listOutbox(ctx.db, ctx.keys, { contactKey: key, limit: query.limit });
    return c.json({ messages }, 200);
  });
}
