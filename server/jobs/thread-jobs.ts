/**
 * The background worker inside the database thread (server/db/pglite-thread.mjs loads this when
 * the main thread asks): diagnosing help requests, issuing codes, rendering and delivering
 * messages run next to PGlite, with no round trip per statement and nothing on the event loop
 * that serves pages and answers requests.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config';
import { drizzleOverPglite } from '../db/client';
import { deriveKeys } from '../lib/crypto';
import { systemClock } from '../lib/clock';
import type { Metrics } from '../lib/metrics';
import { createTransports } from '../messaging/transports';
import { createLogger } from '../lib/logger';
import type { ServiceContext } from '../services/context';
import { Worker } from './worker';

export interface ThreadJobs {
  wake(): void;
  runOnce(): Promise<{ requests: number; sent: number }>;
  stop(): Promise<void>;
}

/** Starts the worker on `client`; counters are reported to the main thread through `report`. */
export function startThreadJobs(
  client: PGlite,
  config: Config,
  report: (
    metric: 'deliveries' | 'workerPasses' | 'helpQueueLag',
    labels?: Record<string, string>,
    value?: number,
  ) => void,
): ThreadJobs {
  // Only the metrics the jobs move, forwarded to the main thread's registry (one /metrics).
  const metrics = {
    deliveries: { inc: (labels: Record<string, string>) => report('deliveries', labels) },
    workerPasses: { inc: () => report('workerPasses') },
    helpQueueLag: { set: (seconds: number) => report('helpQueueLag', undefined, seconds) },
  } as unknown as Metrics;
  let worker: Worker | null = null;
  const ctx: ServiceContext = {
    db: drizzleOverPglite(client),
    keys: deriveKeys(config.secretKey),
    clock: systemClock,
    config,
    logger: createLogger(config),
    wake: () => worker?.wake(),
    metrics,
  };
  const transports = createTransports(config);
  worker = new Worker(ctx, transports);
  worker.start();
  return {
    wake: () => worker!.wake(),
    runOnce: () => worker!.runOnce(),
    async stop() {
      await worker!.stop();
      transports.email.close?.();
      transports.sms.close?.();
    },
  };
}
