import type { Transports } from '../messaging/transports';
import type { ServiceContext } from '../services/context';
import { processHelpRequests, queuedUpTo } from '../services/help-requests';
import { purgeExpiredLimits } from '../services/limits';
import { claimLimit, deliverDue, leaseFrom, markStaleSends, sendClaimed } from './deliveries';

export { backoffMs, deliverDue, markStaleSends } from './deliveries';

/**
 * How long a woken worker waits before its pass, so that a burst of requests is handled in a few
 * large batches. Each pass holds the database while it runs, and a request being accepted waits
 * for it: in the bench's storm (50 clients, embedded database) 20 ms gave ~950 accepted requests
 * per second, 100 ms ~1,250–1,500 with the same p99. A code still leaves a tenth of a second after
 * it was asked for.
 */
export const WAKE_DELAY_MS = 100;

/** The most help requests one pass processes, so that deliveries and purges get their turn. */
const PASS_REQUESTS = 100;

/**
 * How far behind the queue may fall before the worker stops pausing for new requests: past it, a
 * pass follows the previous one at once until the queue has caught up.
 */
const CATCH_UP_LAG_MS = 1_000;

/**
 * The background worker: turns queued help requests into messages and delivers them, with
 * retries and backoff. No HTTP response waits on it.
 */
export class Worker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private pending = false;
  private lastPurge = 0;
  private lastStaleCheck = -Infinity;
  private lagMs = 0;
  private backlog = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly transports: Transports,
  ) {}

  /**
   * One full pass (tests call this instead of starting the loop); with `upToSeq`, only the help
   * requests queued up to that one.
   */
  async runOnce(options: { upToSeq?: number } = {}): Promise<{ requests: number; sent: number }> {
    // Leases last minutes: looking for expired ones every few seconds is plenty.
    const started = this.ctx.clock.now().getTime();
    if (started - this.lastStaleCheck >= 5_000) {
      this.lastStaleCheck = started;
      await markStaleSends(this.ctx);
    }
    let sent = 0;
    // The messages of each batch are queued already claimed, and sent once it is committed.
    const { processed: requests, lagMs } = await processHelpRequests(this.ctx, {
      max: PASS_REQUESTS,
      upToSeq: options.upToSeq,
      claim: () => ({ leaseUntil: leaseFrom(this.ctx), limit: claimLimit(this.transports) }),
      afterBatch: async (claimed) => (sent += await sendClaimed(this.ctx, this.transports, claimed)),
    });
    this.lagMs = lagMs;
    this.backlog = requests >= PASS_REQUESTS;
    this.ctx.metrics?.helpQueueLag.set(lagMs / 1000);
    for (
      let batch = await deliverDue(this.ctx, this.transports);
      batch > 0;
      batch = await deliverDue(this.ctx, this.transports)
    ) {
      sent += batch;
    }
    const now = this.ctx.clock.now().getTime();
    if (now - this.lastPurge > 600_000) {
      this.lastPurge = now;
      await purgeExpiredLimits(this.ctx.db, this.ctx.clock.now());
    }
    this.ctx.metrics?.workerPasses.inc();
    return { requests, sent };
  }

  /**
   * How far behind the help-request queue was at the last pass: how long its oldest request had
   * waited, when more were waiting behind it (0 once a pass emptied it).
   */
  queueLagMs(): number {
    return this.lagMs;
  }

  /** Asks for a pass soon (new work was queued). */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  /**
   * Schedules a pass: the requests queued by now are the ones it handles, and a request accepted
   * from now on wakes the worker again (`pending`). A pass starts a pause (WAKE_DELAY_MS) after it
   * was scheduled, so the work a request's account calls for (looking it up, issuing the code,
   * the message) never starts within that pause after the request was accepted, when the client's
   * next request runs beside it: the request that follows a help request cannot time it
   * (SECURITY.md). The exception is a worker catching up with a backlog, when a pass follows the
   * previous one at once. Without a bound (the database failing), a pass takes what is queued.
   */
  private async schedule(): Promise<number | undefined> {
    this.pending = false;
    return queuedUpTo(this.ctx).catch(() => undefined);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // The bound of the next pass, taken when it is scheduled, a pause before it starts.
    const scheduled = async () => {
      const bound = this.schedule();
      await new Promise((resolve) => setTimeout(resolve, WAKE_DELAY_MS));
      return bound;
    };
    this.loop = (async () => {
      let failures = 0;
      let upToSeq = await scheduled();
      while (this.running) {
        try {
          await this.runOnce({ upToSeq });
          failures = 0;
        } catch (error) {
          // Not at once again: a failing database gets the backoff below.
          this.backlog = false;
          failures++;
          this.ctx.logger.error({ err: error }, 'worker pass failed');
        }
        if (!this.running) break;
        // Requests left for the next pass: at once when no new one is arriving (the end of a
        // burst) or when the queue has fallen too far behind; otherwise as below.
        if (this.backlog && (!this.pending || this.lagMs >= CATCH_UP_LAG_MS)) {
          upToSeq = await this.schedule();
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        // New requests: a short pause lets a burst of them be handled in one pass.
        if (this.pending) {
          upToSeq = await scheduled();
          continue;
        }
        // Nothing new: the next poll (requests of another instance's clients) or a wake, whichever
        // comes first, is scheduled like a wake, so the poll takes its bound a pause before it.
        const waitMs = failures
          ? Math.min(this.ctx.config.worker.pollMs * 2 ** failures, 30_000)
          : this.ctx.config.worker.pollMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, waitMs - WAKE_DELAY_MS));
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
        if (!this.running) break;
        upToSeq = await scheduled();
      }
    })();
  }

  /** Stops after the current pass: a message being sent is finished and recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }
}
