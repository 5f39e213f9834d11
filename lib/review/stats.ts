/**
 * 统计 (SPEC §6.5): the review dashboard's figures for one unit (all units for admins) and the
 * CSV export of the unit's filed websites. Days are Beijing calendar days whatever the server's
 * time zone.
 */
import 'server-only';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, BUSINESS_TYPES, policeUnits, subjects, unfiledWebsites, websiteDomains, websites, type BusinessType, type WebsiteStatus } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { ensureDueDates, openQueueSql, OPEN_STATUSES } from './due';
import { BEIJING_OFFSET_MS, DAY_MS, beijingDateCompact, beijingDayNumber, beijingDayStartMs, dayNumberLabel, formatDateTime } from '@/lib/time';

const HOUR_MS = 3_600_000;

export const DECISION_DAYS = 30;
export const MEDIAN_WINDOW_DAYS = 90;
export const ALL_UNITS_LABEL = '全部单位';

/** Websites that count as filed (备案网站) for the unit. */
export const FILED_STATUSES = ['已备案', '变更中', '注销中'] as const satisfies readonly WebsiteStatus[];
/** The export also lists cancelled filings, with their status. */
export const EXPORT_STATUSES = [...FILED_STATUSES, '已注销'] as const satisfies readonly WebsiteStatus[];

export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** unitId null: every unit (admins only). */
export type StatsScope = { unitId: number | null; unitName: string };

/**
 * Whose figures the actor may see: a reviewer only their own unit, an admin any unit or all of
 * them (`requested` is the `unit` GET parameter). Throws forbidden / not_found otherwise.
 */
export function resolveStatsScope(actor: Actor | null | undefined, requested?: string | null): StatsScope {
  assertCan(actor, 'review.area');
  const raw = requested?.trim() ?? '';
  if (raw && !/^[1-9]\d{0,15}$/.test(raw)) throw new AppError('not_found', '审核单位不存在');
  const wanted = raw ? Number(raw) : null;
  if (actor.role !== 'admin') {
    if (actor.unitId == null) throw new AppError('forbidden', '您尚未分配审核单位，请联系管理员');
    if (wanted !== null && wanted !== actor.unitId) throw new AppError('forbidden', '只能查看本单位的数据');
  }
  const unitId = actor.role === 'admin' ? wanted : actor.unitId;
  if (unitId === null) return { unitId: null, unitName: ALL_UNITS_LABEL };
  const unit = getDb().select({ name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, unitId)).get();
  if (!unit) throw new AppError('not_found', '审核单位不存在');
  return { unitId, unitName: unit.name };
}

// ---------------------------------------------------------------------------------------------
// Dashboard figures
// ---------------------------------------------------------------------------------------------

export type DecisionDay = { day: string; approved: number; returned: number };

export type DashboardStats = {
  open: {
    total: number;
    overdue: number;
    byStatus: Record<OpenStatus, number>;
    byType: Record<BusinessType, { total: number; overdue: number } & Record<OpenStatus, number>>;
  };
  /** The last DECISION_DAYS Beijing days, oldest first, today last. */
  decisions: DecisionDay[];
  /** decidedAt − submittedAt over the last MEDIAN_WINDOW_DAYS days; null when nothing was decided. */
  medianDecisionMs: number | null;
  decidedInWindow: number;
  /** 已备案 + 变更中 + 注销中 websites filed by the unit. */
  filedWebsites: number;
  cancelledWebsites: number;
};


/** A Beijing day number as YYYY-MM-DD. */
export const beijingDayLabel = dayNumberLabel;


function emptyByStatus(): Record<OpenStatus, number> {
  return Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])) as Record<OpenStatus, number>;
}

