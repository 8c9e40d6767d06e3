import { eq, sql } from 'drizzle-orm';
import { columnRows, insertColumns } from '../db/bulk';
import type { Db } from '../db/client';
import { rateLimits } from '../db/schema';
import type { ServiceContext } from './context';
import { clientKey } from '../lib/crypto';
import { groupCommitPer } from '../lib/group-commit';

export type LimitResult =
  { allowed: true; retryAfterSeconds: number } | { allowed: false; retryAfterSeconds: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A fixed window counted in one atomic statement (per client address): the request that makes
 * the count exceed `limit` is refused until the window ends.
 */
export async function hitFixedWindow(
  db: Db,
  key: string,
  now: Date,
  windowSeconds: number,
  limit: number,
): Promise<LimitResult> {
  const [result] = await hitFixedWindows(db, [key], now, windowSeconds, limit);
  return result;
}

/**
 * {@link hitFixedWindow} for several hits at once, in one statement: a key hit n times counts n,
 * and its hits are decided in order (the one that makes the count exceed `limit` is refused, and
 * those after it).
 */
export async function hitFixedWindows(
  db: Db,
  keys: readonly string[],
  now: Date,
  windowSeconds: number,
  limit: number,
): Promise<LimitResult[]> {
  const nowMs = now.getTime();
  const windowMs = windowSeconds * 1000;
  const hits = new Map<string, number>();
  for (const key of keys) hits.set(key, (hits.get(key) ?? 0) + 1);
  const stale = sql`(${rateLimits.windowStart} is null or ${rateLimits.windowStart} <= ${iso(nowMs - windowMs)}::timestamptz)`;
  const distinct = [...hits.keys()].sort();
  const rows = await insertColumns<{ key: string; count: number; windowMs: number }>(
    db,
    rateLimits,
    [
      ['key', 'text', distinct],
      ['count', 'int4', distinct.map((key) => hits.get(key)!)],
      ['window_start', 'timestamptz', distinct.map(() => iso(nowMs))],
      ['expires_at', 'timestamptz', distinct.map(() => iso(nowMs + windowMs))],
    ],
    {
      onConflict: sql`(key) do update set
        count = case when ${stale} then excluded.count else ${rateLimits.count} + excluded.count end,
        window_start = case when ${stale} then excluded.window_start else ${rateLimits.windowStart} end,
        expires_at = case when ${stale} then excluded.expires_at else ${rateLimits.expiresAt} end`,
      returning: `key, count, (extract(epoch from window_start) * 1000)::float8 as "windowMs"`,
    },
  );
  const after = new Map(rows.map((row) => [row.key, row]));
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const row = after.get(key)!;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    const count = row.count - hits.get(key)! + nth;
    const retryAfterSeconds = seconds(row.windowMs + windowMs - nowMs);
    return count > limit ? { allowed: false, retryAfterSeconds } : { allowed: true, retryAfterSeconds: 0 };
  });
}

/**
 * Whether a fixed window counted by {@link hitFixedWindow} is over its limit right now, without
 * counting: while it is, the caller refuses everything alike.
 */
export async function fixedWindowExceeded(
  db: Db,
  key: string,
  now: Date,
  windowSeconds: number,
  limit: number,
): Promise<LimitResult> {
  const [row] = await db
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(eq(rateLimits.key, key))
    .limit(1);
  const endsMs = (row?.windowStart?.getTime() ?? 0) + windowSeconds * 1000;
  const over = Boolean(row && endsMs > now.getTime() && row.count > limit);
  return over
    ? { allowed: false, retryAfterSeconds: seconds(endsMs - now.getTime()) }
    : { allowed: true, retryAfterSeconds: 0 };
}

export interface SendRules {
  intervalSeconds: number;
  perHour: number;
  perDay: number;
}

/** A contact's send limits as configured (resend interval, per hour, per day). */
export function sendRules(ctx: ServiceContext): SendRules {
  const s = ctx.config.security;
  return { intervalSeconds: s.resendIntervalSeconds, perHour: s.sendsPerHour, perDay: s.sendsPerDay };
}

/**
 * Milliseconds until one more send is allowed, given the recent sends (sliding windows); support's
 * lookup says with it when a worker may ask again.
 */
export function waitForNextSend(hits: number[], nowMs: number, rules: SendRules): number {
  const sorted = hits.filter((t) => t > nowMs - DAY).sort((a, b) => a - b);
  const waits = [0];
  const last = sorted.at(-1);
  if (last !== undefined) waits.push(last + rules.intervalSeconds * 1000 - nowMs);
  const inHour = sorted.filter((t) => t > nowMs - HOUR);
  if (inHour.length >= rules.perHour) waits.push(inHour[inHour.length - rules.perHour] + HOUR - nowMs);
  if (sorted.length >= rules.perDay) waits.push(sorted[sorted.length - rules.perDay] + DAY - nowMs);
  return Math.max(...waits);
}

