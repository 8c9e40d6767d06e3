import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { deliveries } from '../db/schema';
import { openPayload } from '../messaging/outbox';
import type { Transports } from '../messaging/transports';
import type { ServiceContext } from '../services/context';

// The delivery job: sends what the outbox holds, with retries and backoff, exactly once.

const BATCH = 10;

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
