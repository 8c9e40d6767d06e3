/**
 * The report's numbers as its charts and tables read them: the troubleshooter as a funnel (how
 * many runs reached each step, and how those that stopped there ended) and helpfulness per week.
 * Pure: the components only draw.
 */
import type { Locale } from '@site/shared/locale';
import { END_STEPS, isStepId, type EndKind } from '../troubleshooter/steps';
import type { SupportReport } from './api';
import { DAY_MS, type Period } from './report-period';

/** How a run that stopped at a step ended: one of the end steps' ways, or the worker left. */
export type Ending = EndKind | 'left';

export const ENDINGS: readonly Ending[] = ['resolved', 'escalation', 'article', 'left'];

type StepRuns = SupportReport['troubleshooter'];

export interface FunnelRow {
  step: string;
  reached: number;
  /** Runs whose last step this was. */
  stopped: number;
  /** How those runs ended: an end step ends them its way; anywhere else they left. */
  ending: Ending;
  /** Share of the runs that reached the step and left there (0 on an end step: nobody left). */
  leftShare: number;
  byLocale: Partial<Record<Locale, { reached: number; stopped: number }>>;
}

export const endingOf = (step: string): Ending => (isStepId(step) ? (END_STEPS[step] ?? 'left') : 'left');

/** One row per step the runs reached, most reached first, with each language's share beside. */
export function funnelRows(all: StepRuns, byLocale: Partial<Record<Locale, StepRuns>>): FunnelRow[] {
  return all.steps.map((row) => {
    const ending = endingOf(row.step);
    const locales = Object.entries(byLocale) as [Locale, StepRuns][];
    return {
      step: row.step,
      reached: row.reached,
      stopped: row.lastStep,
      ending,
      leftShare: ending === 'left' && row.reached ? row.lastStep / row.reached : 0,
      byLocale: Object.fromEntries(
        locales.map(([locale, runs]) => {
          const found = runs.steps.find((entry) => entry.step === row.step);
          return [locale, { reached: found?.reached ?? 0, stopped: found?.lastStep ?? 0 }];
        }),
      ),
    };
  });
}

/** How the runs of the period ended, every run counted once (at its last step). */
export function endings(rows: readonly FunnelRow[]): Record<Ending, number> {
  const totals: Record<Ending, number> = { resolved: 0, escalation: 0, article: 0, left: 0 };
  for (const row of rows) totals[row.ending] += row.stopped;
  return totals;
}

export interface WeekPoint {
  /** Its Monday, `YYYY-MM-DD`. */
  week: string;
  article: { yes: number; no: number };
  troubleshooter: { yes: number; no: number };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday (UTC) of the week a day is in. */
export function mondayOf(date: string): string {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return day(ms - weekday * DAY_MS);
}

/** Every week of the period, oldest first, answers or not: a week without answers is a gap, not nothing. */
export function weekSeries(weeks: SupportReport['helpfulnessByWeek'], period: Period): WeekPoint[] {
  const points: WeekPoint[] = [];
  const last = Date.parse(`${mondayOf(period.to)}T00:00:00.000Z`);
  for (let ms = Date.parse(`${mondayOf(period.from)}T00:00:00.000Z`); ms <= last; ms += 7 * DAY_MS) {
    points.push({ week: day(ms), article: { yes: 0, no: 0 }, troubleshooter: { yes: 0, no: 0 } });
  }
  for (const row of weeks) {
    const point = points.find((entry) => entry.week === row.week);
    if (point) point[row.kind] = { yes: row.yes, no: row.no };
  }
  return points;
}

/** The share of helpful answers, or null without any. */
export const helpfulShare = (counts: { yes: number; no: number }): number | null =>
  counts.yes + counts.no === 0 ? null : counts.yes / (counts.yes + counts.no);
