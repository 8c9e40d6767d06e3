import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { searchEvents } from '../db/schema';
import { clientKey } from '../lib/crypto';
import type { Locale } from '../../shared/locale';
import { LOCALES } from '../../shared/locale';
import type { ServiceContext } from './context';
import { hitFixedWindow, type LimitResult } from './limits';

/** The longest query stored: what a worker types in a search box, never a pasted message. */
export const QUERY_MAX = 100;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Something with an @ between two runs of non-spaces: an email address, typed or pasted. */
const EMAIL = /[^\s@]+@[^\s@]*|@[^\s@]+/g;
/** Seven or more digits, with the separators people write phone numbers with. */
const PHONE = /\+?\(?\d(?:[\s().-]*\d){6,}/g;
/** Four or more digits: a login code, an access code, part of an address or an account number. */
const DIGITS = /\d(?:[\s.-]*\d){3,}/g;

/**
 * A query as stored: NFKC (fullwidth letters and digits are the usual ones), lowercase, control
 * characters out, spaces collapsed, and anything that looks like an email address, a phone
 * number or a code replaced by a placeholder ("[email]", "[phone]", "[number]"), so the report
 * still shows that people search with them but never says which. At most {@link QUERY_MAX}
 * characters; empty when nothing is left.
 */
export function normalizeQuery(raw: string): string {
  const text = raw
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFKC')
    .toLowerCase()
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(EMAIL, ' [email] ')
    .replace(PHONE, ' [phone] ')
    .replace(DIGITS, ' [number] ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...text].slice(0, QUERY_MAX).join('').trim();
}

/** The per-client-address limit of search events: its own bucket, the anonymous events' number. */
export function checkSearchEventLimit(ctx: ServiceContext, address: string): Promise<LimitResult> {
  return hitFixedWindow(
    ctx.db,
    `ip-search-events:${clientKey(ctx.keys, address)}`,
    ctx.clock.now(),
    ctx.config.security.ipWindowSeconds,
    ctx.config.feedback.eventIpLimit,
  );
}

/** Stores one search; false when nothing of the query is left to store. */
export async function recordSearchEvent(
  ctx: ServiceContext,
  input: { query: string; locale: Locale; results: number; opened: string | null },
): Promise<boolean> {
  const query = normalizeQuery(input.query);
  if (!query) return false;
  await ctx.db.insert(searchEvents).values({
    at: ctx.clock.now(),
    locale: input.locale,
    query,
    results: input.results,
    // An article opened from no result cannot be: the event is kept, the claim is not.
    opened: input.results > 0 ? input.opened : null,
  });
  return true;
}

export interface QueryCount {
  query: string;
  searches: number;
}

export interface SearchLocaleReport {
  searches: number;
  /** Searches whose results someone opened. */
  opened: number;
  /** The most frequent queries that found nothing. */
  noResults: QueryCount[];
  /** The most frequent queries that found articles nobody opened. */
  notOpened: (QueryCount & { results: number })[];
}

export interface SearchReport {
  from: string;
  to: string;
  locales: Record<Locale, SearchLocaleReport>;
}

/** Lines per list in the report: what a content editor reads in one sitting. */
export const REPORT_TOP = 20;

const iso = (date: Date) => date.toISOString();

/** Searches per language over `[from, to)`: how many, and the queries that failed the reader. */
export async function buildSearchReport(ctx: ServiceContext, from: Date, to: Date): Promise<SearchReport> {
  const inPeriod = sql`${searchEvents.at} >= ${iso(from)}::timestamptz and ${searchEvents.at} < ${iso(to)}::timestamptz`;
  const [totals, noResults, notOpened] = await Promise.all([
    rows<{ locale: Locale; searches: number; opened: number }>(
      ctx.db,
      sql`select locale, count(*)::int as searches, count(opened)::int as opened
          from ${searchEvents} where ${inPeriod} group by locale`,
    ),
    rows<{ locale: Locale; query: string; searches: number }>(
      ctx.db,
      sql`select locale, query, searches from (
            select locale, query, count(*)::int as searches,
              row_number() over (partition by locale order by count(*) desc, query) as rank
            from ${searchEvents} where ${inPeriod} and results = 0 group by locale, query
          ) ranked where rank <= ${REPORT_TOP} order by locale, searches desc, query`,
    ),
    rows<{ locale: Locale; query: string; searches: number; results: number }>(
      ctx.db,
      sql`select locale, query, searches, results from (
            select locale, query, count(*)::int as searches, max(results)::int as results,
              row_number() over (partition by locale order by count(*) desc, query) as rank
            from ${searchEvents} where ${inPeriod} and results > 0 group by locale, query
            having count(opened) = 0
          ) ranked where rank <= ${REPORT_TOP} order by locale, searches desc, query`,
    ),
  ]);
  const locales = Object.fromEntries(
    LOCALES.map((locale) => {
      const total = totals.find((row) => row.locale === locale);
      const pick = <T extends { locale: Locale }>(list: T[]) =>
        list.filter((row) => row.locale === locale).map(({ locale: _, ...row }) => row);
      return [
        locale,
        {
          searches: total?.searches ?? 0,
          opened: total?.opened ?? 0,
          noResults: pick(noResults),
          notOpened: pick(notOpened),
        },
      ];
    }),
  ) as Record<Locale, SearchLocaleReport>;
  return { from: iso(from), to: iso(to), locales };
}
