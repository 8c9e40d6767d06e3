const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` as midnight UTC, or null when it is not a real day. */
function parseDay(value: string): Date | null {
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/**
 * The period a report is asked for: `from`..`to`, days in UTC, both included (the last 30 days by
 * default, at most 366 days), as `[from, to)`; `invalid` when it is not a period, `future` when it
 * ends after today.
 */
export function reportPeriod(
  query: { from?: string; to?: string },
  now: Date,
): { from: Date; to: Date } | 'invalid' | 'future' {
  const today = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const to = query.to ? parseDay(query.to) : today;
  const from = query.from ? parseDay(query.from) : to && new Date(to.getTime() - 29 * DAY_MS);
  if (!from || !to || to < from || to.getTime() - from.getTime() > 365 * DAY_MS) return 'invalid';
  if (to > today) return 'future';
  return { from, to: new Date(to.getTime() + DAY_MS) };
}
