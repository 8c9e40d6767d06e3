import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, serviceNotices, type NoticeChannel } from '../../db/schema';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { NOTICE_MAX_DAYS } from '../../../shared/service-notices';
import { agentActor, type AgentRequest } from './agents';
import type { AuditEntry } from './history';

// Notices support writes for workers while messages have trouble: one at a time, each with an end,
// every change audited with the agent's name.

const NOTICE_MAX_SECONDS = NOTICE_MAX_DAYS * 86_400;

export const NOTICE_PUBLISHED = 'support.notice-published';
export const NOTICE_ENDED = 'support.notice-ended';

type NoticeRow = typeof serviceNotices.$inferSelect;

export interface SupportNotice {
  id: string;
  channel: NoticeChannel;
  text: { en: string; fr: string };
  until: string;
  createdAt: string;
  createdBy: string;
  /** `ended`: by an agent before its end (`endedBy`: the agent's name); `expired`: its end passed. */
  state: 'active' | 'ended' | 'expired';
  endedAt: string | null;
  endedBy: string | null;
}

export function noticeView(row: NoticeRow, now: Date): SupportNotice {
  return {
    id: row.id,
    channel: row.channel,
    text: { en: row.textEn, fr: row.textFr },
    until: row.endsAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    state: row.endedAt ? 'ended' : row.endsAt.getTime() <= now.getTime() ? 'expired' : 'active',
    endedAt: row.endedAt?.toISOString() ?? null,
    endedBy: row.endedBy,
  };
}

/** The notice workers see now, if any (the newest still running). */
export async function activeNotice(db: Db, now: Date): Promise<NoticeRow | null> {
  const [row] = await db
    .select()
    .from(serviceNotices)
    .where(and(isNull(serviceNotices.endedAt), gt(serviceNotices.endsAt, now)))
    .orderBy(desc(serviceNotices.createdAt))
    .limit(1);
  return row ?? null;
}

export interface NoticeBoard {
  active: SupportNotice | null;
  /** The latest notices, newest first, with how each ended. */
  recent: SupportNotice[];
  /** Their audit entries (published, ended), newest first. */
  auditLog: AuditEntry[];
}

export async function noticeBoard(db: Db, now: Date): Promise<NoticeBoard> {
  const rows = await db.select().from(serviceNotices).orderBy(desc(serviceNotices.createdAt)).limit(10);
  const entries = await db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.action, [NOTICE_PUBLISHED, NOTICE_ENDED]))
    .orderBy(desc(auditLog.id))
    .limit(20);
  const recent = rows.map((row) => noticeView(row, now));
  return {
    active: recent.find((notice) => notice.state === 'active') ?? null,
    recent,
    auditLog: entries.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      details: row.details,
    })),
  };
}

export interface NewNotice {
  channel: NoticeChannel;
  en: string;
  fr: string;
  until: Date;
}

/** Publishes a notice (ending the one running, if any), audited. */
export async function publishNotice(
  ctx: ServiceContext,
  notice: NewNotice,
  by: AgentRequest,
): Promise<{ status: 'done'; board: NoticeBoard } | { status: 'refused'; reason: 'notice-end-invalid' }> {
  const now = ctx.clock.now();
  const left = notice.until.getTime() - now.getTime();
  if (!(left > 0 && left <= NOTICE_MAX_SECONDS * 1000))
    return { status: 'refused', reason: 'notice-end-invalid' };
  await ctx.db.transaction(async (tx) => {
    const running = await activeNotice(tx, now);
    if (running) await end(tx, running, now, by, 'replaced');
    const [row] = await tx
      .insert(serviceNotices)
      .values({
        createdAt: now,
        createdBy: by.agent,
        channel: notice.channel,
        textEn: notice.en,
        textFr: notice.fr,
        endsAt: notice.until,
      })
      .returning({ id: serviceNotices.id });
    await audit(tx, {
      at: now,
      actor: agentActor(by.agent),
      action: NOTICE_PUBLISHED,
      requestId: by.requestId,
      details: {
        notice: row.id,
        channel: notice.channel,
        until: notice.until.toISOString(),
        en: notice.en,
        fr: notice.fr,
      },
    });
  });
  return { status: 'done', board: await noticeBoard(ctx.db, now) };
}

async function end(tx: Db, row: NoticeRow, now: Date, by: AgentRequest, why: 'ended' | 'replaced') {
  await tx
    .update(serviceNotices)
    .set({ endedAt: now, endedBy: by.agent })
    .where(eq(serviceNotices.id, row.id));
  await audit(tx, {
    at: now,
    actor: agentActor(by.agent),
    action: NOTICE_ENDED,
    requestId: by.requestId,
    details: { notice: row.id, channel: row.channel, until: row.endsAt.toISOString(), why },
  });
}

/** Ends the running notice before its time, audited. */
export async function endNotice(
  ctx: ServiceContext,
  id: string,
  by: AgentRequest,
): Promise<{ status: 'done'; board: NoticeBoard } | { status: 'refused'; reason: 'notice-not-active' }> {
  const now = ctx.clock.now();
  const ended = await ctx.db.transaction(async (tx) => {
    const running = await activeNotice(tx, now);
    if (!running || running.id !== id) return false;
    await end(tx, running, now, by, 'ended');
    return true;
  });
  if (!ended) return { status: 'refused', reason: 'notice-not-active' };
  return { status: 'done', board: await noticeBoard(ctx.db, now) };
}
