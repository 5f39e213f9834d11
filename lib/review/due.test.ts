import { describe, it, expect, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, appMeta } from '@/db/schema';
import { isWorkingDay, setCalendarAdjustments } from '@/lib/workdays';
import { beijingDate as beijingDateString } from '@/lib/time';
import { seedUnits, makeApplicant } from '@/lib/test/fixtures';
import { DEFAULT_DUE_DAYS, dueAtFor, dueDaysConfig, ensureDueDates, isOverdue, resetDueDateCheck } from './due';

/** An instant at Beijing wall-clock time. */
const bj = (s: string) => Date.parse(`${s}+08:00`);
const endOf = (day: string) => bj(`${day}T23:59:59.999`);

afterEach(() => {
  setCalendarAdjustments(null);
  resetDueDateCheck();
});

describe('办理时限 in working days', () => {
  it('5 working days across the National Day holiday and its adjusted working Saturday (2025)', () => {
    // 2025: 10/1–10/8 off; Sunday 9/28 and Saturday 10/11 are working days.
    // Tue 9/30 → Thu 10/9, Fri 10/10, Sat 10/11 (adjusted), Mon 10/13, Tue 10/14.
    expect(dueAtFor('新办网站', bj('2025-09-30T10:00:00'))).toBe(endOf('2025-10-14'));
    // Submitted on the adjusted Sunday: Mon 9/29, Tue 9/30, Thu 10/9, Fri 10/10, Sat 10/11.
    expect(dueAtFor('新增主体', bj('2025-09-28T09:00:00'))).toBe(endOf('2025-10-11'));
  });

  it('安全评估 gets 10 working days, the others 5', () => {
    expect(DEFAULT_DUE_DAYS.安全评估).toBe(10);
    expect(DEFAULT_DUE_DAYS.变更网站).toBe(5);
    // Mon 2025-11-03 → 10 working days → Mon 2025-11-17.
    expect(dueAtFor('安全评估', bj('2025-11-03T15:00:00'))).toBe(endOf('2025-11-17'));
    // A submission late on Friday night (Beijing) counts from that Friday.
    expect(dueAtFor('注销网站', bj('2025-11-07T23:30:00'))).toBe(endOf('2025-11-14'));
  });

  it('is configurable through WLBA_DUE_DAYS; malformed parts are ignored', () => {
    const days = dueDaysConfig('安全评估=15，新办网站：7, 不存在=3, 变更网站=0, 注销网站=abc');
    expect(days).toMatchObject({ 安全评估: 15, 新办网站: 7, 变更网站: 5, 注销网站: 5 });
    expect(dueAtFor('新办网站', bj('2025-11-03T10:00:00'), days)).toBe(endOf('2025-11-12'));
  });

  it('marks only open applications past their due date as overdue', () => {
    const now = bj('2025-11-20T09:00:00');
    expect(isOverdue({ status: '待审核', dueAt: endOf('2025-11-19') }, now)).toBe(true);
    expect(isOverdue({ status: '审核中', dueAt: endOf('2025-11-20') }, now)).toBe(false);
    expect(isOverdue({ status: '通过', dueAt: endOf('2025-11-19') }, now)).toBe(false);
    expect(isOverdue({ status: '待审核', dueAt: null }, now)).toBe(false);
  });
});

describe('ensureDueDates', () => {
  it('fills missing due dates and recomputes pending ones when the calendar changes', async () => {
    seedUnits();
    const u = await makeApplicant();
    const now = Date.now();
    const submitted = now - 60_000;
    const insert = (status: '待审核' | '通过', queued = true) =>
      getDb()
        .insert(applications)
        .values({ code: `SQT${Math.random().toString().slice(2, 14)}`, type: '新办网站', status, applicantId: u.id, queued, payload: {}, submittedAt: submitted })
        .returning({ id: applications.id })
        .get().id;
    const open = insert('待审核');
    const decided = insert('通过');
    const held = insert('待审核', false);
    const due = (id: number) => getDb().select({ d: applications.dueAt, q: applications.queuedAt }).from(applications).where(eq(applications.id, id)).get()!;

    ensureDueDates({ now });
    expect(due(open)).toEqual({ d: dueAtFor('新办网站', submitted), q: submitted });
    expect(due(decided).d).toBeNull();
    expect(due(held).d).toBeNull();
    expect(getDb().select().from(appMeta).all()).toHaveLength(1);

    // The State Council adds a holiday on the next working day: the pending due date moves one working day later.
    const before = due(open).d!;
    let day = submitted + 86_400_000;
    while (!isWorkingDay(day)) day += 86_400_000;
    const next = beijingDateString(day);
    setCalendarAdjustments({ holidays: [next] });
    // Checked once a day per process; the next day's check (or a restart) notices the new calendar.
    expect(ensureDueDates({ now }).updated).toBe(0);
    resetDueDateCheck();
    expect(ensureDueDates({ now }).updated).toBe(1);
    expect(due(open).d).toBe(dueAtFor('新办网站', submitted));
    expect(due(open).d!).toBeGreaterThan(before);
    expect(due(decided).d).toBeNull();
  });
});
