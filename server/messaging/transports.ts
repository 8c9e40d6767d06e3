import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Config, SmsConfig } from '../config';
import type { OutgoingPayload } from './outbox';
import { receiptUrl } from './receipts';

export type SendResult =
  | { ok: true; transport: string; providerMessageId: string | null }
  | { ok: false; retryable: boolean; error: string };

export interface Transport {
  name: string;
  send(message: OutgoingPayload & { id: string }): Promise<SendResult>;
  close?(): void;
  /** How many messages it may have in flight at once (10 when unset: a provider's limits). */
  batch?: number;
}

/** Development and tests: the outbox table is the destination; nothing leaves the machine. */
export const outboxTransport: Transport = {
  name: 'outbox',
  send: async () => ({ ok: true, transport: 'outbox', providerMessageId: null }),
  // Nothing leaves the machine, so nothing is ever in flight.
  batch: 200,
};

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
}

/** Email through nodemailer to `SMTP_URL`. 4xx and connection errors are retried; 5xx are not. */
export function smtpTransport(config: Config): Transport {
  // URL settings win; the timeouts apply where the URL sets none.
  const options = {
    url: config.smtpUrl!,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transporter = nodemailer.createTransport(options as SMTPTransport.Options);
  const domain = new URL(config.publicBaseUrl).hostname;
  return {
    name: 'smtp',
    async send(message) {
      try {
        const info = await transporter.sendMail({
          from: config.mailFrom,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          html: message.html ?? undefined,
          // A stable id per delivery lets a receiving system spot a duplicate.
          messageId: `<${message.id}@${domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return { ok: true, transport: 'smtp', providerMessageId: info.messageId ?? null };
      } catch (caught) {
        const error = caught as SmtpError;
        const permanent = typeof error.responseCode === 'number' && error.responseCode >= 500;
        return {
          ok: false,
          retryable: !permanent,
          error: `${error.code ?? 'SMTP'} ${error.responseCode ?? ''}`.trim(),
        };
      }
    },
    close: () => transporter.close(),
  };
}

async function postForm(
  url: string,
  init: RequestInit,
  parseId: (body: unknown) => string | null,
  name: string,
): Promise<SendResult> {
  try {
    const response = await fetch(url, { ...init, method: 'POST', signal: AbortSignal.timeout(15_000) });
    if (response.ok) {
      const body: unknown = await response.json().catch(() => null);
      return { ok: true, transport: name, providerMessageId: parseId(body) };
    }
    // Too many requests and server errors are worth another try; other refusals are final.
    const retryable = response.status === 429 || response.status >= 500;
    return { ok: false, retryable, error: `HTTP ${response.status}` };
  } catch (caught) {
    return { ok: false, retryable: true, error: (caught as Error).name };
  }
}

/**
 * The SMS provider adapter chosen by `SMS_PROVIDER`. Each message tells the provider where to post
 * its delivery receipt (`publicBaseUrl`: the address the provider reaches this service at).
 */
export function smsTransport(sms: SmsConfig, publicBaseUrl: string): Transport {
  if (sms.provider === 'twilio') {
    const url = `${sms.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(sms.accountSid)}/Messages.json`;
    const statusCallback = receiptUrl(publicBaseUrl, 'twilio');
    const auth = Buffer.from(`${sms.accountSid}:${sms.authToken}`).toString('base64');
    return {
      name: 'twilio',
      send: (message) =>
        postForm(
          url,
          {
            headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              To: message.to,
              From: sms.from,
              Body: message.text,
              // Our id in the address Twilio signs: a receipt finds its message even before
              // Twilio's own id for it is saved (that happens once the whole batch is sent).
              StatusCallback: `${statusCallback}?delivery=${encodeURIComponent(message.id)}`,
            }),
          },
          (body) => (body as { sid?: string } | null)?.sid ?? null,
          'twilio',
        ),
    };
  }
  if (sms.provider === 'webhook') {
    const receipts = receiptUrl(publicBaseUrl, 'webhook');
    return {
      name: 'webhook',
      send: (message) =>
        postForm(
          sms.url,
          {
            headers: {
              'content-type': 'application/json',
              ...(sms.token ? { authorization: `Bearer ${sms.token}` } : {}),
            },
            body: JSON.stringify({
              id: message.id,
              to: message.to,
              text: message.text,
              receiptUrl: receipts,
            }),
          },
          (body) => (body as { id?: string } | null)?.id ?? null,
          'webhook',
        ),
    };
  }
  return outboxTransport;
}

export interface Transports {
  email: Transport;
  sms: Transport;
}

export function createTransports(config: Config): Transports {
  return {
    email: config.smtpUrl ? smtpTransport(config) : outboxTransport,
    sms: smsTransport(config.sms, config.publicBaseUrl),
  };
}
