/**
 * Beijing time, the one clock of the office: every date shown, stored as a day ('YYYY-MM-DD'),
 * compared with a day or written into a number (申请编号 SQYYYYMMDD…) is a calendar day in
 * Asia/Shanghai, whatever the server's time zone. Built on `Intl.DateTimeFormat`, so no code
 * adds eight hours by hand.
 *
 * A "day number" is the count of days since 1970-01-01 of a Beijing calendar day; it is what
 * working-day arithmetic (lib/workdays) and daily statistics count with.
 */

export const TIME_ZONE = 'Asia/Shanghai';
export const DAY_MS = 86_400_000;
/**
 * Beijing's offset from UTC (no DST since 1991). Only for SQL, which has no time zones
 * (e.g. grouping rows by Beijing day in SQLite); TypeScript code uses the functions below.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

export type DateInput = Date | number;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

export type BeijingParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const toMs = (date: DateInput) => {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('无效的日期');
  return ms;
};

/**
 * An instant's reading never changes, and pages show the same rows' times request after request:
 * the last READINGS readings are kept (formatToParts costs about 4 µs; issue 17's profile of /my).
 */
const READINGS = 4096;
const readings = new Map<number, Readonly<BeijingParts>>();

/** The Beijing wall-clock reading of an instant (a shared, frozen object). */
export function beijingParts(date: DateInput): Readonly<BeijingParts> {
  const ms = toMs(date);
  const known = readings.get(ms);
  if (known) return known;
  const out: BeijingParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter.formatToParts(ms)) {
    if (p.type in out) out[p.type as keyof BeijingParts] = Number(p.value);
  }
  if (readings.size >= READINGS) readings.clear();
  readings.set(ms, Object.freeze(out));
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of the Beijing calendar day containing the instant. */
export function beijingDayNumber(date: DateInput): number {
  const { year, month, day } = beijingParts(date);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The calendar date of a day number. */
export function dayNumberParts(day: number): { year: number; month: number; day: number } {
  const u = new Date(day * DAY_MS);
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}

/** A day number as 'YYYY-MM-DD'. */
export function dayNumberLabel(day: number): string {
  const p = dayNumberParts(day);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Weekday of a day number, 0 = Sunday … 6 = Saturday. */
export function dayNumberWeekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The instant (epoch ms) at which a Beijing wall-clock time occurs. */
function beijingWallToMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const p = beijingParts(guess);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(guess / 1000) * 1000;
  return guess - offset;
}

/** The instant (epoch ms) at which Beijing day number `day` starts. */
export function beijingDayStartMs(day: number): number {
  const { year, month, day: d } = dayNumberParts(day);
  return beijingWallToMs(year, month, d);
}

/** The last millisecond of the Beijing day containing the instant. */
export function beijingDayEndMs(date: DateInput): number {
  return beijingDayStartMs(beijingDayNumber(date) + 1) - 1;
}

/** The Beijing calendar day of an instant as 'YYYY-MM-DD' (today's date by default). */
export function beijingDate(date: DateInput = Date.now()): string {
  const p = beijingParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The Beijing calendar day as 'YYYYMMDD', as written into 申请编号 and 备案编号. */
export function beijingDateCompact(date: DateInput = Date.now()): string {
  return beijingDate(date).replace(/-/g, '');
}

/** The hour (0–23) on the Beijing clock. */
export function beijingHour(date: DateInput): number {
  return beijingParts(date).hour;
}

/** 'YYYY-MM-DD HH:mm' in Beijing time; '' for a missing value. */
export function formatDateTime(ms: number | null | undefined): string {
  if (!ms) return '';
  const p = beijingParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 'YYYY-MM-DD' in Beijing time; '' for a missing value. */
export function formatDate(ms: number | null | undefined): string {
  return ms ? beijingDate(ms) : '';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const realDate = (y: number, mo: number, d: number) => {
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
};

/** Start of a Beijing calendar day ('2026-03-01') in epoch ms; undefined when not a real date. */
export function beijingDayStart(value: string): number | undefined {
  const m = DAY.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(y, mo, d) ? beijingWallToMs(y, mo, d) : undefined;
}

/** A datetime-local value (`2026-05-20T09:30`) read as Beijing time, in ms; NaN if malformed. */
export function beijingLocalToMs(value: string): number {
  const m = LOCAL.exec(value);
  if (!m) return NaN;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  // Rejects 2026-02-31 and 25:00 instead of rolling over.
  if (!realDate(y, mo, d) || h > 23 || mi > 59) return NaN;
  return beijingWallToMs(y, mo, d, h, mi);
}

/** ms → datetime-local value in Beijing time (`2026-05-20T09:30`, for `min` and defaults). */
export function msToBeijingLocal(ms: number): string {
  const p = beijingParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
