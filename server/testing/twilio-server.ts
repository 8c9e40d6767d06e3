import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createHttpServer } from '../http/node-server';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio';
import { createTestServer, type TestServer } from './harness';
import { freePort } from './processes';

/**
 * A test server that sends its text messages through the real twilio transport to a fake Twilio,
 * and listens over HTTP at its PUBLIC_BASE_URL, so the fake's signed status callbacks reach it as
 * Twilio's would.
 */
export interface TwilioTestServer {
  server: TestServer;
  twilio: FakeTwilio;
  base: string;
  close(): Promise<void>;
}

export async function startTwilioTestServer(
  env: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<TwilioTestServer> {
  const twilio = await startFakeTwilio();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await createTestServer(
    {
      PUBLIC_BASE_URL: base,
      SMS_PROVIDER: 'twilio',
      TWILIO_API_URL: twilio.url,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      SMS_FROM: '+15145550000',
      IP_SEND_LIMIT: '1000',
      ...env,
    },
    { transports: 'configured', logger: options.logger },
  );
  const http: Server = await createHttpServer({ fetch: server.app.fetch });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    server,
    twilio,
    base,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
      await twilio.close();
    },
  };
}