/**
 * Takes a send slot for a contact (resend interval, per hour, per day), whether or not the
 * contact is on file. Must run inside a transaction: the row stays locked until it ends.
 * When allowed, `retryAfterSeconds` is the wait before the next send.
 */
export async function takeSendSlot(tx: Db, key: string, now: Date, rules: SendRules): Promise<LimitResult> {
  const [slot] = await takeSendSlots(tx, [key], now, rules);
  return slot;
}

/**
 * {@link takeSendSlot} for several requests at once (a batch of help requests), in two statements
 * at most whatever their number: the rows of their contacts are locked (or created with their
 * first send) by one upsert, each request is decided in order (two for one contact: the second
 * sees the first's send), and the rows already on record that changed are written back by one
 * update.
 */
export async function takeSendSlots(
  tx: Db,
  keys: readonly string[],
  now: Date,
  rules: SendRules,
): Promise<LimitResult[]> {
  const nowMs = now.getTime();
  const expiresAt = new Date(nowMs + DAY);
  const distinct = [...new Set(keys)].sort();
  // A contact with no row yet (most of a storm) has no recent send, so its first request is
  // allowed: the upsert writes that send with the row, and only contacts already on record need
  // the second statement.
  const firstAllowed = !(waitForNextSend([], nowMs, rules) > 0);
  // The upsert locks the rows (sorted: two batches lock them in the same order).
  const rows = await insertColumns<{ key: string; hits: number[]; inserted: boolean }>(
    tx,
    rateLimits,
    [
      ['key', 'text', distinct],
      ['hits', 'jsonb', distinct.map(() => JSON.stringify(firstAllowed ? [nowMs] : []))],
      ['expires_at', 'timestamptz', distinct.map(() => expiresAt.toISOString())],
    ],
    {
      onConflict: sql`(key) do update set key = excluded.key`,
      returning: 'key, hits, (xmax = 0) as inserted',
    },
  );
  const fresh = new Set(rows.filter((row) => row.inserted && firstAllowed).map((row) => row.key));
  const hitsOf = new Map(
    rows.map((row) => [row.key, fresh.has(row.key) ? [] : row.hits.filter((t) => t > nowMs - DAY)]),
  );
  const changed = new Set<string>();
  const results = keys.map((key): LimitResult => {
    const recent = hitsOf.get(key) ?? [];
    const wait = waitForNextSend(recent, nowMs, rules);
    if (wait > 0) return { allowed: false, retryAfterSeconds: seconds(wait) };
    const hits = [...recent, nowMs];
    hitsOf.set(key, hits);
    changed.add(key);
    return { allowed: true, retryAfterSeconds: Math.ceil(waitForNextSend(hits, nowMs, rules) / 1000) };
  });
  // A fresh row already holds its first send.
  for (const key of fresh) if (hitsOf.get(key)!.length === 1) changed.delete(key);
  if (changed.size === 1) {
    const [key] = changed;
    await tx
      .update(rateLimits)
      .set({ hits: hitsOf.get(key)!, expiresAt })
      .where(eq(rateLimits.key, key));
  } else if (changed.size > 1) {
    const changedKeys = [...changed];
    const v = columnRows([
      ['key', 'text', changedKeys],
      ['hits', 'jsonb', changedKeys.map((key) => JSON.stringify(hitsOf.get(key)))],
    ]);
    await tx.execute(
      sql`update ${rateLimits} set hits = v.hits, expires_at = ${expiresAt.toISOString()}::timestamptz from (${v}) as v where ${rateLimits.key} = v.key`,
    );
  }
  return results;
}

/** At most one event per `intervalSeconds` (e.g. the "no account uses this address" notice). */
export async function takeOncePer(tx: Db, key: string, now: Date, intervalSeconds: number): Promise<boolean> {
  return (await takeOncePerEach(tx, [key], now, intervalSeconds)).has(key);
}

/** {@link takeOncePer} for several keys in one statement: the keys whose event may happen now. */
export async function takeOncePerEach(
  tx: Db,
  keys: readonly string[],
  now: Date,
  intervalSeconds: number,
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const nowMs = now.getTime();
  const expiresAt = new Date(nowMs + intervalSeconds * 1000);
  const distinct = [...new Set(keys)].sort();
  const rows = await insertColumns<{ key: string }>(
    tx,
    rateLimits,
    [
      ['key', 'text', distinct],
      ['window_start', 'timestamptz', distinct.map(() => now.toISOString())],
      ['expires_at', 'timestamptz', distinct.map(() => expiresAt.toISOString())],
    ],
    {
      onConflict: sql`(key) do update set window_start = excluded.window_start, expires_at = excluded.expires_at
        where ${rateLimits.windowStart} is null or ${rateLimits.windowStart} <= ${iso(nowMs - intervalSeconds * 1000)}::timestamptz`,
      returning: 'key',
    },
  );
  return new Set(rows.map((row) => row.key));
}

