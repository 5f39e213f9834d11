/**
 * 办理时限 (SPEC §6.2): an application is due at the end of the n-th working day after it
 * entered the queue, n by business type (新增主体, 新办网站, 新增APP …, 变更, 注销: 5; 安全评估 10), on the
 * official holiday calendar of lib/workdays. The due date is stored for sorting and paging, and
 * recomputed for every open application when the calendar or the configuration changes.
 */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, preparedQuery } from '@/db/client';
import { appMeta, applicationPending, applications, BUSINESS_TYPES, type BusinessType } from '@/db/schema';
import { addWorkingDays, calendarFingerprint } from '@/lib/workdays';
import { beijingDayNumber, beijingDayStartMs, DAY_MS } from '@/lib/time';

export const DEFAULT_DUE_DAYS: Record<BusinessType, number> = {
  新增主体: 5,
  变更主体: 5,
  注销主体: 5,
  新办网站: 5,
  变更网站: 5,
  注销网站: 5,
  安全评估: 10,
  网站认领: 5,
  新增APP: 5,
  变更APP: 5,
  注销APP: 5,
  新增小程序: 5,
  变更小程序: 5,
  注销小程序: 5,
  新增应用市场: 5,
  变更应用市场: 5,
  注销应用市场: 5,
  新增服务商: 5,
  变更服务商: 5,
  注销服务商: 5,
};

export const OPEN_STATUSES = ['待审核', '审核中', '待面审'] as const;

/** The open queue, written out literally so SQLite can use the partial indexes applications_open_*. */
export const openQueueSql = sql`${applications.queued} = 1 and ${applicationPending}`;

/**
 * WLBA_DUE_DAYS overrides some types, e.g. `安全评估=15,新办网站=7` (1–60 working days);
 * anything malformed is ignored with a warning.
 */
export function dueDaysConfig(env: string | undefined = process.env.WLBA_DUE_DAYS): Record<BusinessType, number> {
  const out = { ...DEFAULT_DUE_DAYS };
  for (const part of (env ?? '').split(/[,，;；]/)) {
    if (!part.trim()) continue;
    const m = part.trim().match(/^(.+?)\s*[=:：]\s*(\d{1,2})$/);
    const type = m?.[1].trim() as BusinessType | undefined;
    const n = Number(m?.[2]);
    if (!m || !type || !BUSINESS_TYPES.includes(type) || n < 1 || n > 60) {
      console.warn(`[due] WLBA_DUE_DAYS: ignoring “${part.trim()}”`);
      continue;
    }
    out[type] = n;
  }
  return out;
}

/** The due instant of an application of `type` that entered the queue at `queuedAt`. */
export function dueAtFor(type: BusinessType, queuedAt: number, days = dueDaysConfig()): number {
  return addWorkingDays(queuedAt, days[type]).getTime();
}

/** Fields that put an application into the queue now (insert or release). */
export function queueFields(type: BusinessType, now: number) {
  return { queued: true, queuedAt: now, dueAt: dueAtFor(type, now) };
}

const META_KEY = 'due_dates_basis';

/** What the stored due dates were computed with: the calendar and the days per type. */
export function dueBasis(now = Date.now(), days = dueDaysConfig()): string {
  return `${calendarFingerprint(now)}|${BUSINESS_TYPES.map((t) => days[t]).join(',')}`;
}

let checkedBasis: string | null = null;
let checkedDay = -1;

/** One open application without its due date, if any (every queue view asks, so it is built once). */
const missingDueDate = preparedQuery((db) =>
  db.select({ id: applications.id }).from(applications).where(and(openQueueSql, isNull(applications.dueAt))).limit(1).prepare(),
);

/**
 * Makes every open queued application's due date current: fills missing ones and, when the
 * calendar or the configuration changed since they were computed, recomputes them all (in one
 * transaction). Cheap when nothing changed: the basis is checked once a day per process.
 */
export function ensureDueDates(opts: { now?: number; force?: boolean } = {}): { updated: number } {
  const now = opts.now ?? Date.now();
  const db = getDb();
  const day = Math.floor(now / DAY_MS);
  const cached = !opts.force && checkedBasis !== null && checkedDay === day;
  const basis = cached ? checkedBasis! : dueBasis(now);
  // Literal (not bound) so SQLite can use the partial indexes on the open queue.
  const open = openQueueSql;
  // The everyday case: nothing changed and no application is missing its due date — read only.
  if (cached && !missingDueDate().get()) return { updated: 0 };
  const days = dueDaysConfig();
  let updated = 0;
  const base = sql<number>`coalesce(${applications.queuedAt}, ${applications.submittedAt})`;
  db.transaction(
    (tx) => {
      const stored = tx.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, META_KEY)).get()?.value;
      const all = opts.force || stored !== basis;
      const rows = tx
        .select({ id: applications.id, type: applications.type, base, dueAt: applications.dueAt, queuedAt: applications.queuedAt })
        .from(applications)
        .where(all ? open : and(open, isNull(applications.dueAt)))
        .all();
      // The due date depends only on the type and the Beijing day the application was queued.
      const memo = new Map<string, number>();
      const set = getDb().$client.prepare('update applications set queued_at = ?, due_at = ? where id = ?');
      for (const r of rows) {
        const d = beijingDayNumber(r.base);
        const key = `${r.type}|${d}`;
        let due = memo.get(key);
        if (due === undefined) memo.set(key, (due = dueAtFor(r.type, beijingDayStartMs(d), days)));
        if (due === r.dueAt && r.queuedAt !== null) continue;
        set.run(r.base, due, r.id);
        updated++;
      }
      if (stored !== basis)
        tx.insert(appMeta).values({ key: META_KEY, value: basis }).onConflictDoUpdate({ target: appMeta.key, set: { value: basis } }).run();
    },
    { behavior: 'immediate' },
  );
  checkedBasis = basis;
  checkedDay = day;
  return { updated };
}

/** Test hook: forget the per-process check (the next ensureDueDates reads the basis again). */
export function resetDueDateCheck(): void {
  checkedBasis = null;
  checkedDay = -1;
}

/** Is the application past its due date (open only)? */
export function isOverdue(a: { status: string; dueAt: number | null }, now = Date.now()): boolean {
  return a.dueAt !== null && a.dueAt < now && (OPEN_STATUSES as readonly string[]).includes(a.status);
}

