import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { feedback, troubleshooterEvents, type FeedbackKind, type FeedbackReason } from '../db/schema';
import type { ServiceContext } from './context';
import { clientKey } from '../lib/crypto';
import { hitFixedWindow, type LimitResult } from './limits';
import { COMMENT_MAX } from '../../shared/feedback';
import { LOCALES, type Locale } from '../../shared/locale';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A comment as stored: well-formed Unicode (NFC), Windows line ends made plain, control characters
 * other than newline and tab dropped (PostgreSQL text cannot hold NUL), trimmed; null when empty.
 * Null when longer than {@link COMMENT_MAX} characters too: the caller refuses it.
 */
export function cleanComment(
  raw: string | undefined | null,
): { ok: true; value: string | null } | { ok: false } {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  const value = raw
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .trim();
  if ([...value].length > COMMENT_MAX) return { ok: false };
  return { ok: true, value: value || null };
}

/** The per-client-address limit of anonymous writes (feedback, troubleshooter events). */
export function checkAnonymousLimit(
  ctx: ServiceContext,
  kind: 'feedback' | 'events',
  address: string,
): Promise<LimitResult> {
  return hitFixedWindow(
    ctx.db,
    `ip-${kind}:${clientKey(ctx.keys, address)}`,
    ctx.clock.now(),
    ctx.config.security.ipWindowSeconds,
    kind === 'feedback' ? ctx.config.feedback.ipLimit : ctx.config.feedback.eventIpLimit,
  );
}

/** Stores one anonymous "Was this helpful?" answer. */
export async function recordFeedback(
  ctx: ServiceContext,
  input: {
    kind: FeedbackKind;
    target: string;
    locale: Locale;
    helpful: boolean;
    reasons: FeedbackReason[];
    comment: string | null;
  },
): Promise<void> {
  await ctx.db.insert(feedback).values({
    at: ctx.clock.now(),
    kind: input.kind,
    target: input.target,
    locale: input.locale,
    helpful: input.helpful,
    // A "yes" has no reasons; each reason counts once.
    reasons: input.helpful ? [] : [...new Set(input.reasons)],
    comment: input.helpful ? null : input.comment,
  });
}

/** Stores that a troubleshooter run reached a step. */
export async function recordTroubleshooterEvent(
  ctx: ServiceContext,
  input: { runId: string; step: string; locale: Locale },
): Promise<void> {
  await ctx.db.insert(troubleshooterEvents).values({ at: ctx.clock.now(), ...input });
}

export interface HelpfulnessRow {
  kind: FeedbackKind;
  target: string;
  locale: Locale;
  yes: number;
  no: number;
  reasons: Partial<Record<FeedbackReason, number>>;
}

export interface StepRow {
  step: string;
  /** Runs that reached the step. */
  reached: number;
  /** Runs whose last step it was. */
  lastStep: number;
}

/** Answers to "Was this helpful?" in one week (starting on Monday, UTC), for the trend. */
export interface WeekRow {
  week: string;
  kind: FeedbackKind;
  yes: number;
  no: number;
}

export interface Report {
  from: string;
  to: string;
  helpfulnessByWeek: WeekRow[];
  /** The drop-off per language of the run (the language it started in). */
  troubleshooterByLocale: Record<Locale, { runs: number; steps: StepRow[] }>;
  helpfulness: HelpfulnessRow[];
  comments: {
    at: string;
    kind: FeedbackKind;
    target: string;
    locale: Locale;
    reasons: FeedbackReason[];
    comment: string;
  }[];
  troubleshooter: { runs: number; steps: StepRow[] };
}

const iso = (date: Date) => date.toISOString();

/**
 * Helpfulness per page and language, the latest comments, and where troubleshooter runs stopped,
 * over `[from, to)`. A run belongs to the period it started in.
 */
