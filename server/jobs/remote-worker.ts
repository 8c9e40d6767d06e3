import type { RemotePglite } from '../db/pglite-remote';
import type { Metrics } from '../lib/metrics';

/** What the app and `npm start` need of the background worker, wherever it runs. */
export interface BackgroundWorker {
  start(): void;
  wake(): void;
  runOnce(): Promise<{ requests: number; sent: number }>;
  /** How far behind the help-request queue was at the last pass (see `Worker.queueLagMs`). */
  queueLagMs(): number;
  stop(): Promise<void>;
}

/**
 * The background worker running in the database thread (server/jobs/database-thread.ts), driven from
 * the main thread; the counters it moves arrive in this process's metrics.
 */
export class RemoteWorker implements BackgroundWorker {
  private started: Promise<void> | null = null;
  private lagMs = 0;

  constructor(
    private readonly thread: RemotePglite,
    metrics: Metrics | undefined,
  ) {
    thread.onMetric((metric, labels, value) => {
      if (metric === 'deliveries' && labels) metrics?.deliveries.inc(labels);
      if (metric === 'workerPasses') metrics?.workerPasses.inc();
      if (metric === 'helpQueueLag' && value !== undefined) {
        this.lagMs = value * 1000;
        metrics?.helpQueueLag.set(value);
      }
    });
  }

  queueLagMs(): number {
    return this.lagMs;
  }

  start(): void {
    this.started ??= this.thread.call<void>({ type: 'jobs-start' });
  }

  wake(): void {
    this.thread.notify({ type: 'jobs-wake' });
  }

  async runOnce(): Promise<{ requests: number; sent: number }> {
    this.start();
    await this.started;
    return this.thread.call({ type: 'jobs-run' });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.thread.call({ type: 'jobs-stop' });
    this.started = null;
  }
}
