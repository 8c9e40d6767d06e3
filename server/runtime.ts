import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { seedDemoData } from './db/seed';
import { createApp } from './app';
import type { Lifecycle } from './http/env';
import type { Admission } from './http/middleware';
import { createTransports, type Transports } from './messaging/transports';
import { markStaleSends, Worker } from './jobs/worker';
import { systemClock, type Clock } from './lib/clock';
import type { ServiceContext } from './services/context';
import { deriveKeys } from './lib/crypto';
import { createMetrics } from './lib/metrics';

/** Never log these, wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'contact',
  'code',
  'token',
  'password',
  'sessionToken',
  '*.contact',
  '*.code',
  '*.token',
  '*.password',
  '*.sessionToken',
  'req.headers.authorization',
];

/** Errors without the query parameters a failed SQL statement carries (they may hold a contact). */
function serializeError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const strip = (text: unknown) =>
    typeof text === 'string' ? text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]') : text;
  serialized.message = strip(serialized.message);
  serialized.stack = strip(serialized.stack);
  delete serialized.params;
  if (serialized.cause && typeof serialized.cause === 'object') {
    const cause = serialized.cause as Record<string, unknown>;
    serialized.cause = { type: cause.type, code: cause.code, message: strip(cause.message) };
  }
  return serialized;
}

/** JSON logs: never a code, token, password or contact (paths redacted, SQL parameters dropped). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  // Standard output, written asynchronously: lines logged while a write is under way go out
  // together in the next one (fewer blocking system calls under load). Flushed when the process
  // exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

export interface Runtime {
  config: Config;
  database: Database;
  ctx: ServiceContext;
  worker: Worker;
  lifecycle: Lifecycle;
  admission: Admission;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  logger?: Logger;
  transports?: Transports;
  database?: Database;
}

/** Opens the database (migrated), seeds the demo data when enabled, and wires the app and worker. */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'pglite', dataDir: config.dataDir, thread: config.pgliteThread },
    ));
  if (config.seedDemo && (await seedDemoData(database.db, clock.now()))) logger.info('demo data seeded');
  let worker: Worker | null = null;
  const ctx: ServiceContext = {
    db: database.db,
    keys: deriveKeys(config.secretKey),
    clock,
    config,
    logger,
    wake: () => worker?.wake(),
    metrics: createMetrics(),
  };
  const transports = options.transports ?? createTransports(config);
  worker = new Worker(ctx, transports);
  // PGlite belongs to this one process: whatever was being sent at start was cut by a crash.
  // (On PostgreSQL another instance may be sending: its lease decides.)
  if (database.kind === 'pglite') {
    const interrupted = await markStaleSends(ctx, { all: true });
    if (interrupted)
      logger.warn({ interrupted }, 'messages interrupted while sending marked uncertain (not resent)');
  }
  const lifecycle: Lifecycle = { draining: false };
  const admission: Admission = { inFlight: 0, limit: config.maxInFlight, lastShedAt: 0 };
  const app = createApp({ ctx, database, worker, lifecycle, admission });
  return {
    config,
    database,
    ctx,
    worker,
    lifecycle,
    admission,
    app,
    async close() {
      await worker!.stop();
      transports.email.close?.();
      transports.sms.close?.();
      await database.close();
    },
  };
}
