import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale';
import { formatDay } from './dates';

describe('a calendar day, written short', () => {
  it('reads as Intl writes it in both languages, every month (French keeps the day, month and year together)', () => {
    for (const locale of LOCALES) {
      const intl = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
      for (let month = 0; month < 12; month++) {
        const date = Date.UTC(2026, month, month + 1, 12);
        expect(formatDay(date, locale).replaceAll('\u00a0', ' ')).toBe(intl.format(date));
      }
    }
    expect(formatDay('2026-12-01T10:00:00Z', 'en')).toBe('Dec 1, 2026');
    expect(formatDay('2026-12-01T10:00:00Z', 'fr')).toBe('1\u00a0déc.\u00a02026');
  });

  it('is the UTC day, whatever the time zone of the machine', () => {
    // One minute before midnight UTC is already the next day east of Greenwich, still this one in UTC.
    expect(formatDay(Date.UTC(2026, 1, 28, 23, 59), 'en')).toBe('Feb 28, 2026');
    expect(formatDay(Date.UTC(2027, 0, 1, 0, 0), 'fr')).toBe('1\u00a0janv.\u00a02027');
  });
});
