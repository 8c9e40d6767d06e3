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

/** Queues messages in the outbox, in the caller's transaction (one statement); the worker sends them. */
export async function enqueueDeliveries(tx: Db, keys: Keys, list: readonly NewDelivery[]): Promise<string[]> {
  if (list.length === 0) return [];
  const column = <T>(pick: (delivery: NewDelivery) => T) => list.map(pick);
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
      ['payload_enc', 'text', column((d) => encrypt(keys, JSON.stringify(d.payload)))],
      ['next_attempt_at', 'timestamptz', column((d) => d.now.toISOString())],
    ],
    'id',
  );
  return inserted.map((row) => row.id);
}

/** Queues one message in the outbox, in the caller's transaction; the worker sends it. */
export async function enqueueDelivery(tx: Db, keys: Keys, delivery: NewDelivery): Promise<string> {
  const [id] = await enqueueDeliveries(tx, keys, [delivery]);
  return id;
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
