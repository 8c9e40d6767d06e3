import { describe, expect, it } from 'vitest';
import { endings, funnelRows, mondayOf, weekSeries } from './report-charts';

const runs = (steps: [string, number, number][]) => ({
  runs: steps[0]?.[1] ?? 0,
  steps: steps.map(([step, reached, lastStep]) => ({ step, reached, lastStep })),
});

describe('the report’s charts', () => {
  it('tells the runs that ended on an end step from those that left, per language too', () => {
    const all = runs([
      ['what-happens', 4, 1],
      ['code-not-received', 3, 1],
      ['resolved', 1, 1],
      ['escalate-support', 1, 1],
    ]);
    const rows = funnelRows(all, {
      en: runs([
        ['what-happens', 3, 1],
        ['resolved', 1, 1],
      ]),
      fr: runs([['what-happens', 1, 0]]),
    });
    expect(rows.map((row) => [row.step, row.ending, row.leftShare])).toEqual([
      ['what-happens', 'left', 0.25],
      ['code-not-received', 'left', 1 / 3],
      ['resolved', 'resolved', 0],
      ['escalate-support', 'escalation', 0],
    ]);
    expect(rows[0].byLocale).toEqual({ en: { reached: 3, stopped: 1 }, fr: { reached: 1, stopped: 0 } });
    expect(rows[2].byLocale.fr).toEqual({ reached: 0, stopped: 0 });
    expect(endings(rows)).toEqual({ resolved: 1, escalation: 1, article: 0, left: 2 });
  });

  it('lists every week of the period from its Monday, the empty ones too', () => {
    expect(mondayOf('2030-01-15')).toBe('2030-01-14');
    expect(mondayOf('2030-01-20')).toBe('2030-01-14');
    expect(mondayOf('2030-01-21')).toBe('2030-01-21');
    const series = weekSeries(
      [
        { week: '2030-01-14', kind: 'article', yes: 2, no: 1 },
        { week: '2030-01-28', kind: 'troubleshooter', yes: 1, no: 0 },
      ],
      { from: '2030-01-15', to: '2030-01-29' },
    );
    expect(series).toEqual([
      { week: '2030-01-14', article: { yes: 2, no: 1 }, troubleshooter: { yes: 0, no: 0 } },
      { week: '2030-01-21', article: { yes: 0, no: 0 }, troubleshooter: { yes: 0, no: 0 } },
      { week: '2030-01-28', article: { yes: 0, no: 0 }, troubleshooter: { yes: 1, no: 0 } },
    ]);
  });
});
