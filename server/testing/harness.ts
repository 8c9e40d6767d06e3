import { sql } from 'drizzle-orm';
import { testClient } from 'hono/testing';
import pino, { type Logger } from 'pino';
import { loadConfig } from '../config';
import { openTestDatabase } from '../db/test-database';
import { seedDemoData } from '../db/seed';
import { helpRequests } from '../db/schema';
import type { OutboxMessage } from '../messaging/outbox';
import { createTransports, outboxTransport, type Transports } from '../messaging/transports';
import { createRuntime, type Runtime } from '../runtime';
import { ManualClock } from '../lib/clock';

export const TEST_BASE_URL = 'https://help.example.com';

/** The settings every API test starts from: development mode, no timing floor, no site. */
export const TEST_ENV: Record<string, string> = {
  APP_ENV: 'development',
  LOG_LEVEL: 'silent',
  RESPONSE_FLOOR_MS: '0',
  SERVE_SITE: 'false',
  PUBLIC_BASE_URL: TEST_BASE_URL,
  SECRET_KEY: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
};

export interface TestServer extends Runtime {
  clock: ManualClock;
  /** The typed client of the app (`testClient`): paths, bodies and answers checked by the compiler. */
  client: ReturnType<typeof testClient<Runtime['app']>>;
  /** `app.request` with a JSON body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Runs the worker until the queues are empty. */
  drain(): Promise<void>;
  /** The development outbox (newest first), optionally for one contact. */
  outbox(to?: string): Promise<OutboxMessage[]>;
  /** Empties every table and seeds the demo data again. */
  reset(): Promise<void>;
  /** Queues `count` help requests straight into the table, without a contact (the worker only marks them done). */
  queueWithoutContact(count: number): Promise<void>;
}

/** An API on a fresh database (in-memory PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function createTestServer(
  env: Record<string, string> = {},
  options: {
    transports?: Transports | 'configured';
    seed?: boolean;
    shareDatabaseOf?: TestServer;
    logger?: Logger;
  } = {},
): Promise<TestServer> {
  const config = loadConfig({ ...TEST_ENV, SEED_DEMO: options.seed === false ? 'false' : 'true', ...env });
  const clock = new ManualClock();
  // Another server's database (it stays open until that server closes) saves a start-up.
  const database = options.shareDatabaseOf
    ? { ...options.shareDatabaseOf.database, close: async () => {} }
    : await openTestDatabase();
  const runtime = await createRuntime(config, {
    clock,
    database,
    logger: options.logger ?? pino({ level: 'silent' }),
    transports:
      options.transports === 'configured'
        ? createTransports(config)
        : (options.transports ?? { email: outboxTransport, sms: outboxTransport }),
  });
  const request = async (path: string, init: RequestInit) => runtime.app.request(path, init);
  return {
    ...runtime,
    clock,
    client: testClient(runtime.app),
    post: (path, body, headers = {}) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path, headers = {}) => request(path, { headers }),
    async drain() {
      for (let pass = 0; pass < 20; pass++) {
        const done = await runtime.worker.runOnce();
        if (done.requests === 0 && done.sent === 0) return;
      }
      throw new Error('the worker did not settle');
    },
    async outbox(to) {
      const query = to === undefined ? '' : `?to=${encodeURIComponent(to)}`;
      const response = await runtime.app.request(`/api/dev/outbox${query}`);
      return ((await response.json()) as { messages: OutboxMessage[] }).messages;
    },
    async queueWithoutContact(count) {
      await database.db.insert(helpRequests).values(
        Array.from({ length: count }, (_, i) => ({
          createdAt: clock.now(),
          contactKey: `queued-${i}`,
          contactEnc: null,
          contactKind: 'email',
          purpose: 'login-code' as const,
          channel: 'email' as const,
          locale: 'en',
        })),
      );
    },
    async reset() {
      await database.db.execute(
        sql.raw(
          'truncate table service_notices, feedback, troubleshooter_events, temporary_access_codes, audit_log, sessions, deliveries, help_requests, one_time_secrets, rate_limits, account_employers, accounts, employers, app_meta restart identity cascade',
        ),
      );
      if (options.seed !== false) await seedDemoData(database.db, clock.now());
    },
  };
}

/** The JSON of a response, typed loosely for assertions. */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