/** Figures of the dashboard. Due dates are brought up to date first (they decide 已逾期). */
export function dashboardStats(scope: Pick<StatsScope, 'unitId'>, now = Date.now()): DashboardStats {
  ensureDueDates({ now });
  const db = getDb();
  const unitOf = (col: typeof applications.unitId): SQL | undefined => (scope.unitId === null ? undefined : eq(col, scope.unitId));

  // As the queue shows it: a 审核中 whose claim ran out is 待审核 again.
  const shownStatus = sql<string>`case when ${applications.status} = '审核中' and coalesce(${applications.claimedUntil}, 0) < ${now} then '待审核' else ${applications.status} end`;
  const openRows = db
    .select({
      type: applications.type,
      status: shownStatus,
      n: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(case when ${applications.dueAt} < ${now} then 1 else 0 end), 0)`,
    })
    .from(applications)
    .where(and(openQueueSql, unitOf(applications.unitId)))
    .groupBy(applications.type, shownStatus)
    .all();

  const byStatus = emptyByStatus();
  const byType = Object.fromEntries(BUSINESS_TYPES.map((t) => [t, { total: 0, overdue: 0, ...emptyByStatus() }])) as DashboardStats['open']['byType'];
  let total = 0;
  let overdue = 0;
  for (const r of openRows) {
    const status = r.status as OpenStatus;
    const row = byType[r.type];
    if (!row || !(status in byStatus)) continue;
    row[status] += r.n;
    row.total += r.n;
    row.overdue += r.overdue;
    byStatus[status] += r.n;
    total += r.n;
    overdue += r.overdue;
  }

  // Decisions per Beijing day: 通过 and 退回 made by a reviewer (not system voids).
  const today = beijingDayNumber(now);
  const firstDay = today - (DECISION_DAYS - 1);
  const decided = and(isNotNull(applications.decidedBy), inArray(applications.status, ['通过', '退回']), unitOf(applications.unitId));
  // Constants inlined: better-sqlite3 binds numbers as REAL, which would make this a fraction.
  const dayExpr = sql<number>`(${applications.decidedAt} + ${sql.raw(String(BEIJING_OFFSET_MS))}) / ${sql.raw(String(DAY_MS))}`;
  const perDay = db
    .select({ day: dayExpr, status: applications.status, n: sql<number>`count(*)` })
    .from(applications)
    .where(and(decided, sql`${applications.decidedAt} >= ${beijingDayStartMs(firstDay)}`, sql`${applications.decidedAt} < ${beijingDayStartMs(today + 1)}`))
    .groupBy(dayExpr, applications.status)
    .all();
  const decisions: DecisionDay[] = Array.from({ length: DECISION_DAYS }, (_, i) => ({ day: beijingDayLabel(firstDay + i), approved: 0, returned: 0 }));
  for (const r of perDay) {
    const slot = decisions[Number(r.day) - firstDay];
    if (!slot) continue;
    if (r.status === '通过') slot.approved += r.n;
    else slot.returned += r.n;
  }

  // Median time to decision, by SQL ordering rather than loading every duration.
  const windowed = and(decided, sql`${applications.decidedAt} >= ${now - MEDIAN_WINDOW_DAYS * DAY_MS}`, sql`${applications.decidedAt} <= ${now}`);
  const decidedInWindow = db.select({ n: sql<number>`count(*)` }).from(applications).where(windowed).get()?.n ?? 0;
  let medianDecisionMs: number | null = null;
  if (decidedInWindow > 0) {
    const duration = sql<number>`${applications.decidedAt} - ${applications.submittedAt}`;
    const middle = db
      .select({ d: duration })
      .from(applications)
      .where(windowed)
      .orderBy(asc(duration))
      .limit(decidedInWindow % 2 === 1 ? 1 : 2)
      .offset(Math.floor((decidedInWindow - 1) / 2))
      .all();
    medianDecisionMs = middle.reduce((s, r) => s + Number(r.d), 0) / middle.length;
  }

  const siteRows = db
    .select({ status: websites.status, n: sql<number>`count(*)` })
    .from(websites)
    .where(and(inArray(websites.status, [...EXPORT_STATUSES]), scope.unitId === null ? undefined : eq(websites.filingUnitId, scope.unitId)))
    .groupBy(websites.status)
    .all();
  const filedWebsites = siteRows.filter((r) => (FILED_STATUSES as readonly string[]).includes(r.status)).reduce((s, r) => s + r.n, 0);
  const cancelledWebsites = siteRows.find((r) => r.status === '已注销')?.n ?? 0;

  return {
    open: { total, overdue, byStatus, byType },
    decisions,
    medianDecisionMs,
    decidedInWindow,
    filedWebsites,
    cancelledWebsites,
  };
}

/** A duration as the office reads it: “45 分钟”, “6.5 小时”, “1.5 天”. */
export function formatDuration(ms: number): string {
  const one = (n: number) => String(Math.round(n * 10) / 10);
  if (ms < HOUR_MS) return ms < 60_000 ? '不足 1 分钟' : `${Math.round(ms / 60_000)} 分钟`;
  if (ms < DAY_MS) return `${one(ms / HOUR_MS)} 小时`;
  return `${one(ms / DAY_MS)} 天`;
}

// ---------------------------------------------------------------------------------------------
// CSV export
// ---------------------------------------------------------------------------------------------

export const CSV_COLUMNS = ['公安备案号', '网站名称', '主域名', '开办主体', '主体性质', '备案时间', '审核单位', '状态'] as const;
/** Excel reads a UTF-8 CSV as the local code page unless it starts with a BOM. */
export const CSV_BOM = '\uFEFF';
export const CSV_BATCH_SIZE = 2000;

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (= + - @, or a leading
 * tab / CR) gets a leading single quote (OWASP CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** 备案网站-<unit>-<YYYYMMDD>.csv, the date in Beijing time; `fallback` for clients without RFC 5987. */
export function exportFilename(unitName: string, now = Date.now()): { name: string; fallback: string } {
  const safe = unitName.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').trim() || '审核单位';
  const ymd = beijingDateCompact(now);
  return { name: `备案网站-${safe}-${ymd}.csv`, fallback: `filings-${ymd}.csv` };
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name. */
export function attachmentDisposition(name: string, fallback?: string): string {
  const ascii = (fallback ?? name).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'export.csv';
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The CSV text in pieces: the BOM and header first, then one piece per batch of rows. Each batch
 * is its own short query (keyset on websites.id), so no statement stays open between pieces:
 * an open better-sqlite3 iterator would make every write on the shared connection fail with
 * “connection is busy” for as long as a slow download lasts.
 */
export function* filedWebsitesCsvChunks(scope: Pick<StatsScope, 'unitId'>, batchSize = CSV_BATCH_SIZE): Generator<string, void, undefined> {
  yield CSV_BOM + csvLine(CSV_COLUMNS);
  const db = getDb();
  const primaryDomain = sql<string | null>`(select ${websiteDomains.unicode} from ${websiteDomains} where ${websiteDomains.websiteId} = ${websites.id} and ${websiteDomains.isPrimary} = 1 order by ${websiteDomains.id} limit 1)`;
  let lastId = 0;
  for (;;) {
    const rows = db
      .select({
        id: websites.id,
        filingNumber: websites.filingNumber,
        name: websites.name,
        domain: primaryDomain,
        subjectName: subjects.name,
        nature: subjects.nature,
        unitType: subjects.unitType,
        filedAt: websites.filedAt,
        unitName: policeUnits.name,
        status: websites.status,
      })
      .from(websites)
      .innerJoin(subjects, eq(subjects.id, websites.subjectId))
      .leftJoin(policeUnits, eq(policeUnits.id, websites.filingUnitId))
      .where(
        and(
          gt(websites.id, lastId),
          inArray(websites.status, [...EXPORT_STATUSES]),
          scope.unitId === null ? undefined : eq(websites.filingUnitId, scope.unitId),
        ),
      )
      .orderBy(asc(websites.id))
      .limit(batchSize)
      .all();
    if (rows.length === 0) return;
    let out = '';
    for (const r of rows) {
      out += csvLine([
        r.filingNumber,
        r.name,
        r.domain,
        r.subjectName,
        r.nature === '单位' && r.unitType ? `单位（${r.unitType}）` : r.nature,
        formatDateTime(r.filedAt),
        r.unitName,
        r.status,
      ]);
    }
    yield out;
    if (rows.length < batchSize) return;
    lastId = rows[rows.length - 1].id;
  }
}

/** The CSV as a byte stream pulled batch by batch, so 100,000 rows never sit in memory at once. */
export function filedWebsitesCsvStream(scope: Pick<StatsScope, 'unitId'>, batchSize = CSV_BATCH_SIZE): ReadableStream<Uint8Array> {
  const chunks = filedWebsitesCsvChunks(scope, batchSize);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        console.error('csv export failed', e);
        controller.error(e);
      }
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// 已逾期 未备案网站 (SPEC §8.2)
// ---------------------------------------------------------------------------------------------

export const OVERDUE_UNFILED_SHOWN = 20;

/**
 * 未备案网站 pushed to a subject of the unit (subject.unit_id; every unit for `unitId` null) and
 * not filed by their deadline: the count and the most overdue first.
 */
export function overdueUnfiled(scope: Pick<StatsScope, 'unitId'>, now: number) {
  const where = and(
    isNotNull(unfiledWebsites.pushedAt),
    isNull(unfiledWebsites.filedWebsiteId),
    lt(unfiledWebsites.deadline, now),
    scope.unitId === null ? undefined : eq(subjects.unitId, scope.unitId),
  );
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(unfiledWebsites).innerJoin(subjects, eq(subjects.id, unfiledWebsites.matchedSubjectId)).where(where).get()!.n;
  const rows = db
    .select({ id: unfiledWebsites.id, name: unfiledWebsites.name, domain: unfiledWebsites.domain, deadline: unfiledWebsites.deadline, subjectName: subjects.name })
    .from(unfiledWebsites)
    .innerJoin(subjects, eq(subjects.id, unfiledWebsites.matchedSubjectId))
    .where(where)
    .orderBy(asc(unfiledWebsites.deadline))
    .limit(OVERDUE_UNFILED_SHOWN)
    .all();
  return { total, rows };
}
