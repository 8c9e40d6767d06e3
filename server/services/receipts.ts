import { and, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { deliveries, type ReceiptState } from '../db/schema';
import type { ServiceContext } from './context';

/**
 * Delivery receipts recorded on the message they are about. Idempotent and monotonic: a repeated
 * receipt changes nothing, and none moves a message backwards (once delivered it stays delivered;
 * an undelivered or failed one may still turn delivered, as carriers sometimes retry). Nothing of
 * this reaches a public answer: only support's lookup and the channels' health read it.
 */

export type ReceiptProvider = 'twilio' | 'webhook';

export interface Receipt {
  provider: ReceiptProvider;
  /** Twilio names a message by its own id (MessageSid); a webhook adapter by the id we posted. */
  match: { providerMessageId: string } | { deliveryId: string };
  state: ReceiptState;
  reason: string | null;
}

/** What came of a receipt: recorded, nothing new (repeated, or older than what is known), no such message. */
export type ReceiptOutcome = 'recorded' | 'unchanged' | 'unknown-message';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function matching(receipt: Receipt): SQL | null {
  if ('deliveryId' in receipt.match)
    return UUID.test(receipt.match.deliveryId) ? eq(deliveries.id, receipt.match.deliveryId) : null;
  const id = receipt.match.providerMessageId;
  return id ? and(eq(deliveries.providerMessageId, id), eq(deliveries.transport, receipt.provider))! : null;
}

export async function recordReceipt(ctx: ServiceContext, receipt: Receipt): Promise<ReceiptOutcome> {
  const where = matching(receipt);
  const outcome = where ? await record(ctx, where, receipt) : 'unknown-message';
  ctx.metrics?.receipts.inc({
    provider: receipt.provider,
    outcome: outcome === 'recorded' ? receipt.state : outcome,
  });
  if (outcome === 'recorded' && receipt.state !== 'delivered')
    ctx.logger.info(
      { provider: receipt.provider, state: receipt.state, reason: receipt.reason },
      'text message not delivered',
    );
  return outcome;
}

async function record(ctx: ServiceContext, where: SQL, receipt: Receipt): Promise<ReceiptOutcome> {
  // Forward only: nothing yet, or a delivery after a failure.
  const forward =
    receipt.state === 'delivered'
      ? or(isNull(deliveries.receiptState), ne(deliveries.receiptState, 'delivered'))
      : isNull(deliveries.receiptState);
  const updated = await ctx.db
    .update(deliveries)
    .set({
      receiptState: receipt.state,
      receiptReason: receipt.state === 'delivered' ? null : receipt.reason,
      receiptAt: ctx.clock.now(),
    })
    .where(and(where, eq(deliveries.channel, 'sms'), forward))
    .returning({ id: deliveries.id });
  if (updated.length > 0) return 'recorded';
  const [known] = await ctx.db
    .select({ found: sql<number>`1` })
    .from(deliveries)
    .where(and(where, eq(deliveries.channel, 'sms')))
    .limit(1);
  return known ? 'unchanged' : 'unknown-message';
}
