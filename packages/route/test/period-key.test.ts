import { describe, expect, it } from 'vitest';
import { periodKey } from '../src/index.js';

describe('periodKey', () => {
  it('names UTC days and months', () => {
    expect(periodKey(Date.UTC(2024, 4, 6, 23, 59), 'day')).toBe('2024-05-06');
    expect(periodKey(Date.UTC(2024, 4, 7, 0, 0), 'day')).toBe('2024-05-07');
    expect(periodKey(Date.UTC(2024, 0, 31), 'month')).toBe('2024-01');
  });

  it('names ISO 8601 weeks across year ends', () => {
    // Reference: '%d-W%02d' % date.isocalendar()[:2] in /usr/bin/python3.
    const cases: [string, string][] = [
      ['2024-05-06', '2024-W19'],
      ['2024-12-30', '2025-W01'],
      ['2021-01-03', '2020-W53'],
      ['2020-12-31', '2020-W53'],
      ['2026-01-01', '2026-W01'],
      ['2027-01-01', '2026-W53'],
    ];
    for (const [date, week] of cases)
      expect(periodKey(Date.parse(`${date}T12:00Z`), 'week')).toBe(week);
  });

  it('sorts keys in time order', () => {
    const days = [Date.UTC(2020, 11, 31), Date.UTC(2021, 0, 4), Date.UTC(2021, 9, 1)];
    for (const period of ['day', 'week', 'month'] as const) {
      const keys = days.map((d) => periodKey(d, period));
      expect([...keys].sort()).toEqual(keys);
    }
  });
});
