/**
 * Working days (工作日) on the official calendar of the State Council: weekends and statutory
 * holidays are off, adjusted working weekends (调休补班) are on. The calendar comes from the
 * `chinese-days` package; every date is a calendar day in Beijing time (UTC+8, no DST), whatever
 * the server's time zone (lib/time).
 *
 * Years the package has not published yet (the State Council announces each year's arrangement
 * in the preceding autumn) fall back to Monday–Friday minus the fixed-date statutory holidays
 * (元旦 1/1, 劳动节 5/1–5/2, 国庆节 10/1–10/3); updating `chinese-days` fills them in.
 */
import fs from 'node:fs';
import chineseDays from 'chinese-days';
import { beijingDayNumber, beijingDayStartMs, DAY_MS, dayNumberLabel, dayNumberParts, dayNumberWeekday, type DateInput } from '@/lib/time';

// The package is CommonJS (served as an external to Next): use it through its default export.
const { getHolidaysInRange, isWorkday } = chineseDays;

/** Fixed-date statutory holidays (《全国年节及纪念日放假办法》, 2025 revision), MM-DD. */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

function ymd(day: number): { y: number; m: number; d: number } {
  const p = dayNumberParts(day);
  return { y: p.year, m: p.month, d: p.day };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The day as the package expects it: a local-time Date at noon with the Beijing Y-M-D. The
 * package reads dates with local getters (and parses 'YYYY-MM-DD' strings as UTC), so only a
 * local Date keeps the day right in every server time zone; noon stays clear of DST jumps.
 */
function packageDate(day: number): Date {
  const { y, m, d } = ymd(day);
  return new Date(y, m - 1, d, 12);
}

const publishedYears = new Map<number, boolean>();

/** Has `chinese-days` got the State Council's arrangement for this year? */
function isPublishedYear(year: number): boolean {
  let known = publishedYears.get(year);
  if (known === undefined) {
    known = getHolidaysInRange(new Date(year, 0, 1, 12), new Date(year, 11, 31, 12), false).length > 0;
    publishedYears.set(year, known);
  }
  return known;
}

/**
 * Local additions to the calendar (`YYYY-MM-DD` → working day or not), e.g. a year's arrangement
 * announced before `chinese-days` publishes it. They win over the package and the fallback.
 */
let adjustments = new Map<string, boolean>();

export type CalendarAdjustments = { holidays?: string[]; workdays?: string[] };

export function setCalendarAdjustments(a: CalendarAdjustments | null): void {
  const next = new Map<string, boolean>();
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  for (const d of a?.holidays ?? []) if (valid(d)) next.set(d, false);
  for (const d of a?.workdays ?? []) if (valid(d)) next.set(d, true);
  adjustments = next;
}

/** WLBA_CALENDAR_FILE: a JSON file `{ "holidays": [...], "workdays": [...] }` read at start. */
function loadCalendarFile(): void {
  const file = process.env.WLBA_CALENDAR_FILE;
  if (!file) return;
  try {
    setCalendarAdjustments(JSON.parse(fs.readFileSync(file, 'utf8')) as CalendarAdjustments);
  } catch (e) {
    console.error(`[workdays] WLBA_CALENDAR_FILE ${file} could not be read:`, e);
  }
}
loadCalendarFile();

function isWorkingDayNumber(day: number): boolean {
  const { y, m, d } = ymd(day);
  if (adjustments.size) {
    const adj = adjustments.get(dayNumberLabel(day));
    if (adj !== undefined) return adj;
  }
  if (isPublishedYear(y)) return isWorkday(packageDate(day));
  const weekday = dayNumberWeekday(day);
  return weekday >= 1 && weekday <= 5 && !FIXED_HOLIDAYS.has(`${pad(m)}-${pad(d)}`);
}

/** Is the Beijing calendar day containing `date` a working day? */
export function isWorkingDay(date: DateInput): boolean {
  return isWorkingDayNumber(beijingDayNumber(date));
}

/**
 * The n-th working day after the Beijing day of `from` (not counting that day itself, whether or
 * not it is a working day), returned as the **end of that day** in Beijing time (23:59:59.999
 * +08:00), so "before the deadline" includes the whole last day. n = 0 gives the end of `from`'s
 * own day; a negative n counts back (the |n|-th working day before).
 */
export function addWorkingDays(from: DateInput, n: number): Date {
  if (!Number.isSafeInteger(n)) throw new RangeError('工作日数必须为整数');
  let day = beijingDayNumber(from);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day)) left--;
  }
  return new Date(beijingDayStartMs(day + 1) - 1);
}

/**
 * Working days after the Beijing day of `a` up to and including the Beijing day of `b`, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n` for n ≥ 0. Same day → 0; `b` before `a` →
 * minus the count from b to a.
 */
export function workingDaysBetween(a: DateInput, b: DateInput): number {
  const start = beijingDayNumber(a);
  const end = beijingDayNumber(b);
  if (end < start) return -workingDaysBetween(b, a);
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (isWorkingDayNumber(day)) count++;
  return count;
}

/**
 * A short fingerprint of the calendar from last year to next year (Beijing years around `now`):
 * it changes when the package or the local adjustments change a day that due dates may use,
 * and otherwise only at the turn of a year.
 */
export function calendarFingerprint(now: DateInput = Date.now()): string {
  const { y } = ymd(beijingDayNumber(now));
  const start = Math.floor(Date.UTC(y - 1, 0, 1) / DAY_MS);
  const end = Math.floor(Date.UTC(y + 2, 0, 1) / DAY_MS);
  let bits = '';
  for (let day = start; day < end; day++) bits += isWorkingDayNumber(day) ? '1' : '0';
  // FNV-1a over the bit string is plenty to notice a change.
  let h = 0x811c9dc5;
  for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits.charCodeAt(i), 0x01000193) >>> 0;
  return `${y}:${h.toString(16)}`;
}
