import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { seedDemoData } from './db/seed';
import { createApp } from './app';
import { createTransports, type Transports } from './messaging/transports';
import { Worker } from './messaging/worker';
import { systemClock, type Clock } from './services/clock';
import type { ServiceContext } from './services/context';
import { deriveKeys } from './services/crypto';

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

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export interface Runtime {
  config: Config;
  database: Database;
  ctx: ServiceContext;
  worker: Worker;
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
        : { kind: 'pglite', dataDir: config.dataDir },
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
  };
  const transports = options.transports ?? createTransports(config);
  worker = new Worker(ctx, transports);
  const app = createApp({ ctx, database, worker });
  return {
    config,
    database,
    ctx,
    worker,
    app,
    async close() {
      await worker!.stop();
      transports.email.close?.();
      transports.sms.close?.();
      await database.close();
    },
  };
}
