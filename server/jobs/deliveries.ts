import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { columnRows } from '../db/bulk';
import { deliveries } from '../db/schema';
import { openPayload, type ClaimedDelivery } from '../messaging/outbox';
import type { Transports } from '../messaging/transports';
import type { ServiceContext } from '../services/context';

// The delivery job: sends what the outbox holds, with retries and backoff, exactly once.

/** Messages claimed at once when a transport does not say (a provider's rate limits). */
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

/** Messages claimed at once: the smaller of the transports' batches. */
export function claimLimit(transports: Transports): number {
  return Math.min(transports.email.batch ?? BATCH, transports.sms.batch ?? BATCH);
}

/** Until when a message claimed now is leased to this worker. */
export function leaseFrom(ctx: ServiceContext): Date {
  return new Date(ctx.clock.now().getTime() + ctx.config.worker.leaseSeconds * 1000);
}

/** Sends the due messages once (a batch at most); returns how many were attempted. */
export async function deliverDue(ctx: ServiceContext, transports: Transports): Promise<number> {
  const now = ctx.clock.now();
  const leaseUntil = leaseFrom(ctx);
  // Claimed atomically (skip locked): another instance never takes the same message.
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.seq))
      .limit(claimLimit(transports))
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
      .returning({
        id: deliveries.id,
        channel: deliveries.channel,
        attempts: deliveries.attempts,
        payloadEnc: deliveries.payloadEnc,
      });
  });
  return sendClaimed(ctx, transports, claimed);
}

/**
 * Sends messages this worker has claimed (leased, status `sending`) and records each outcome:
 * sent, retried later with backoff, or failed. Returns how many were attempted.
 */
export async function sendClaimed(
  ctx: ServiceContext,
  transports: Transports,
  claimed: readonly ClaimedDelivery[],
): Promise<number> {
  const sent: { id: string; transport: string; providerMessageId: string | null }[] = [];
  await Promise.all(
    claimed.map(async (delivery) => {
      const payload = openPayload(ctx.keys, delivery.payloadEnc);
      const transport = delivery.channel === 'email' ? transports.email : transports.sms;
      const result = payload
        ? await transport.send({ ...payload, id: delivery.id })
        : ({ ok: false, retryable: false, error: 'no payload' } as const);
      if (result.ok) {
        sent.push({
          id: delivery.id,
          transport: result.transport,
          providerMessageId: result.providerMessageId,
        });
        ctx.metrics?.deliveries.inc({ channel: delivery.channel, outcome: 'sent' });
        ctx.logger.info(
          { delivery: delivery.id, channel: delivery.channel, transport: result.transport },
          'message sent',
        );
        return;
      }
      const at = ctx.clock.now();
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
  // The sent ones recorded together (one statement for the batch).
  if (sent.length > 0) {
    const erase = ctx.config.keepSentPayloads ? sql`` : sql`, payload_enc = null`;
    const v = columnRows([
      ['id', 'uuid', sent.map((row) => row.id)],
      ['transport', 'text', sent.map((row) => row.transport)],
      ['provider_message_id', 'text', sent.map((row) => row.providerMessageId)],
    ]);
    await ctx.db.execute(
      sql`update ${deliveries} set status = 'sent', sent_at = ${ctx.clock.now().toISOString()}::timestamptz, lease_until = null, transport = v.transport, provider_message_id = v.provider_message_id, last_error = null${erase} from (${v}) as v where ${deliveries.id} = v.id`,
    );
  }
  return claimed.length;
}
