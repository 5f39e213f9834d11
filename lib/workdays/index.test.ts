import { afterEach, describe, expect, it } from 'vitest';
import { beijingDate as beijingDateString } from '@/lib/time';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './index';

/** 10:00 Beijing time on a calendar day. */
const bj = (day: string, time = '10:00:00') => new Date(`${day}T${time}+08:00`);
/** The Beijing calendar day of a result. */
const day = (d: Date) => beijingDateString(d);

describe('isWorkingDay — National Day 2026 (chinese-days: 中秋 9/25–27, 国庆 10/1–7, 补班 Sun 9/20 and Sat 10/10)', () => {
  it('the adjusted working weekend days are working days', () => {
    expect(isWorkingDay(bj('2026-09-20'))).toBe(true); // Sunday
    expect(isWorkingDay(bj('2026-10-10'))).toBe(true); // Saturday
  });

  it('the holidays, including the weekdays among them, are days off', () => {
    for (const d of ['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])
      expect(isWorkingDay(bj(d)), d).toBe(false);
  });

  it('ordinary weekends around the holiday stay off and ordinary weekdays stay on', () => {
    expect(isWorkingDay(bj('2026-09-19'))).toBe(false); // Saturday
    expect(isWorkingDay(bj('2026-10-11'))).toBe(false); // Sunday
    expect(isWorkingDay(bj('2026-09-30'))).toBe(true);
    expect(isWorkingDay(bj('2026-10-08'))).toBe(true);
  });

  it('takes the day in Beijing time, not UTC', () => {
    // 2026-09-30 23:30 Beijing (a working day) and 2026-10-01 00:30 Beijing (a holiday).
    expect(isWorkingDay(new Date('2026-09-30T15:30:00Z'))).toBe(true);
    expect(isWorkingDay(new Date('2026-09-30T16:30:00Z'))).toBe(false);
    // A number (ms since epoch) works the same as a Date.
    expect(isWorkingDay(Date.parse('2026-10-07T16:30:00Z'))).toBe(true); // 10-08 00:30 Beijing
  });
});

describe('addWorkingDays', () => {
  it('skips the National Day holiday and counts the adjusted working Saturday', () => {
    expect(day(addWorkingDays(bj('2026-09-30'), 1))).toBe('2026-10-08');
    expect(day(addWorkingDays(bj('2026-09-30'), 3))).toBe('2026-10-10');
    expect(day(addWorkingDays(bj('2026-09-30'), 4))).toBe('2026-10-12');
    expect(day(addWorkingDays(bj('2026-09-24'), 1))).toBe('2026-09-28'); // over the 中秋 long weekend
    expect(day(addWorkingDays(bj('2026-09-18'), 1))).toBe('2026-09-20'); // Friday → the adjusted working Sunday
  });

  it('counts from a holiday as from any other day', () => {
    expect(day(addWorkingDays(bj('2026-10-03'), 1))).toBe('2026-10-08');
  });

  it('the 30-working-day display deadline of a website filed on 2026-09-15', () => {
    expect(day(addWorkingDays(bj('2026-09-15', '16:20:00'), 30))).toBe('2026-11-02');
  });

  it('a normal week: Monday + 5 is the next Monday, Friday + 1 is Monday', () => {
    expect(day(addWorkingDays(bj('2026-03-09'), 5))).toBe('2026-03-16');
    expect(day(addWorkingDays(bj('2026-03-13'), 1))).toBe('2026-03-16');
    expect(day(addWorkingDays(bj('2026-03-14'), 1))).toBe('2026-03-16'); // from a Saturday
    expect(day(addWorkingDays(bj('2026-03-10'), 2))).toBe('2026-03-12');
  });

  it('returns the end of that day in Beijing time', () => {
    expect(addWorkingDays(bj('2026-09-30'), 1).toISOString()).toBe('2026-10-08T15:59:59.999Z');
    expect(addWorkingDays(bj('2026-03-11'), 0).toISOString()).toBe('2026-03-11T15:59:59.999Z');
  });

  it('counts back for a negative n', () => {
    expect(day(addWorkingDays(bj('2026-10-08'), -1))).toBe('2026-09-30');
    expect(day(addWorkingDays(bj('2026-03-16'), -5))).toBe('2026-03-09');
  });

  it('refuses a fractional count and an invalid date', () => {
    expect(() => addWorkingDays(bj('2026-03-09'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('x'), 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after a up to and including b', () => {
    expect(workingDaysBetween(bj('2026-09-30'), bj('2026-10-12'))).toBe(4); // 10-08, 10-09, 10-10, 10-12
    expect(workingDaysBetween(bj('2026-10-01'), bj('2026-10-07'))).toBe(0);
    expect(workingDaysBetween(bj('2026-03-09'), bj('2026-03-16'))).toBe(5);
    expect(workingDaysBetween(bj('2026-03-09', '08:00:00'), bj('2026-03-09', '20:00:00'))).toBe(0);
  });

  it('is negative when b is before a, and undoes addWorkingDays', () => {
    expect(workingDaysBetween(bj('2026-10-12'), bj('2026-09-30'))).toBe(-4);
    const from = bj('2026-09-15');
    for (const n of [0, 1, 7, 12, 30]) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
  });
});

describe('server time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives the same Beijing days on a server west of UTC', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(isWorkingDay(bj('2026-10-10'))).toBe(true);
    expect(isWorkingDay(bj('2026-10-01'))).toBe(false);
    expect(isWorkingDay(new Date('2026-09-30T16:30:00Z'))).toBe(false);
    expect(day(addWorkingDays(bj('2026-09-30'), 1))).toBe('2026-10-08');
    expect(addWorkingDays(bj('2026-09-30'), 1).toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });
});

describe('a year the calendar has not published', () => {
  it('still keeps the fixed-date statutory holidays off', () => {
    expect(isWorkingDay(bj('2030-01-01'))).toBe(false); // Tuesday, 元旦
    expect(isWorkingDay(bj('2030-10-02'))).toBe(false); // Wednesday, 国庆节
    expect(isWorkingDay(bj('2030-01-02'))).toBe(true);
    expect(isWorkingDay(bj('2030-01-05'))).toBe(false); // Saturday
  });
});
