import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/env';
import { apiError, ErrorSchema, errorResponses } from '../http/errors';
import { localeOf, validationHook } from '../http/middleware';
import {
  adapterReason,
  receiptUrl,
  twilioFinalState,
  twilioReason,
  twilioSignatureValid,
  webhookSignatureValid,
} from '../messaging/receipts';
import { recordReceipt, type ReceiptProvider } from '../services/receipts';
import { ReceiptAccepted, TwilioReceiptForm, WebhookReceiptBody } from './service-status-schemas';

const TAG = 'SMS providers (signed callbacks)';

const forbidden = {
  403: {
    description:
      'Unsigned, wrongly signed, signed for other parameters, or (webhook) signed too long ago: always this same answer.',
    content: { 'application/json': { schema: ErrorSchema } },
  },
};
const accepted = {
  200: { description: 'Accepted', content: { 'application/json': { schema: ReceiptAccepted } } },
};

const twilio = createRoute({
  method: 'post',
  path: '/twilio',
  tags: [TAG],
  summary: 'Twilio’s status callback for a text message (delivered, undelivered, failed)',
  description:
    'Form-encoded, as Twilio posts it to the `StatusCallback` each message names (`PUBLIC_BASE_URL` + this path). `X-Twilio-Signature` must be the base64 HMAC-SHA1, keyed by `TWILIO_AUTH_TOKEN`, of that URL followed by every parameter sorted by name (name and value concatenated). Statuses on the way (queued, sent…) change nothing; a receipt never moves a message backwards.',
  request: {
    query: z.object({
      delivery: z.string().optional().openapi({
        description: 'Our id of the message, in the `StatusCallback` address each message names.',
      }),
    }),
    body: { content: { 'application/x-www-form-urlencoded': { schema: TwilioReceiptForm } }, required: true },
  },
  responses: { ...accepted, ...forbidden, ...errorResponses(400, 413, 503) },
});

const webhook = createRoute({
  method: 'post',
  path: '/webhook',
  tags: [TAG],
  summary: 'A delivery receipt from your SMS adapter (`SMS_PROVIDER=webhook`)',
  description:
    'JSON, to the `receiptUrl` each message posted to the adapter names. `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, keyed by `SMS_WEBHOOK_SECRET`; `timestamp` (seconds since 1970) within `RECEIPT_MAX_AGE_SECONDS` of now, so a captured receipt cannot be replayed later. Repeating a receipt changes nothing; none moves a message backwards.',
  request: { body: { content: { 'application/json': { schema: WebhookReceiptBody } }, required: true } },
  responses: { ...accepted, ...forbidden, ...errorResponses(400, 413, 415, 503) },
});

/**
 * Receipts from the SMS provider. The signature is checked on the raw body before anything is read
 * from it; whatever fails that check gets one and the same 403.
 */
export function smsReceiptRoutes({ ctx }: AppDeps) {
  const { sms } = ctx.config;
  const refuse = (c: Context<AppEnv>, provider: ReceiptProvider) => {
    ctx.metrics?.receipts.inc({ provider, outcome: 'refused' });
    return apiError(c, 403, 'invalid-signature', localeOf(c));
  };
  const signedByTwilio: MiddlewareHandler<AppEnv> = async (c, next) => {
    const raw = await c.req.text();
    const form = (c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded');
    const url = receiptUrl(ctx.config.publicBaseUrl, 'twilio') + new URL(c.req.url).search;
    const signature = c.req.header('x-twilio-signature');
    if (
      sms.provider !== 'twilio' ||
      !form ||
      !twilioSignatureValid(sms.authToken, url, new URLSearchParams(raw), signature)
    )
      return refuse(c, 'twilio');
    await next();
  };
  const signedByAdapter: MiddlewareHandler<AppEnv> = async (c, next) => {
    const raw = await c.req.text();
    const secret = sms.provider === 'webhook' ? sms.secret : null;
    if (!secret || !webhookSignatureValid(secret, raw, c.req.header('x-signature')))
      return refuse(c, 'webhook');
    const timestamp = (JSON.parse(raw) as { timestamp?: unknown } | null)?.timestamp;
    const age =
      typeof timestamp === 'number' ? Math.abs(ctx.clock.now().getTime() / 1000 - timestamp) : Infinity;
    if (!(age <= ctx.config.service.receiptMaxAgeSeconds)) return refuse(c, 'webhook');
    await next();
  };

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/twilio', signedByTwilio);
  app.use('/webhook', signedByAdapter);
  return app
    .openapi(twilio, async (c) => {
      const form: z.infer<typeof TwilioReceiptForm> = c.req.valid('form');
      // Signed with the address: our id when the message named it, else Twilio's id for it.
      const { delivery } = c.req.valid('query');
      const state = twilioFinalState(form.MessageStatus);
      if (state)
        await recordReceipt(ctx, {
          provider: 'twilio',
          match: delivery ? { deliveryId: delivery } : { providerMessageId: form.MessageSid },
          state,
          reason: twilioReason(form.ErrorCode ?? null),
        });
      return c.json({ status: 'accepted' as const }, 200);
    })
    .openapi(webhook, async (c) => {
      const body = c.req.valid('json');
      await recordReceipt(ctx, {
        provider: 'webhook',
        match: { deliveryId: body.id },
        state: body.status,
        reason: adapterReason(body.reason),
      });
      return c.json({ status: 'accepted' as const }, 200);
    });
}
