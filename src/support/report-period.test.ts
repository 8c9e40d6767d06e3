import { describe, expect, it } from 'vitest';
import { coveredDays, lastDays, periodFromSearch, periodSearch } from './report-period';

describe('report periods', () => {
  it('counts today (UTC) among the last days', () => {
    const now = new Date('2030-03-01T23:30:00.000Z');
    expect(lastDays(1, now)).toEqual({ from: '2030-03-01', to: '2030-03-01' });
    expect(lastDays(30, now)).toEqual({ from: '2030-01-31', to: '2030-03-01' });
  });

  it('shows the last day the API counted, not its exclusive end', () => {
    expect(coveredDays({ from: '2030-01-01T00:00:00.000Z', to: '2030-02-01T00:00:00.000Z' })).toEqual({
      from: '2030-01-01',
      to: '2030-01-31',
    });
  });

  it('is kept in the address, to share the report of these very days', () => {
    const period = { from: '2030-01-01', to: '2030-01-31' };
    expect(periodSearch(period)).toBe('?from=2030-01-01&to=2030-01-31');
    expect(periodFromSearch(periodSearch(period))).toEqual(period);
    expect(periodFromSearch('?from=2030-01-01')).toBeNull();
    expect(periodFromSearch('?from=yesterday&to=2030-01-31')).toBeNull();
  });
});
