import { desc, eq, or } from 'drizzle-orm';
import { insertColumns } from '../db/bulk';
import type { Db } from '../db/client';
import { deliveries, helpRequests, type Channel } from '../db/schema';
import { decrypt, encrypt, type Keys } from '../lib/crypto';
import type { Locale } from '../../shared/locale';

/** What the worker needs to send one message; stored encrypted in the outbox. */
export interface OutgoingPayload {
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  /** What the message carries, for the development outbox (codes and links are in the text too). */
  codes: string[];
  links: string[];
}

export interface NewDelivery {
  helpRequestId: string | null;
  accountId: string | null;
  contactKey: string;
  channel: Channel;
  template: string;
  locale: Locale;
  recipientMasked: string;
  payload: OutgoingPayload;
  now: Date;
}

/** A message taken for sending (status `sending`, leased): what the sender needs. */
export interface ClaimedDelivery {
  id: string;
  channel: Channel;
  attempts: number;
  payloadEnc: string | null;
}

/**
 * Taking the first `limit` messages for sending as they are queued, leased until `leaseUntil`:
 * the worker that queues them sends them once the transaction is committed, without claiming
 * them again (one row version fewer per message). `limit` is the transports' batch, so no more
 * are in flight at a crash than when claimed later.
 */
export interface ClaimOnQueue {
  leaseUntil: Date;
  limit: number;
}

/**
 * Queues messages in the outbox, in the caller's transaction (one statement); the worker sends
 * them. With `claim`, the first ones are queued already taken for sending and returned.
 */
export async function enqueueDeliveries(
  tx: Db,
  keys: Keys,
  list: readonly NewDelivery[],
  claim?: ClaimOnQueue,
): Promise<{ ids: string[]; claimed: ClaimedDelivery[] }> {
  if (list.length === 0) return { ids: [], claimed: [] };
  const column = <T>(pick: (delivery: NewDelivery) => T) => list.map(pick);
  const sealed = column((d) => encrypt(keys, JSON.stringify(d.payload)));
  const taken = (i: number) => claim !== undefined && i < claim.limit;
  const inserted = await insertColumns<{ id: string }>(
    tx,
    deliveries,
    [
      ['created_at', 'timestamptz', column((d) => d.now.toISOString())],
      ['help_request_id', 'uuid', column((d) => d.helpRequestId)],
      ['account_id', 'uuid', column((d) => d.accountId)],
      ['contact_key', 'text', column((d) => d.contactKey)],
      ['channel', 'text', column((d) => d.channel)],
      ['template', 'text', column((d) => d.template)],
      ['locale', 'text', column((d) => d.locale)],
      ['recipient_masked', 'text', column((d) => d.recipientMasked)],
      ['payload_enc', 'text', sealed],
      ['next_attempt_at', 'timestamptz', column((d) => d.now.toISOString())],
      ['status', 'text', list.map((_, i) => (taken(i) ? 'sending' : 'pending'))],
      ['attempts', 'int4', list.map((_, i) => (taken(i) ? 1 : 0))],
      ['lease_until', 'timestamptz', list.map((_, i) => (taken(i) ? claim!.leaseUntil.toISOString() : null))],
    ],
    { returning: 'id' },
  );
  const ids = inserted.map((row) => row.id);
  const claimed = list.flatMap((d, i): ClaimedDelivery[] =>
    taken(i) ? [{ id: ids[i], channel: d.channel, attempts: 1, payloadEnc: sealed[i] }] : [],
  );
  return { ids, claimed };
}

/** Queues one message in the outbox, in the caller's transaction; the worker sends it. */
export async function enqueueDelivery(tx: Db, keys: Keys, delivery: NewDelivery): Promise<string> {
  const { ids } = await enqueueDeliveries(tx, keys, [delivery]);
  return ids[0];
}

export function openPayload(keys: Keys, sealed: string | null): OutgoingPayload | null {
  return sealed ? (JSON.parse(decrypt(keys, sealed)) as OutgoingPayload) : null;
}

export interface OutboxMessage {
  id: string;
  createdAt: string;
  channel: Channel;
  template: string;
  locale: string;
  status: string;
  attempts: number;
  recipient: string | null;
  recipientMasked: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  codes: string[];
  links: string[];
}

/** The stored messages, newest first, opened (development only: they carry codes and links). */
export async function listOutbox(
  db: Db,
  keys: Keys,
  options: { contactKey?: string; limit: number },
): Promise<OutboxMessage[]> {
  // About a contact: sent to it, or asked for with it (a username's messages go to its email).
  const query = db
    .select({ delivery: deliveries })
    .from(deliveries)
    .leftJoin(helpRequests, eq(helpRequests.id, deliveries.helpRequestId));
  const rows = await (
    options.contactKey
      ? query.where(
          or(eq(deliveries.contactKey, options.contactKey), eq(helpRequests.contactKey, options.contactKey)),
        )
      : query
  )
    .orderBy(desc(deliveries.seq))
    .limit(options.limit);
  return rows.map(({ delivery: row }) => {
    const payload = openPayload(keys, row.payloadEnc);
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      channel: row.channel,
      template: row.template,
      locale: row.locale,
      status: row.status,
      attempts: row.attempts,
      recipient: payload?.to ?? null,
      recipientMasked: row.recipientMasked,
      subject: payload?.subject ?? null,
      text: payload?.text ?? null,
      html: payload?.html ?? null,
      codes: payload?.codes ?? [],
      links: payload?.links ?? [],
    };
  });
}
