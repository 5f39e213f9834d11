import { describe, expect, it } from 'vitest';
import {
  beijingDate, beijingDateCompact, beijingDayEndMs, beijingDayNumber, beijingDayStart, beijingDayStartMs, beijingHour,
  beijingLocalToMs, beijingParts, dayNumberLabel, formatDate, formatDateTime, msToBeijingLocal,
} from './index';

const at = (iso: string) => Date.parse(iso);

describe('Beijing time', () => {
  it('reads the Beijing calendar day, also between 00:00 and 08:00 Beijing time', () => {
    expect(beijingDate(at('2026-05-20T19:00:00Z'))).toBe('2026-05-21');
    expect(beijingDate(at('2026-05-20T15:59:59Z'))).toBe('2026-05-20');
    expect(beijingDateCompact(at('2026-12-31T16:00:00Z'))).toBe('20270101');
    expect(beijingHour(at('2026-05-20T19:00:00Z'))).toBe(3);
  });
  it('keeps an instant’s reading: the same frozen object again, and right across thousands of instants', () => {
    const first = beijingParts(at('2026-05-20T19:05:07Z'));
    expect(first).toEqual({ year: 2026, month: 5, day: 21, hour: 3, minute: 5, second: 7 });
    expect(beijingParts(new Date(at('2026-05-20T19:05:07Z')))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // More instants than are kept: each still reads as a direct Date computation with +8 h says.
    for (let i = 0; i < 10_000; i++) {
      const ms = at('2026-01-01T00:00:00Z') + i * 3_599_999;
      const u = new Date(ms + 8 * 3_600_000);
      expect(beijingParts(ms)).toEqual({ year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate(), hour: u.getUTCHours(), minute: u.getUTCMinutes(), second: u.getUTCSeconds() });
    }
  });
  it('formats dates and times, empty for a missing value', () => {
    expect(formatDateTime(at('2026-05-20T19:05:00Z'))).toBe('2026-05-21 03:05');
    expect(formatDate(at('2026-05-20T19:05:00Z'))).toBe('2026-05-21');
    expect(formatDateTime(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
  it('counts day numbers and their bounds', () => {
    const day = beijingDayNumber(at('2026-05-20T19:00:00Z'));
    expect(dayNumberLabel(day)).toBe('2026-05-21');
    expect(beijingDayStartMs(day)).toBe(at('2026-05-20T16:00:00Z'));
    expect(beijingDayEndMs(at('2026-05-20T19:00:00Z'))).toBe(at('2026-05-21T15:59:59.999Z'));
  });
  it('parses days and datetime-local values as Beijing time', () => {
    expect(beijingDayStart('2026-03-01')).toBe(at('2026-02-28T16:00:00Z'));
    expect(beijingDayStart('2025-02-29')).toBeUndefined();
    expect(beijingLocalToMs('2026-05-20T09:30')).toBe(at('2026-05-20T01:30:00Z'));
    expect(beijingLocalToMs('2026-02-31T09:30')).toBeNaN();
    expect(beijingLocalToMs('2026-05-20T24:00')).toBeNaN();
    expect(msToBeijingLocal(at('2026-05-20T01:30:00Z'))).toBe('2026-05-20T09:30');
  });
});