export interface FailureRules {
  failuresBeforeCooldown: number;
  cooldownSeconds: number;
  hardCap: number;
}

export type FailureState =
  { state: 'open' } | { state: 'cooling-down'; retryAfterSeconds: number } | { state: 'blocked' };

/**
 * Locks and reads the consecutive-failure counter of a contact. Inside a transaction, this also
 * serializes every verification of that contact.
 */
export async function lockFailures(tx: Db, key: string, now: Date): Promise<FailureState> {
  const nowMs = now.getTime();
  const [row] = await tx
    .insert(rateLimits)
    .values({ key, expiresAt: new Date(nowMs + 30 * DAY) })
    .onConflictDoUpdate({ target: rateLimits.key, set: { key: sql`excluded.key` } })
    .returning();
  if (row.level < 0) return { state: 'blocked' };
  if (row.blockedUntil && row.blockedUntil.getTime() > nowMs) {
    return { state: 'cooling-down', retryAfterSeconds: seconds(row.blockedUntil.getTime() - nowMs) };
  }
  return { state: 'open' };
}

/**
 * Counts one more consecutive failure: every `failuresBeforeCooldown` failures start a cool-down
 * that doubles each time; at `hardCap` the contact is blocked until support clears it.
 */
export async function recordFailure(
  tx: Db,
  key: string,
  now: Date,
  rules: FailureRules,
): Promise<FailureState> {
  const [row] = await tx
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} + 1` })
    .where(eq(rateLimits.key, key))
    .returning();
  if (row.count >= rules.hardCap) {
    await tx.update(rateLimits).set({ level: -1, blockedUntil: null }).where(eq(rateLimits.key, key));
    return { state: 'blocked' };
  }
  if (row.count % rules.failuresBeforeCooldown === 0) {
    const cooldownMs = rules.cooldownSeconds * 1000 * 2 ** row.level;
    await tx
      .update(rateLimits)
      .set({
        level: row.level + 1,
        blockedUntil: new Date(now.getTime() + cooldownMs),
        expiresAt: new Date(now.getTime() + cooldownMs + 30 * DAY),
      })
      .where(eq(rateLimits.key, key));
    return { state: 'cooling-down', retryAfterSeconds: seconds(cooldownMs) };
  }
  return { state: 'open' };
}

/** A success ends the run of consecutive failures. */
export async function resetFailures(tx: Db, key: string): Promise<void> {
  await tx.update(rateLimits).set({ count: 0, level: 0, blockedUntil: null }).where(eq(rateLimits.key, key));
}

/** Removes counters nobody needs any more (called by the worker now and then). */
export async function purgeExpiredLimits(db: Db, now: Date): Promise<void> {
  await db
    .delete(rateLimits)
    .where(sql`${rateLimits.expiresAt} < ${now.toISOString()}::timestamptz and ${rateLimits.level} >= 0`);
}

export type ClientLimitKind = 'send' | 'verify';

/** The counter of a client address's requests of one kind (never the address itself). */
export function clientLimitKey(ctx: ServiceContext, kind: ClientLimitKind, address: string): string {
  return `ip-${kind}:${clientKey(ctx.keys, address)}`;
}

/**
 * Counts hits of the per-client-address limit (30 sends or 60 verifications per 5 minutes by
 * default), one hit per key, in the caller's transaction.
 */
export function hitClientLimits(
  db: Db,
  ctx: ServiceContext,
  kind: ClientLimitKind,
  keys: readonly string[],
  now: Date,
): Promise<LimitResult[]> {
  const s = ctx.config.security;
  return hitFixedWindows(db, keys, now, s.ipWindowSeconds, kind === 'send' ? s.ipSendLimit : s.ipVerifyLimit);
}

/** The per-client-address limit of one request (help requests count theirs as they are accepted). */
export function checkClientLimit(ctx: ServiceContext, kind: ClientLimitKind, address: string) {
  return clientHits(ctx, { kind, key: clientLimitKey(ctx, kind, address) });
}

// Hits from requests arriving together are counted together (one statement a group).
const clientHits = groupCommitPer(
  (ctx: ServiceContext) =>
    async (hits: { kind: ClientLimitKind; key: string }[]): Promise<LimitResult[]> => {
      const now = ctx.clock.now();
      const results = new Array<LimitResult>(hits.length);
      for (const kind of ['send', 'verify'] as const) {
        const ofKind = hits.map((hit, i) => ({ hit, i })).filter(({ hit }) => hit.kind === kind);
        if (ofKind.length === 0) continue;
        const counted = await hitClientLimits(
          ctx.db,
          ctx,
          kind,
          ofKind.map(({ hit }) => hit.key),
          now,
        );
        ofKind.forEach(({ i }, j) => (results[i] = counted[j]));
      }
      return results;
    },
  500,
);
