// The report's periods are whole days in UTC, both ends included; the API's `to` is exclusive.

export const DAY_MS = 86_400_000;

/** A period as the report form and the API's query spell it: `YYYY-MM-DD` days. */
export interface Period {
  from: string;
  to: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The last `days` days, today (UTC) included. */
export function lastDays(days: number, now = new Date()): Period {
  return { from: day(new Date(now.getTime() - (days - 1) * DAY_MS)), to: day(now) };
}

/** The days a report covers, from the API's instants (`to` exclusive) back to included days. */
export function coveredDays(report: { from: string; to: string }): Period {
  return { from: report.from.slice(0, 10), to: day(new Date(new Date(report.to).getTime() - DAY_MS)) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period a shared address asks for (`?from=2030-01-01&to=2030-01-31`), or null. */
export function periodFromSearch(search: string): Period | null {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  return from && to && DAY.test(from) && DAY.test(to) ? { from, to } : null;
}

/** The address's query for a period. */
export function periodSearch(period: Period): string {
  return `?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
}
