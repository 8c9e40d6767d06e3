import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../messaging/receipts';

// A local stand-in for Twilio's Messages API (`TWILIO_API_URL`): it takes messages as Twilio does
// (form-encoded, Basic auth), or refuses them as an outage would, and posts status callbacks to the
// `StatusCallback` each message names, signed as Twilio signs them, when the test says so.

export interface FakeMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
}

export interface FakeTwilio {
  /** For `TWILIO_API_URL`. */
  url: string;
  accountSid: string;
  authToken: string;
  messages: FakeMessage[];
  /** `unavailable`: every send gets a 503 (the provider is down). */
  sending: 'accept' | 'unavailable';
  /** Posts Twilio's status callback for a message; `tamper` edits the parameters after signing. */
  receipt(
    sid: string,
    status: string,
    options?: { errorCode?: string; tamper?: (params: URLSearchParams) => void; signature?: string | null },
  ): Promise<Response>;
  close(): Promise<void>;
}

export const FAKE_TWILIO_ACCOUNT = {
  accountSid: 'AC00000000000000000000000000000001',
  authToken: 'fake-twilio-auth-token-0123456789',
};

export async function startFakeTwilio(account = FAKE_TWILIO_ACCOUNT): Promise<FakeTwilio> {
  const messages: FakeMessage[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  const fake = {
    ...account,
    messages,
    sending: 'accept' as FakeTwilio['sending'],
    url: '',
    async receipt(
      sid: string,
      status: string,
      options: {
        errorCode?: string;
        tamper?: (params: URLSearchParams) => void;
        signature?: string | null;
      } = {},
    ) {
      const message = messages.find((each) => each.sid === sid);
      if (!message?.statusCallback) throw new Error(`no status callback for ${sid}`);
      const params = new URLSearchParams({
        AccountSid: account.accountSid,
        ApiVersion: '2010-04-01',
        From: message.from,
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
      });
      if (options.errorCode) params.set('ErrorCode', options.errorCode);
      const signature =
        options.signature === undefined
          ? twilioSignature(account.authToken, message.statusCallback, params)
          : options.signature;
      options.tamper?.(params);
      return fetch(message.statusCallback, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(signature === null ? {} : { 'x-twilio-signature': signature }),
        },
        body: params.toString(),
      });
    },
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = `/2010-04-01/Accounts/${account.accountSid}/Messages.json`;
      if (
        request.method !== 'POST' ||
        request.url !== path ||
        request.headers.authorization !== expectedAuth
      ) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"code":20003}');
        return;
      }
      if (fake.sending === 'unavailable') {
        response.writeHead(503, { 'content-type': 'application/json' }).end('{"code":20500}');
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const sid = `SM${String(messages.length + 1).padStart(32, '0')}`;
      messages.push({
        sid,
        to: form.get('To') ?? '',
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
        statusCallback: form.get('StatusCallback'),
      });
      response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sid, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
