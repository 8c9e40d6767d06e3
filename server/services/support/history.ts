import { and, count, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, helpRequests, rateLimits } from '../../db/schema';
import type { ContactKind } from '../contacts';
import type { ServiceContext } from '../context';
import { sendRules, waitForNextSend } from '../limits';

// An account's histories as support reads them: every help request with what came of it, when the
// next one is possible, and the audit log (state changes and actions apart from look-ups, paged).

/** What came of a help request, in the words support needs (the stored outcome lists templates). */
export type HelpRequestResult =
  'queued' | 'sent' | 'nothing-sent' | 'cooling-down' | 'limit-reached' | 'refused';

export interface HelpRequestEntry {
  at: string;
  via: string;
  purpose: string;
  channel: string;
  locale: string;
  status: string;
  outcome: string | null;
  result: HelpRequestResult;
  /** Why the input alone refused it (`sms-unavailable`, `email-required`, `phone-required`). */
  refusal: string | null;
  /** The messages it sent (templates), for `sent`. */
  messages: string[];
}

type HelpRequestRow = typeof helpRequests.$inferSelect;

/** Outcomes of a processed request that sent nothing (the rest list the templates sent). */
const NOTHING_SENT = new Set(['nothing', 'unknown-contact', 'invalid-contact']);

export function helpRequestEntry(row: HelpRequestRow, via: string): HelpRequestEntry {
  const entry = {
    at: row.createdAt.toISOString(),
    via,
    purpose: row.purpose,
    channel: row.channel,
    locale: row.locale,
    status: row.status,
    outcome: row.outcome,
  };
  if (row.status === 'queued') return { ...entry, result: 'queued', refusal: null, messages: [] };
  if (row.status === 'refused') {
    const limited = row.outcome === 'cooling-down' || row.outcome === 'limit-reached';
    return {
      ...entry,
      result: limited ? (row.outcome as 'cooling-down' | 'limit-reached') : 'refused',
      refusal: limited ? null : row.outcome,
      messages: [],
    };
  }
  if (!row.outcome || NOTHING_SENT.has(row.outcome))
    return { ...entry, result: 'nothing-sent', refusal: null, messages: [] };
  return { ...entry, result: 'sent', refusal: null, messages: row.outcome.split('+') };
}

export interface NextHelpRequest {
  kind: ContactKind;
  masked: string;
  /** When a help request for this contact is accepted again; null: right now. */
  at: string | null;
}

/** When each contact may ask again: its send slot (resend interval, per hour, per day). */
export async function nextHelpRequests(
  ctx: ServiceContext,
  db: Db,
  contacts: { kind: ContactKind; key: string; masked: string }[],
  now: Date,
): Promise<NextHelpRequest[]> {
  if (contacts.length === 0) return [];
  const slots = await db
    .select({ key: rateLimits.key, hits: rateLimits.hits })
    .from(rateLimits)
    .where(
      inArray(
        rateLimits.key,
        contacts.map((contact) => `send:${contact.key}`),
      ),
    );
  return contacts.map((contact) => {
    const hits = slots.find((slot) => slot.key === `send:${contact.key}`)?.hits ?? [];
    const wait = waitForNextSend(hits, now.getTime(), sendRules(ctx));
    return {
      kind: contact.kind,
      masked: contact.masked,
      at: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null,
    };
  });
}

export const LOOKUP_ACTION = 'support.account-viewed';

/** The audit log's two views: what changed the account (and actions), or support's look-ups. */
export type AuditKind = 'changes' | 'lookups';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The cursor of the next (older) page; null on the last one. */
  next: string | null;
}

export const AUDIT_PAGE_SIZE = 20;

/** One page of an account's audit log, newest first, older than the cursor `before` (an entry id). */
export async function auditPage(
  db: Db,
  accountId: string,
  options: { kind: AuditKind; before?: string | null; limit?: number },
): Promise<AuditPage> {
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const before = options.before ? Number(options.before) : null;
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.accountId, accountId),
        options.kind === 'lookups' ? eq(auditLog.action, LOOKUP_ACTION) : ne(auditLog.action, LOOKUP_ACTION),
        before !== null && Number.isSafeInteger(before) ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    details: row.details,
  }));
  return { entries, next: rows.length > limit ? entries[entries.length - 1].id : null };
}

export interface LookupSummary {
  count: number;
  lastAt: string | null;
  lastBy: string | null;
}

/** How often support looked the account up, and the latest one: the look-ups collapsed into a line. */
export async function lookupSummary(db: Db, accountId: string): Promise<LookupSummary> {
  const where = and(eq(auditLog.accountId, accountId), eq(auditLog.action, LOOKUP_ACTION));
  const [total] = await db.select({ count: count() }).from(auditLog).where(where);
  const [last] = await db
    .select({ at: auditLog.at, actor: auditLog.actor })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(1);
  return { count: total?.count ?? 0, lastAt: last?.at.toISOString() ?? null, lastBy: last?.actor ?? null };
}

/** The latest help requests of the account's contacts, refused ones included. */
export function recentHelpRequests(db: Db, keys: string[], limit: number) {
  return keys.length
    ? db
        .select()
        .from(helpRequests)
        .where(inArray(helpRequests.contactKey, keys))
        .orderBy(desc(helpRequests.seq))
        .limit(limit)
    : Promise.resolve([] as HelpRequestRow[]);
}
