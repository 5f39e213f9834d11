import 'server-only';
import { and, desc, eq, sql, inArray } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { applications, policeUnits, unitCoverage, subjects, type BusinessType, type ApplicationStatus } from '@/db/schema';
import { routeToUnit } from '@/lib/review/routing';
import { nextApplicationStatus, canRevoke } from './rules';
import { handlerOf } from './handlers';
import type { ApplicationPayload, ApplicationPrevious } from './types';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';

/** The business types and statuses pages list and filter by (pages import db/schema for types only). */
export { APPLICATION_STATUSES, BUSINESS_TYPES } from '@/db/schema';
import { beijingDateCompact } from '@/lib/time';

/** Readable 申请编号: SQ + Beijing date + 6-digit running number, e.g. SQ20261123000042. */
export function nextApplicationCode(tx: Tx, now = Date.now()): string {
  const d = beijingDateCompact(now);
  const last = tx.select({ id: sql<number>`coalesce(max(${applications.id}), 0)` }).from(applications).get()!.id;
  return `SQ${d}${String(last + 1).padStart(6, '0')}`;
}

/** A new application as a service files it (the fields that differ by business type). */
export type NewApplication<T extends BusinessType> = {
  type: T;
  applicantId: number;
  subjectId: number;
  websiteId?: number | null;
  payload: ApplicationPayload<T>;
  previous?: ApplicationPrevious<T> | null;
  /** In the unit's queue now; a 新增主体 waits (false) until a business application releases it. */
  queued: boolean;
  queuedAt?: number;
  dueAt?: number | null;
  bundleId?: string | null;
  resubmittedFrom?: number | null;
};

/**
 * Files an application: 待审核, a new 申请编号, and the reviewing unit its business type's handler
 * routes it to (SPEC §6.1). Runs in the caller's transaction, after the subject row is written.
 */
export function insertApplication<T extends BusinessType>(tx: Tx, a: NewApplication<T>, now: number): { id: number; code: string } {
  return tx
    .insert(applications)
    .values({
      ...a,
      code: nextApplicationCode(tx, now),
      status: '待审核',
      unitId: handlerOf(a.type).route(tx, { subjectId: a.subjectId }),
      submittedAt: now,
    })
    .returning({ id: applications.id, code: applications.code })
    .get();
}

/** The reviewing unit for a county (SPEC §6.1). */
export function unitForCounty(tx: Tx, countyCode: string): number | null {
  const coverage = tx.select({ unitId: unitCoverage.unitId, regionCode: unitCoverage.regionCode }).from(unitCoverage).all();
  const def = tx.select({ id: policeUnits.id }).from(policeUnits).where(eq(policeUnits.isDefault, true)).get();
  return routeToUnit(countyCode, coverage, def?.id ?? null);
}

export const APPLICATION_PAGE_SIZE = 10;

export function listMyApplications(userId: number, opts: { type?: BusinessType; status?: ApplicationStatus; page?: number } = {}) {
  const db = getDb();
  const page = Math.max(1, opts.page ?? 1);
  const conds = [eq(applications.applicantId, userId)];
  if (opts.type) conds.push(eq(applications.type, opts.type));
  if (opts.status) conds.push(eq(applications.status, opts.status));
  const where = and(...conds);
  const rows = myApplicationsQuery(db)
    .where(where)
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(APPLICATION_PAGE_SIZE)
    .offset((page - 1) * APPLICATION_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(applications).where(where).get()!.n;
  return { rows, total, page, pageSize: APPLICATION_PAGE_SIZE };
}

/** 我的申请's columns: the application, its 审核单位 and 主体. */
function myApplicationsQuery(db: Tx) {
  return db
    .select({
      id: applications.id,
      code: applications.code,
      type: applications.type,
      status: applications.status,
      submittedAt: applications.submittedAt,
      unitName: policeUnits.name,
      subjectName: subjects.name,
    })
    .from(applications)
    .leftJoin(policeUnits, eq(policeUnits.id, applications.unitId))
    .leftJoin(subjects, eq(subjects.id, applications.subjectId))
    .$dynamic();
}

const newestApplications = preparedQuery((db) =>
  myApplicationsQuery(db)
    .where(eq(applications.applicantId, sql.placeholder('userId')))
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(sql.placeholder('n'))
    .prepare(),
);

/** The home page's 我的申请 card: the user's `n` newest applications (no filter, no total). */
export function recentApplications(userId: number, n: number) {
  return newestApplications().all({ userId, n });
}

/** One of the user's own applications (anyone else's is "not found"). */
export function getMyApplication(userId: number, id: number) {
  const row = getDb()
    .select({ app: applications, unitName: policeUnits.name })
    .from(applications)
    .leftJoin(policeUnits, eq(policeUnits.id, applications.unitId))
    .where(and(eq(applications.id, id), eq(applications.applicantId, userId)))
    .get();
  if (!row) throw new AppError('not_found', '申请不存在');
  return { ...row.app, unitName: row.unitName };
}

/**
 * 撤销申请: only the applicant, only while 待审核 and within 30 minutes of submission
 * (checked here against the clock, whatever the page showed). The subject goes back
 * to where it was before the application.
 */
export function revokeApplication(userId: number, id: number, now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    const app = tx.select().from(applications).where(and(eq(applications.id, id), eq(applications.applicantId, userId))).get();
    if (!app) throw new AppError('not_found', '申请不存在');
    if (app.status === '待审核' && !canRevoke(app, now)) throw new AppError('conflict', '已超过30分钟，不能撤销申请');
    const status = nextApplicationStatus(app.status, 'revoke');
    const res = tx
      .update(applications)
      .set({ status, decidedAt: now })
      .where(and(eq(applications.id, id), eq(applications.status, '待审核')))
      .run();
    if (res.changes !== 1) throw new AppError('conflict', '该申请已被处理');
    // The subject or object goes back to where it was before the application.
    handlerOf(app.type).revoke(tx, { userId, app, now });
    writeAudit({ actorId: userId, action: 'application.revoke', objectType: 'application', objectId: id, before: { status: app.status }, after: { status } }, tx);
  });
}

/** Pending (not yet decided) applications of a subject, optionally of some types. */
export function pendingApplicationsOf(tx: Tx, subjectId: number, types?: BusinessType[]) {
  const conds = [eq(applications.subjectId, subjectId), inArray(applications.status, ['待审核', '审核中', '待面审'])];
  if (types) conds.push(inArray(applications.type, types));
  return tx.select({ id: applications.id, type: applications.type, status: applications.status }).from(applications).where(and(...conds)).all();
}

/**
 * The 新增主体 application of a subject still held back from every queue (待审核, not yet
 * released by a business application: "公安机关不会单独进行主体审核"), if any.
 */
export function heldBackSubjectApplication(userId: number, subjectId: number): { id: number; code: string } | null {
  return (
    getDb()
      .select({ id: applications.id, code: applications.code })
      .from(applications)
      .where(
        and(
          eq(applications.applicantId, userId),
          eq(applications.subjectId, subjectId),
          eq(applications.type, '新增主体'),
          eq(applications.status, '待审核'),
          eq(applications.queued, false),
        ),
      )
      .get() ?? null
  );
}
