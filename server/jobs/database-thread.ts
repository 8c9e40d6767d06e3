/**
 * What runs inside the database thread (server/db/pglite-thread.mjs loads this when the main thread
 * asks), next to PGlite, with no round trip per statement and nothing on the event loop that
 * serves pages and answers requests:
 * - accepting help requests: each group's transaction (limits, send slots, the queued rows);
 * - the background worker: diagnosing help requests, issuing codes, rendering and delivering
 *   messages.
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
import { acceptHelpRequestGroup } from '../services/help-requests';
import type { AcceptResult, HelpRequestInput } from '../services/help-request-types';
import { Worker } from './worker';

export interface DatabaseThreadServices {
  /** One group of help requests, as of the main thread's `now` (see `acceptHelpRequest`). */
  acceptHelpRequests(inputs: HelpRequestInput[], now: Date): Promise<AcceptResult[]>;
  startJobs(): void;
  wake(): void;
  runOnce(): Promise<{ requests: number; sent: number }>;
  stopJobs(): Promise<void>;
}

/** The services over `client`; counters are reported to the main thread through `report`. */
export function startDatabaseThreadServices(
  client: PGlite,
  config: Config,
  report: (
    metric: 'deliveries' | 'workerPasses' | 'helpQueueLag',
    labels?: Record<string, string>,
    value?: number,
  ) => void,
): DatabaseThreadServices {
  // Only the metrics the jobs move, forwarded to the main thread's registry (one /metrics).
  const metrics = {
    deliveries: { inc: (labels: Record<string, string>) => report('deliveries', labels) },
    workerPasses: { inc: () => report('workerPasses') },
    helpQueueLag: { set: (seconds: number) => report('helpQueueLag', undefined, seconds) },
  } as unknown as Metrics;
  let jobs: { worker: Worker; stop(): Promise<void> } | null = null;
  const ctx: ServiceContext = {
    db: drizzleOverPglite(client),
    keys: deriveKeys(config.secretKey),
    clock: systemClock,
    config,
    logger: createLogger(config),
    wake: () => jobs?.worker.wake(),
    metrics,
  };
  const running = () => {
    if (!jobs) throw new Error('the jobs are not started');
    return jobs.worker;
  };
  return {
    acceptHelpRequests: (inputs, now) => acceptHelpRequestGroup(ctx, inputs, now),
    startJobs() {
      if (jobs) return;
      const transports = createTransports(config);
      // Its statements let the help requests waiting to be accepted go first (see drizzleOverPglite).
      const worker = new Worker({ ...ctx, db: drizzleOverPglite(client, { yieldFirst: true }) }, transports);
      worker.start();
      jobs = {
        worker,
        async stop() {
          await worker.stop();
          transports.email.close?.();
          transports.sms.close?.();
        },
      };
    },
    wake: ctx.wake,
    runOnce: () => running().runOnce(),
    async stopJobs() {
      const stopping = jobs;
      jobs = null;
      await stopping?.stop();
    },
  };
}