export async function buildReport(ctx: ServiceContext, from: Date, to: Date): Promise<Report> {
  const db = ctx.db;
  const inPeriod = sql`${feedback.at} >= ${iso(from)}::timestamptz and ${feedback.at} < ${iso(to)}::timestamptz`;
  const [counts, reasons, comments, steps, runs, weeks, localeSteps, localeRuns] = await Promise.all([
    rows<{ kind: FeedbackKind; target: string; locale: Locale; yes: number; no: number }>(
      db,
      sql`select kind, target, locale,
            count(*) filter (where helpful)::int as yes,
            count(*) filter (where not helpful)::int as no
          from ${feedback} where ${inPeriod}
          group by kind, target, locale order by kind, target, locale`,
    ),
    rows<{ kind: FeedbackKind; target: string; locale: Locale; reason: FeedbackReason; count: number }>(
      db,
      sql`select kind, target, locale, reason, count(*)::int as count
          from ${feedback}, jsonb_array_elements_text(${feedback.reasons}) as reason
          where ${inPeriod} and not helpful
          group by kind, target, locale, reason`,
    ),
    rows<{
      at: Date | string;
      kind: FeedbackKind;
      target: string;
      locale: Locale;
      reasons: FeedbackReason[];
      comment: string;
    }>(
      db,
      sql`select at, kind, target, locale, reasons, comment from ${feedback}
          where ${inPeriod} and comment is not null order by id desc limit 50`,
    ),
    rows<StepRow>(
      db,
      sql`with started as (
            select run_id from ${troubleshooterEvents} group by run_id
            having min(at) >= ${iso(from)}::timestamptz and min(at) < ${iso(to)}::timestamptz
          ),
          last_step as (
            select distinct on (e.run_id) e.run_id, e.step from ${troubleshooterEvents} e
            join started s on s.run_id = e.run_id order by e.run_id, e.id desc
          )
          select e.step, count(distinct e.run_id)::int as "reached",
            (select count(*)::int from last_step l where l.step = e.step) as "lastStep"
          from ${troubleshooterEvents} e join started s on s.run_id = e.run_id
          group by e.step order by "reached" desc, e.step`,
    ),
    rows<{ runs: number }>(
      db,
      sql`select count(*)::int as runs from (
            select run_id from ${troubleshooterEvents} group by run_id
            having min(at) >= ${iso(from)}::timestamptz and min(at) < ${iso(to)}::timestamptz
          ) r`,
    ),
    rows<WeekRow>(
      db,
      sql`select to_char(date_trunc('week', at at time zone 'UTC'), 'YYYY-MM-DD') as week, kind,
            count(*) filter (where helpful)::int as yes,
            count(*) filter (where not helpful)::int as no
          from ${feedback} where ${inPeriod}
          group by 1, kind order by 1, kind`,
    ),
    rows<StepRow & { locale: Locale }>(
      db,
      sql`with ${startedRuns(from, to)},
          last_step as (
            select distinct on (e.run_id) e.run_id, e.step from ${troubleshooterEvents} e
            join started s on s.run_id = e.run_id order by e.run_id, e.id desc
          )
          select s.locale, e.step, count(distinct e.run_id)::int as "reached",
            (select count(*)::int from last_step l join started t on t.run_id = l.run_id
              where l.step = e.step and t.locale = s.locale) as "lastStep"
          from ${troubleshooterEvents} e join started s on s.run_id = e.run_id
          group by s.locale, e.step order by s.locale, "reached" desc, e.step`,
    ),
    rows<{ locale: Locale; runs: number }>(
      db,
      sql`with ${startedRuns(from, to)} select locale, count(*)::int as runs from started group by locale`,
    ),
  ]);
  const key = (row: { kind: string; target: string; locale: string }) =>
    `${row.kind}\u0000${row.target}\u0000${row.locale}`;
  const reasonsBy = new Map<string, HelpfulnessRow['reasons']>();
  for (const row of reasons) {
    const entry = reasonsBy.get(key(row)) ?? {};
    entry[row.reason] = row.count;
    reasonsBy.set(key(row), entry);
  }
  return {
    from: iso(from),
    to: iso(to),
    helpfulness: counts.map((row) => ({ ...row, reasons: reasonsBy.get(key(row)) ?? {} })),
    comments: comments.map((row) => ({ ...row, at: new Date(row.at).toISOString() })),
    troubleshooter: { runs: runs[0]?.runs ?? 0, steps: steps },
    helpfulnessByWeek: weeks,
    troubleshooterByLocale: Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        {
          runs: localeRuns.find((row) => row.locale === locale)?.runs ?? 0,
          steps: localeSteps
            .filter((row) => row.locale === locale)
            .map(({ step, reached, lastStep }) => ({ step, reached, lastStep })),
        },
      ]),
    ) as Report['troubleshooterByLocale'],
  };
}

/** The runs that started in `[from, to)`, each with the language it started in (`started`). */
function startedRuns(from: Date, to: Date) {
  return sql`started as (
    select run_id, (array_agg(locale order by id))[1] as locale from ${troubleshooterEvents}
    group by run_id
    having min(at) >= ${iso(from)}::timestamptz and min(at) < ${iso(to)}::timestamptz
  )`;
}
