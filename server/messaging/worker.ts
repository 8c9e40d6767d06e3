import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { deliveries } from '../db/schema';
import type { ServiceContext } from '../services/context';
import { processHelpRequests } from '../services/help-requests';
import { purgeExpiredLimits } from '../services/limits';
import { openPayload } from './outbox';
import type { Transports } from './transports';

const BATCH = 10;
const WAKE_DELAY_MS = 20;

/** Backoff after a failed attempt: 30 s, 1 min, 2 min... (by default) up to 1 hour, with ±20 % jitter. */
export function backoffMs(attempt: number, random = Math.random, firstSeconds = 30): number {
  const base = Math.min(firstSeconds * 1000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * A message left "sending" past its lease was being sent when its process died: it may or may
 * not have gone out. It is marked uncertain and not sent again (nothing is ever sent twice).
 */
export async function markStaleSends(ctx: ServiceContext, options: { all?: boolean } = {}): Promise<number> {
  const sending = eq(deliveries.status, 'sending');
  const rows = await ctx.db
    .update(deliveries)
    .set({ status: 'uncertain', leaseUntil: null, lastError: 'interrupted while sending' })
    .where(options.all ? sending : and(sending, lte(deliveries.leaseUntil, ctx.clock.now())))
    .returning({ id: deliveries.id });
  return rows.length;
}

/** Sends the due messages once (a batch at most); returns how many were attempted. */
export async function deliverDue(ctx: ServiceContext, transports: Transports): Promise<number> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + ctx.config.worker.leaseSeconds * 1000);
  // Claimed atomically (skip locked): another instance never takes the same message.
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.seq))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(deliveries)
      .set({ status: 'sending', leaseUntil, attempts: sql`${deliveries.attempts} + 1` })
      .where(
        inArray(
          deliveries.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
  await Promise.all(
    claimed.map(async (delivery) => {
      const payload = openPayload(ctx.keys, delivery.payloadEnc);
      const transport = delivery.channel === 'email' ? transports.email : transports.sms;
      const result = payload
        ? await transport.send({ ...payload, id: delivery.id })
        : ({ ok: false, retryable: false, error: 'no payload' } as const);
      const at = ctx.clock.now();
      if (result.ok) {
        await ctx.db
          .update(deliveries)
          .set({
            status: 'sent',
            sentAt: at,
            leaseUntil: null,
            transport: result.transport,
            providerMessageId: result.providerMessageId,
            lastError: null,
            ...(ctx.config.keepSentPayloads ? {} : { payloadEnc: null }),
          })
          .where(eq(deliveries.id, delivery.id));
        ctx.metrics?.deliveries.inc({ channel: delivery.channel, outcome: 'sent' });
        ctx.logger.info(
          { delivery: delivery.id, channel: delivery.channel, transport: result.transport },
          'message sent',
        );
        return;
      }
      const giveUp = !result.retryable || delivery.attempts >= ctx.config.worker.maxAttempts;
      await ctx.db
        .update(deliveries)
        .set({
          status: giveUp ? 'failed' : 'pending',
          leaseUntil: null,
          lastError: result.error,
          nextAttemptAt: new Date(
            at.getTime() + backoffMs(delivery.attempts, Math.random, ctx.config.worker.backoffSeconds),
          ),
          ...(giveUp && !ctx.config.keepSentPayloads ? { payloadEnc: null } : {}),
        })
        .where(eq(deliveries.id, delivery.id));
      ctx.metrics?.deliveries.inc({ channel: delivery.channel, outcome: giveUp ? 'failed' : 'retry' });
      ctx.logger.warn(
        {
          delivery: delivery.id,
          channel: delivery.channel,
          attempt: delivery.attempts,
          error: result.error,
          giveUp,
        },
        'message not sent',
      );
    }),
  );
  return claimed.length;
}

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

  constructor(
    private readonly ctx: ServiceContext,
    private readonly transports: Transports,
  ) {}

  /** One full pass (tests call this instead of starting the loop). */
  async runOnce(): Promise<{ requests: number; sent: number }> {
    // Leases last minutes: looking for expired ones every few seconds is plenty.
    const started = this.ctx.clock.now().getTime();
    if (started - this.lastStaleCheck >= 5_000) {
      this.lastStaleCheck = started;
      await markStaleSends(this.ctx);
    }
    const requests = await processHelpRequests(this.ctx);
    let sent = 0;
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
    return { requests, sent };
  }

  /** Asks for a pass soon (new work was queued). */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      let failures = 0;
      while (this.running) {
        this.pending = false;
        try {
          await this.runOnce();
          failures = 0;
        } catch (error) {
          failures++;
          this.ctx.logger.error({ err: error }, 'worker pass failed');
        }
        if (!this.running) break;
        if (this.pending) {
          // A short pause lets a burst of requests be handled in one pass.
          await new Promise((resolve) => setTimeout(resolve, WAKE_DELAY_MS));
          continue;
        }
        const waitMs = failures
          ? Math.min(this.ctx.config.worker.pollMs * 2 ** failures, 30_000)
          : this.ctx.config.worker.pollMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            // A short pause lets a burst of requests be handled in one pass.
            setTimeout(resolve, WAKE_DELAY_MS);
          };
        });
        this.wakeUp = null;
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
