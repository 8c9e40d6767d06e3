import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReceiptState } from '../db/schema';

/**
 * Delivery receipts as the SMS providers send them: where they post them, how their signatures are
 * checked, and what their statuses and error codes mean. No database here (services/receipts.ts
 * records them).
 */

/** Where each provider posts its receipts (the routes are mounted there; the transports announce them). */
export const RECEIPT_PATHS = {
  twilio: '/api/v1/sms-receipts/twilio',
  webhook: '/api/v1/sms-receipts/webhook',
} as const;

/** The address a provider is told to post receipts to: always from PUBLIC_BASE_URL, never a Host header. */
export const receiptUrl = (publicBaseUrl: string, provider: keyof typeof RECEIPT_PATHS) =>
  `${publicBaseUrl}${RECEIPT_PATHS[provider]}`;

/** Equal-length digests compared in constant time (a wrong length is simply unequal). */
function sameDigest(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Twilio's request signature (`X-Twilio-Signature`): the base64 HMAC-SHA1, keyed by the account's
 * auth token, of the full URL Twilio called followed by every POST parameter sorted by name, each
 * name and value concatenated without separators. A parameter added, removed or changed breaks it.
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const names = [...new Set(params.keys())].sort();
  let signed = url;
  for (const name of names) for (const value of params.getAll(name)) signed += name + value;
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

export function twilioSignatureValid(
  authToken: string,
  url: string,
  params: URLSearchParams,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  return sameDigest(
    Buffer.from(twilioSignature(authToken, url, params), 'base64'),
    Buffer.from(signature, 'base64'),
  );
}

/** The webhook adapters' signature: `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export function webhookSignatureValid(secret: string, rawBody: string, header: string | undefined): boolean {
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')?.[1];
  if (!given) return false;
  return sameDigest(
    Buffer.from(webhookSignature(secret, rawBody).slice('sha256='.length), 'hex'),
    Buffer.from(given.toLowerCase(), 'hex'),
  );
}

/**
 * Twilio's statuses that end a message's journey; the others (queued, sending, sent, accepted…)
 * are on the way and change nothing. `read` comes after delivered on channels that report it.
 */
export function twilioFinalState(status: string | null): ReceiptState | null {
  switch (status) {
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
      return 'failed';
    default:
      return null;
  }
}

/** The reasons support reads (src/support/labels.ts words them), from Twilio's error codes. */
const TWILIO_REASONS: Record<string, string> = {
  '30003': 'unreachable',
  '30005': 'unknown-number',
  '30006': 'landline',
  '30007': 'carrier-filtered',
  '30004': 'blocked',
  '21610': 'opted-out',
  '30008': 'unknown-error',
};

/** A known reason, else `error <code>` (still worth quoting to the provider); null without a code. */
export function twilioReason(errorCode: string | null): string | null {
  const code = errorCode?.trim();
  if (!code || code === '0') return null;
  return TWILIO_REASONS[code] ?? `error ${code.slice(0, 12)}`;
}

/** An adapter's reason, kept short and printable (ideally one of the reasons above). */
export function adapterReason(reason: string | null | undefined): string | null {
  if (!reason) return null;
  // eslint-disable-next-line no-control-regex -- the characters refused are control characters
  const clean = reason.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean ? clean.slice(0, 80) : null;
}
