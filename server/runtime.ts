import type { Logger } from 'pino';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { seedDemoData } from './db/seed';
import { createApp } from './app';
import type { Lifecycle } from './http/env';
import type { Admission } from './http/middleware';
import { createTransports, type Transports } from './messaging/transports';
import { RemoteWorker, type BackgroundWorker } from './jobs/remote-worker';
import { markStaleSends, Worker } from './jobs/worker';
import { systemClock, type Clock } from './lib/clock';
import type { ServiceContext } from './services/context';
import { deriveKeys } from './lib/crypto';
import { createMetrics } from './lib/metrics';
import { ServiceStatus } from './services/service-status';

import { createLogger } from './lib/logger';

export { createLogger, REDACTED_PATHS } from './lib/logger';

export interface Runtime {
  config: Config;
  database: Database;
  ctx: ServiceContext;
  worker: BackgroundWorker;
  lifecycle: Lifecycle;
  admission: Admission;
  status: ServiceStatus;
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
  let worker: BackgroundWorker | null = null;
  const thread = database.thread;
  // The services that run next to PGlite in its thread get this configuration (see ServiceContext).
  if (thread) await thread.call({ type: 'services-start', config });
  const metrics = createMetrics();
  // The database thread's event loop beside this one: at 1, the embedded database is the bound.
  if (thread) metrics.watchEventLoop('database', () => thread.busyMs());
  const ctx: ServiceContext = {
    db: database.db,
    keys: deriveKeys(config.secretKey),
    clock,
    config,
    logger,
    wake: () => worker?.wake(),
    metrics,
    ...(thread && {
      databaseThread: {
        acceptHelpRequests: (inputs, now) => thread.call({ type: 'accept', inputs, now }),
      },
    }),
  };
  const transports = options.transports ?? createTransports(config);
  // With PGlite in its thread, the worker runs there too (off this event loop), unless a test
  // brings its own clock or transports, which live here.
  worker =
    thread && !options.clock && !options.transports
      ? new RemoteWorker(thread, ctx.metrics)
      : new Worker(ctx, transports);
  // PGlite belongs to this one process: whatever was being sent at start was cut by a crash.
  // (On PostgreSQL another instance may be sending: its lease decides.)
  if (database.kind === 'pglite') {
    const interrupted = await markStaleSends(ctx, { all: true });
    if (interrupted)
      logger.warn({ interrupted }, 'messages interrupted while sending marked uncertain (not resent)');
  }
  const lifecycle: Lifecycle = { draining: false };
  const admission: Admission = {
    inFlight: 0,
    limit: config.maxInFlight,
    queueLagMs: () => worker!.queueLagMs(),
    maxQueueLagMs: config.maxQueueLagSeconds * 1000,
    lastShedAt: 0,
  };
  const status = new ServiceStatus(ctx);
  const app = createApp({ ctx, database, worker, lifecycle, admission, status });
  return {
    config,
    database,
    ctx,
    worker,
    lifecycle,
    admission,
    status,
    app,
    async close() {
      status.stop();
      await worker!.stop();
      transports.email.close?.();
      transports.sms.close?.();
      await database.close();
    },
  };
}
