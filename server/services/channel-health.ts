import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { ServiceHealthConfig } from '../config/service';
import type { Db } from '../db/client';
import { CHANNELS, deliveries, type Channel } from '../db/schema';

/**
 * How each channel is doing, from the outbox and the receipts alone: `ok`, `delayed` (messages
 * arrive late, or some not at all) or `down` (most do not get through). Counted by recipient, and
 * never from one recipient alone, so one person's bad number or full mailbox never turns a channel
 * delayed for everyone.
 */

export const CHANNEL_STATES = ['ok', 'delayed', 'down'] as const;
export type ChannelState = (typeof CHANNEL_STATES)[number];

/** What a state was decided from (operators' logs and tests; never in a public answer). */
export interface ChannelSignals {
  /** How late the worker is: the oldest message due and not yet attempted, in seconds. */
  queueLagSeconds: number;
  /** The oldest message of the window waiting for another try, in seconds. */
  oldestRetrySeconds: number;
  /** Distinct recipients of the window's attempted messages, and those whose messages retry or failed. */
  recipients: number;
  troubledRecipients: number;
  /** Distinct recipients of the window's messages with a receipt, and those not delivered. */
  receiptRecipients: number;
  undeliveredRecipients: number;
}

export interface ChannelHealth {
  state: ChannelState;
  /** While delayed: how long a message may take now, in whole minutes (seconds); null when unknown. */
  waitSeconds: number | null;
  signals: ChannelSignals;
}

const seconds = (from: Date | string | null, now: Date) =>
  from ? Math.max(0, Math.floor((now.getTime() - new Date(from).getTime()) / 1000)) : 0;

/** The state the signals say, by the thresholds of `config`. */
export function judge(signals: ChannelSignals, config: ServiceHealthConfig): ChannelHealth {
  // One recipient in trouble is that person's number or mailbox, however few the others are.
  const share = (part: number, whole: number) =>
    whole >= config.minRecipients && part >= 2 ? (part * 100) / whole : 0;
  const worst = Math.max(
    share(signals.troubledRecipients, signals.recipients),
    share(signals.undeliveredRecipients, signals.receiptRecipients),
  );
  const lag = signals.queueLagSeconds;
  const state: ChannelState =
    lag >= config.downAfterSeconds || worst >= config.downPercent
      ? 'down'
      : lag >= config.delayedAfterSeconds || worst >= config.delayedPercent
        ? 'delayed'
        : 'ok';
  const wait = Math.max(lag, signals.oldestRetrySeconds);
  return {
    state,
    waitSeconds: state === 'delayed' && wait > 0 ? Math.ceil(wait / 60) * 60 : null,
    signals,
  };
}

const NO_SIGNALS: ChannelSignals = {
  queueLagSeconds: 0,
  oldestRetrySeconds: 0,
  recipients: 0,
  troubledRecipients: 0,
  receiptRecipients: 0,
  undeliveredRecipients: 0,
};

/** Every channel's health at `now` (two grouped queries on indexed columns). */
export async function channelHealth(
  db: Db,
  config: ServiceHealthConfig,
  now: Date,
): Promise<Record<Channel, ChannelHealth>> {
  const since = new Date(now.getTime() - config.windowSeconds * 1000);
  const due = await db
    .select({ channel: deliveries.channel, oldest: sql<string | null>`min(${deliveries.nextAttemptAt})` })
    .from(deliveries)
    .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
    .groupBy(deliveries.channel);
  const distinct = (condition: ReturnType<typeof sql>) =>
    sql<number>`count(distinct ${deliveries.contactKey}) filter (where ${condition})`.mapWith(Number);
  const recent = await db
    .select({
      channel: deliveries.channel,
      recipients: distinct(sql`${deliveries.attempts} >= 1`),
      troubled: distinct(
        sql`${deliveries.status} = 'failed' or (${deliveries.status} = 'pending' and ${deliveries.attempts} >= 1)`,
      ),
      receipts: distinct(sql`${deliveries.receiptState} is not null`),
      undelivered: distinct(sql`${deliveries.receiptState} in ('undelivered', 'failed')`),
      oldestRetry: sql<
        string | null
      >`min(${deliveries.createdAt}) filter (where ${deliveries.status} = 'pending' and ${deliveries.attempts} >= 1)`,
    })
    .from(deliveries)
    .where(gte(deliveries.createdAt, since))
    .groupBy(deliveries.channel);
  return Object.fromEntries(
    CHANNELS.map((channel) => {
      const lag = due.find((row) => row.channel === channel);
      const row = recent.find((entry) => entry.channel === channel);
      const signals: ChannelSignals = row
        ? {
            queueLagSeconds: seconds(lag?.oldest ?? null, now),
            oldestRetrySeconds: seconds(row.oldestRetry, now),
            recipients: row.recipients,
            troubledRecipients: row.troubled,
            receiptRecipients: row.receipts,
            undeliveredRecipients: row.undelivered,
          }
        : { ...NO_SIGNALS, queueLagSeconds: seconds(lag?.oldest ?? null, now) };
      return [channel, judge(signals, config)];
    }),
  ) as Record<Channel, ChannelHealth>;
}
