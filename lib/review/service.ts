/**
 * 审核 (SPEC §6): the unit's queue, claiming, and the decisions with their effects. Every
 * decision is one transaction: a conditional update of the application (so a second decision,
 * a stale page or a double click changes nothing: “该申请已被处理”), the effect on the subject or
 * website, the filing number when a website is filed, the audit record and the notice.
 */
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { primaryDomains } from '@/lib/websites/domain-list';
import {
  applications,
  assessments,
  interviews,
  policeUnits,
  queueCounts,
  subjects,
  users,
  websiteDomains,
  websites,
  type ApplicationStatus,
  type BusinessType,
} from '@/db/schema';
import { nextApplicationStatus, subjectApprovalBlock, type ApplicationEvent } from '@/lib/applications/rules';
import { handlerOf, isBusinessApplication } from '@/lib/applications/handlers';
import { payloadOf } from '@/lib/applications/types';
import { canReviewApplication, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notify/service';
import { formatDateTime } from '@/lib/time';
import { ensureDueDates, isOverdue, openQueueSql, OPEN_STATUSES } from './due';

export const CLAIM_MS = 30 * 60_000;

/**
 * Review transactions read, then write: BEGIN IMMEDIATE takes the write lock up front, so a
 * second process waits (busy_timeout) instead of failing to upgrade its read lock.
 */
const IMMEDIATE = { behavior: 'immediate' } as const;
export const QUEUE_PAGE_SIZE = 20;
export const ALREADY_DECIDED = '该申请已被处理';

/** 常用退回原因 (seed 001's “务必按照要求填写，否则将被退回” items). */
export const COMMON_RETURN_REASONS = [
  '网站名称不符合命名规范，请按填写注意事项修改',
  '负责人姓名不真实，请填写真实姓名全称',
  '负责人常住地址不具体，城镇请填写到街道门牌号，农村请填写到村',
  '办公电话或手机号码不真实，请填写真实有效的联系方式',
  '证件照片不清晰或与填写的信息不一致，请重新上传',
  '域名证书与网站域名不一致，请上传对应的域名证书',
  '服务器IP地址或接入服务商信息不准确，请核实后填写',
  '缺少前置审批或资质证明材料，请补充上传',
  '网站仍可访问，网站注销必须保证网站已经处于关闭状态',
] as const;

export const INTERVIEW_KINDS = ['面审', '实地检查'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

type AppRow = typeof applications.$inferSelect;

/** The actor's view of a claim: claimed by someone, still valid at `now`? */
function claimHolder(app: Pick<AppRow, 'status' | 'claimedBy' | 'claimedUntil'>, now: number): number | null {
  return app.status === '审核中' && app.claimedBy && app.claimedUntil && app.claimedUntil >= now ? app.claimedBy : null;
}

/** Status as the queue shows it: a claim that ran out is 待审核 again. */
export function shownStatus(app: Pick<AppRow, 'status' | 'claimedBy' | 'claimedUntil'>, now: number): ApplicationStatus {
  return app.status === '审核中' && !claimHolder(app, now) ? '待审核' : app.status;
}

function unitScope(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  // A reviewer without a unit sees nothing.
  return actor.unitId ? eq(applications.unitId, actor.unitId) : sql`0`;
}

export type QueueFilter = {
  type?: BusinessType;
  status?: (typeof OPEN_STATUSES)[number];
  overdue?: boolean;
  q?: string;
  page?: number;
};

export type QueueRow = {
  id: number;
  code: string;
  type: BusinessType;
  subjectName: string | null;
  websiteName: string | null;
  domain: string | null;
  submittedAt: number;
  dueAt: number | null;
  status: ApplicationStatus;
  handler: string | null;
  overdue: boolean;
  unitName: string | null;
};

/**
 * 待办 of the actor's unit (all units for admins): open, released applications in due order.
 * The first page reads the partial index applications_open_unit / _all in order.
 */
export function listQueue(actor: Actor, filter: QueueFilter = {}, now = Date.now()) {
  ensureDueDates({ now });
  const db = getDb();
  const page = Math.max(1, Math.min(filter.page ?? 1, 100_000));
  const conds: (SQL | undefined)[] = [openQueueSql, unitScope(actor)];
  if (filter.type) conds.push(eq(applications.type, filter.type));
  if (filter.status === '待审核')
    conds.push(or(eq(applications.status, '待审核'), and(eq(applications.status, '审核中'), sql`coalesce(${applications.claimedUntil}, 0) < ${now}`)));
  else if (filter.status === '审核中') conds.push(and(eq(applications.status, '审核中'), sql`${applications.claimedUntil} >= ${now}`));
  else if (filter.status) conds.push(eq(applications.status, filter.status));
  if (filter.overdue) conds.push(sql`${applications.dueAt} < ${now}`);
  const q = filter.q?.trim().slice(0, 100);
  // A 申请编号 is looked up by its unique index, not searched for.
  if (q && /^SQ\d{14}$/i.test(q)) conds.push(eq(applications.code, q.toUpperCase()));
  else if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      or(
        eq(applications.code, q.toUpperCase()),
        sql`${applications.subjectId} in (select ${subjects.id} from ${subjects} where ${subjects.name} like ${pattern} escape '\\')`,
        sql`${applications.websiteId} in (select ${websites.id} from ${websites} where ${websites.name} like ${pattern} escape '\\')`,
        sql`${applications.websiteId} in (select ${websiteDomains.websiteId} from ${websiteDomains} where ${websiteDomains.unicode} like ${pattern} escape '\\' or ${websiteDomains.ascii} like ${pattern} escape '\\')`,
      ),
    );
  }
  const where = and(...conds);
  const at = { limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE };
  // The queue as it opens (no filter) is what every visit to 审核工作台 reads: its two statements
  // are prepared once per scope (issue 17); a filtered one is built for its filter.
  const plain = !filter.type && !filter.status && !filter.overdue && !q && (actor.role === 'admin' || !!actor.unitId);
  const base = (
    plain
      ? actor.role === 'admin'
        ? openPageAll().all(at)
        : openPageOfUnit().all({ ...at, unitId: actor.unitId! })
      : queuePage(db, where, at.limit, at.offset).all()
  ).map((r) => r.id);
  // Counting 100,000 open rows takes milliseconds: without other filters the counters kept by
  // triggers (queue_counts) answer at once.
  const total = filter.overdue || filter.status || q ? countOf(where) : countFromCounters(actor, filter.type);
  const rows = base.length ? queueRows(base, now) : [];
  return { rows, total, page, pageSize: QUEUE_PAGE_SIZE };
}

/** A page of the queue's ids in due order: built for a filter, or prepared with placeholders. */
function queuePage(db: Tx, where: SQL | undefined, limit: number | Placeholder, offset: number | Placeholder) {
  return db.select({ id: applications.id }).from(applications).where(where).orderBy(asc(applications.dueAt), asc(applications.id)).limit(limit).offset(offset);
}

const openPageOfUnit = preparedQuery((db) =>
  queuePage(db, and(openQueueSql, eq(applications.unitId, sql.placeholder('unitId'))), sql.placeholder('limit'), sql.placeholder('offset')).prepare(),
);
const openPageAll = preparedQuery((db) => queuePage(db, openQueueSql, sql.placeholder('limit'), sql.placeholder('offset')).prepare());

function countOf(where: SQL | undefined): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(applications).where(where).get()!.n;
}

/** The sum of queue_counts' rows that `where` picks. */
function countersSum(db: Tx, where: SQL | undefined) {
  return db.select({ n: sql<number>`coalesce(sum(${queueCounts.n}), 0)` }).from(queueCounts).where(where);
}

const countersOfUnit = preparedQuery((db) => countersSum(db, eq(queueCounts.unitId, sql.placeholder('unitId'))).prepare());
const countersAll = preparedQuery((db) => countersSum(db, undefined).prepare());

/** Open, released applications of the scope (and type) from the trigger-kept queue_counts. */
function countFromCounters(actor: Actor, type?: BusinessType): number {
  if (!type) return (actor.role === 'admin' ? countersAll().get() : countersOfUnit().get({ unitId: actor.unitId ?? -1 }))!.n;
  const conds: SQL[] = [eq(queueCounts.type, type)];
  if (actor.role !== 'admin') conds.push(eq(queueCounts.unitId, actor.unitId ?? -1));
  return countersSum(getDb(), and(...conds)).get()!.n;
}

/** The queue's columns for some applications, in the given order. */
const queueColumns = preparedQuery((db) =>
  db
    .select({
      app: {
        id: applications.id,
        code: applications.code,
        type: applications.type,
        status: applications.status,
        submittedAt: applications.submittedAt,
        dueAt: applications.dueAt,
        claimedBy: applications.claimedBy,
        claimedUntil: applications.claimedUntil,
        payload: applications.payload,
      },
      subjectName: subjects.name,
      websiteName: websites.name,
      websiteId: websites.id,
      unitName: policeUnits.name,
      handler: users.name,
    })
    .from(applications)
    .leftJoin(subjects, eq(subjects.id, applications.subjectId))
    .leftJoin(websites, eq(websites.id, applications.websiteId))
    .leftJoin(policeUnits, eq(policeUnits.id, applications.unitId))
    .leftJoin(users, eq(users.id, applications.claimedBy))
    // Prepared once (building this select costs more than running it; issue 17): the page's ids as one JSON array.
    .where(sql`${applications.id} in (select value from json_each(${sql.placeholder('ids')}))`)
    .prepare(),
);

function queueRows(ids: number[], now: number): QueueRow[] {
  const data = queueColumns().all({ ids: JSON.stringify(ids) });
  const primary = primaryDomains(data.map((d) => d.websiteId).filter((v): v is number => !!v));
  const byId = new Map(data.map((d) => [d.app.id, d]));
  return ids.map((id) => {
    const d = byId.get(id)!;
    const status = shownStatus(d.app, now);
    // A 新办网站's name and domain are in its payload until it is filed.
    const submitted = handlerOf(d.app.type).describe.queueColumns(payloadOf(d.app));
    return {
      id,
      code: d.app.code,
      type: d.app.type,
      subjectName: d.subjectName,
      websiteName: d.websiteName ?? submitted.name,
      domain: (d.websiteId ? primary.get(d.websiteId) : undefined) ?? submitted.domain,
      submittedAt: d.app.submittedAt,
      dueAt: d.app.dueAt,
      status,
      handler: status === '审核中' ? d.handler : null,
      overdue: isOverdue({ status, dueAt: d.app.dueAt }, now),
      unitName: d.unitName,
    };
  });
}

/** The application, if the actor may review it; anything else is “not found” (no hint it exists). */
function reviewable(tx: Tx, actor: Actor, id: number): AppRow {
  const app = tx.select().from(applications).where(eq(applications.id, id)).get();
  if (!app || !canReviewApplication(actor, app)) throw new AppError('not_found', '申请不存在或不属于本单位');
  return app;
}

function userName(tx: Tx, id: number | null): string | null {
  return id ? (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null) : null;
}

/**
 * Claims an application for 30 minutes (审核中, 处理人 shown), fired by the decision page once it
 * is shown (claimApplicationAction; a GET never writes). A claim of somebody else that is still
 * valid is left alone; one that ran out is taken over. One waiting for its 新增主体 cannot be
 * decided yet and is not claimed (its 退回 takes the claim in the decision itself). Returns who
 * holds it.
 */
export function claimApplication(actor: Actor, id: number, now = Date.now()): { claimedBy: number | null; claimedUntil: number | null; mine: boolean } {
  return getDb().transaction((tx) => {
    const app = reviewable(tx, actor, id);
    const holder = claimHolder(app, now);
    if (app.status === '审核中' && holder && holder !== actor.id) return { claimedBy: holder, claimedUntil: app.claimedUntil, mine: false };
    if (app.status !== '待审核' && app.status !== '审核中') return { claimedBy: null, claimedUntil: null, mine: false };
    if (pendingSubjectApplication(tx, app)) return { claimedBy: holder, claimedUntil: holder ? app.claimedUntil : null, mine: !!holder && holder === actor.id };
    const until = now + CLAIM_MS;
    const status = app.status === '待审核' ? nextApplicationStatus(app.status, 'claim') : app.status;
    const res = tx
      .update(applications)
      .set({ status, claimedBy: actor.id, claimedUntil: until })
      .where(and(eq(applications.id, id), eq(applications.status, app.status), sql`coalesce(${applications.claimedBy}, 0) = ${app.claimedBy ?? 0}`))
      .run();
    if (res.changes !== 1) throw new AppError('conflict', '该申请状态已变化，请刷新后重试');
    return { claimedBy: actor.id, claimedUntil: until, mine: true };
  }, IMMEDIATE);
}

/** 释放: the claim holder gives the application back to the queue. */
export function releaseApplication(actor: Actor, id: number): void {
  getDb().transaction((tx) => {
    const app = reviewable(tx, actor, id);
    if (app.status !== '审核中' || app.claimedBy !== actor.id) throw new AppError('conflict', app.status === '审核中' ? '该申请不是由您处理' : ALREADY_DECIDED);
    tx.update(applications)
      .set({ status: nextApplicationStatus(app.status, 'release'), claimedBy: null, claimedUntil: null })
      .where(and(eq(applications.id, id), eq(applications.status, '审核中'), eq(applications.claimedBy, actor.id)))
      .run();
  }, IMMEDIATE);
}

export type DecisionInput = {
  decision: '通过' | '退回';
  /** Required for 退回: picked from COMMON_RETURN_REASONS or typed. */
  reason?: string;
  /** Field key (or label) → comment the applicant sees next to that field. */
  fieldComments?: Record<string, string>;
};

const REASON_MAX = 500;
const COMMENT_MAX = 200;

function cleanDecision(input: DecisionInput): { reason: string | null; comments: Record<string, string> | null } {
  const reason = input.reason?.trim() ?? '';
  if (input.decision === '退回' && !reason) throw new AppError('invalid', '请填写退回原因', { reason: '请填写退回原因' });
  if (reason.length > REASON_MAX) throw new AppError('invalid', `退回原因不能超过${REASON_MAX}个字`, { reason: `退回原因不能超过${REASON_MAX}个字` });
  const comments: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.fieldComments ?? {})) {
    const c = typeof v === 'string' ? v.trim() : '';
    if (!c) continue;
    if (c.length > COMMENT_MAX) throw new AppError('invalid', `字段审核意见不能超过${COMMENT_MAX}个字`, { fieldComments: `字段审核意见不能超过${COMMENT_MAX}个字` });
    comments[k.slice(0, 100)] = c;
  }
  if (Object.keys(comments).length > 50) throw new AppError('invalid', '字段审核意见过多', { fieldComments: '字段审核意见过多' });
  return { reason: reason || null, comments: input.decision === '退回' && Object.keys(comments).length ? comments : null };
}

type SubjectRef = Pick<AppRow, 'id' | 'type' | 'subjectId' | 'bundleId'>;

/** The undecided 新增主体 of a business application's subject, bundled with it or not. */
export function pendingSubjectApplication(tx: Tx, app: SubjectRef): { id: number; code: string; bundled: boolean } | null {
  if (!app.subjectId || !isBusinessApplication(app.type)) return null;
  const pending = tx
    .select({ id: applications.id, code: applications.code, bundleId: applications.bundleId })
    .from(applications)
    .where(and(eq(applications.subjectId, app.subjectId), eq(applications.type, '新增主体'), inArray(applications.status, [...OPEN_STATUSES])))
    .get();
  return pending ? { id: pending.id, code: pending.code, bundled: !!app.bundleId && pending.bundleId === app.bundleId } : null;
}

/**
 * Why this business application cannot be approved because of its subject, or null (SPEC §6.3):
 * an undecided 新增主体 is decided first, and otherwise the subject must be approved.
 */
export function subjectBlock(tx: Tx, app: SubjectRef): string | null {
  if (!app.subjectId || !isBusinessApplication(app.type)) return null;
  const pending = pendingSubjectApplication(tx, app);
  if (pending) return pending.bundled ? `请先审核与本申请一并提交的新增主体申请（${pending.code}）` : `请先审核该主体的新增主体申请（${pending.code}）`;
  const s = tx.select({ status: subjects.status }).from(subjects).where(eq(subjects.id, app.subjectId)).get();
  return s ? subjectApprovalBlock(s.status) : '开办主体不存在';
}

export { assessmentApproved } from '@/lib/applications/handlers/shared';

/**
 * Conditional status change of the application: only from the status it was read in (and, while
 * 审核中, only for the claim holder). Anything else means somebody else decided first.
 */
function moveApplication(tx: Tx, actor: Actor, app: AppRow, event: ApplicationEvent, set: Partial<AppRow>, now: number): ApplicationStatus {
  const status = nextApplicationStatus(app.status, event);
  const conds = [eq(applications.id, app.id), eq(applications.status, app.status)];
  if (app.status === '审核中') conds.push(eq(applications.claimedBy, actor.id));
  const res = tx
    .update(applications)
    .set({ ...set, status, decidedBy: status === '通过' || status === '退回' ? actor.id : null, decidedAt: status === '通过' || status === '退回' ? now : null })
    .where(and(...conds))
    .run();
  if (res.changes !== 1) throw new AppError('conflict', ALREADY_DECIDED);
  return status;
}

/** Refuses unless the actor may decide this application now (claim held or free to take). */
function assertDecidable(tx: Tx, actor: Actor, app: AppRow, now: number) {
  if (app.status === '通过' || app.status === '退回' || app.status === '已撤销') throw new AppError('conflict', ALREADY_DECIDED);
  if (!app.queued) throw new AppError('not_found', '申请不存在或不属于本单位');
  if (app.status === '待面审') return;
  const holder = claimHolder(app, now);
  if (holder && holder !== actor.id) throw new AppError('conflict', `该申请正由${userName(tx, holder) ?? '其他审核人员'}处理`);
}

/** Takes a free (待审核 or run-out) application for the actor inside the decision's transaction. */
function takeClaim(tx: Tx, actor: Actor, app: AppRow, now: number): AppRow {
  if (app.status === '待面审' || (app.status === '审核中' && app.claimedBy === actor.id)) return app;
  const status: ApplicationStatus = '审核中';
  const res = tx
    .update(applications)
    .set({ status, claimedBy: actor.id, claimedUntil: now + CLAIM_MS })
    .where(and(eq(applications.id, app.id), eq(applications.status, app.status), sql`coalesce(${applications.claimedBy}, 0) = ${app.claimedBy ?? 0}`))
    .run();
  if (res.changes !== 1) throw new AppError('conflict', ALREADY_DECIDED);
  return { ...app, status, claimedBy: actor.id, claimedUntil: now + CLAIM_MS };
}

const TYPE_LINK = (app: AppRow) => `/my/applications/${app.id}`;
const title = (app: AppRow) => handlerOf(app.type).describe.title;

function decisionNotice(app: AppRow, decision: '通过' | '退回', reason: string | null, extra = ''): { type: string; title: string; body: string; link: string } {
  if (decision === '通过')
    return { type: 'application.approved', title: `${title(app)}已通过`, body: `您的${title(app)}（申请编号${app.code}）已审核通过。${extra}`, link: TYPE_LINK(app) };
  return {
    type: 'application.returned',
    title: `${title(app)}被退回`,
    body: `您的${title(app)}（申请编号${app.code}）被退回，退回原因：${reason ?? '—'}。请按审核意见修改后重新提交。${extra}`,
    link: TYPE_LINK(app),
  };
}

/** The effect of 通过 on the subject or object, in the deciding transaction (the type's handler). */
function applyApproval(tx: Tx, actor: Actor, app: AppRow, now: number) {
  return handlerOf(app.type).approve(tx, { actor, app, now });
}

/** The effect of 退回: the subject or object goes back to where it was (a new one: 已退回). */
function applyReturn(tx: Tx, actor: Actor, app: AppRow, reason: string, now: number): string {
  return handlerOf(app.type).return(tx, { actor, app, reason, now });
}

/**
 * 通过 / 退回. An interactive website is not filed by 通过: it needs an approved 安全评估 and
 * then a 面审 / 实地检查 (scheduleInterview, recordInterviewOutcome).
 */
export function decideApplication(actor: Actor, id: number, input: DecisionInput, now = Date.now()) {
  const { reason, comments } = cleanDecision(input);
  return getDb().transaction((tx) => {
    let app = reviewable(tx, actor, id);
    assertDecidable(tx, actor, app, now);
    if (app.status === '待面审') throw new AppError('conflict', '该申请已安排面审或实地检查，请在面审记录中登记结果');
    if (input.decision === '通过') {
      const blocked = subjectBlock(tx, app) ?? handlerOf(app.type).approvalBlock(tx, app);
      if (blocked) throw new AppError('conflict', blocked);
    }
    app = takeClaim(tx, actor, app, now);
    const before = app.status;
    const event = input.decision === '通过' ? 'approve' : 'return';
    const status = moveApplication(tx, actor, app, event, { reason: input.decision === '退回' ? reason : null, fieldComments: comments, claimedUntil: null }, now);
    const approval = input.decision === '通过' ? applyApproval(tx, actor, app, now) : null;
    const extra = approval ? approval.effect : applyReturn(tx, actor, app, reason!, now);
    writeAudit(
      { actorId: actor.id, action: input.decision === '通过' ? 'application.approve' : 'application.return', objectType: 'application', objectId: app.id, before: { status: before }, after: { status, reason, fieldComments: comments } },
      tx,
    );
    notify(app.applicantId, decisionNotice(app, input.decision, reason, extra), tx);
    return { status, filingNumber: approval?.filingNumber ?? null };
  }, IMMEDIATE);
}

export type InterviewInput = { kind: InterviewKind; scheduledAt: number; place?: string; materials?: string };

/** 安排面审 / 实地检查 of an interactive website whose 安全评估 is 通过: the application 待面审. */
export function scheduleInterview(actor: Actor, id: number, input: InterviewInput, now = Date.now()) {
  const place = input.place?.trim() ?? '';
  const materials = input.materials?.trim() ?? '';
  if (!INTERVIEW_KINDS.includes(input.kind)) throw new AppError('invalid', '请选择面审或实地检查', { kind: '请选择面审或实地检查' });
  if (!Number.isFinite(input.scheduledAt) || input.scheduledAt < now) throw new AppError('invalid', '请选择当前时间之后的时间', { scheduledAt: '请选择当前时间之后的时间' });
  if (input.kind === '面审' && !place) throw new AppError('invalid', '请填写面审地点', { place: '请填写面审地点' });
  if (input.kind === '面审' && !materials) throw new AppError('invalid', '请填写需携带的材料', { materials: '请填写需携带的材料' });
  if (place.length > 200 || materials.length > 500) throw new AppError('invalid', '地点或材料说明过长');
  return getDb().transaction((tx) => {
    let app = reviewable(tx, actor, id);
    assertDecidable(tx, actor, app, now);
    if (app.status === '待面审') throw new AppError('conflict', '该申请已安排面审或实地检查');
    const handler = handlerOf(app.type);
    if (!handler.needsInterview(tx, app)) throw new AppError('conflict', '只有交互式网站的新办网站申请需要面审或实地检查');
    const blocked = subjectBlock(tx, app) ?? handler.interviewBlock(tx, app);
    if (blocked) throw new AppError('conflict', blocked);
    app = takeClaim(tx, actor, app, now);
    moveApplication(tx, actor, app, 'schedule', { claimedUntil: null }, now);
    const row = tx
      .insert(interviews)
      .values({ applicationId: app.id, kind: input.kind, scheduledAt: input.scheduledAt, place: place || null, materials: materials || null, createdBy: actor.id, createdAt: now })
      .returning({ id: interviews.id })
      .get();
    writeAudit({ actorId: actor.id, action: 'interview.schedule', objectType: 'application', objectId: app.id, before: { status: app.status }, after: { status: '待面审', kind: input.kind, scheduledAt: input.scheduledAt, place, materials } }, tx);
    const when = formatDateTime(input.scheduledAt);
    const body =
      input.kind === '面审'
        ? `您的${handler.describe.title}（申请编号${app.code}）需进行面审。时间：${when}；地点：${place}；请携带：${materials}。`
        : `您的${handler.describe.title}（申请编号${app.code}）需进行实地检查。时间：${when}${place ? `；地点：${place}` : ''}，请做好准备，配合公安民警进行安全检查。${materials ? `需准备：${materials}。` : ''}`;
    notify(app.applicantId, { type: 'interview.scheduled', title: `${input.kind}通知`, body, link: TYPE_LINK(app) }, tx);
    return { interviewId: row.id };
  }, IMMEDIATE);
}

/** 面审 / 实地检查 result: 通过 files the website, 退回 returns it. */
export function recordInterviewOutcome(actor: Actor, id: number, input: DecisionInput & { note?: string }, now = Date.now()) {
  const { reason, comments } = cleanDecision(input);
  const note = input.note?.trim().slice(0, 500) || null;
  return getDb().transaction((tx) => {
    const app = reviewable(tx, actor, id);
    if (app.status !== '待面审') throw new AppError('conflict', app.status === '通过' || app.status === '退回' || app.status === '已撤销' ? ALREADY_DECIDED : '该申请尚未安排面审或实地检查');
    const iv = tx.select().from(interviews).where(eq(interviews.applicationId, app.id)).orderBy(desc(interviews.id)).get();
    if (!iv || iv.outcome) throw new AppError('conflict', ALREADY_DECIDED);
    const blocked = input.decision === '通过' ? subjectBlock(tx, app) : null;
    if (blocked) throw new AppError('conflict', blocked);
    const event = input.decision === '通过' ? 'approve' : 'return';
    const status = moveApplication(tx, actor, app, event, { reason: input.decision === '退回' ? reason : null, fieldComments: comments }, now);
    const done = tx
      .update(interviews)
      .set({ outcome: input.decision, outcomeNote: note })
      .where(and(eq(interviews.id, iv.id), sql`${interviews.outcome} is null`))
      .run();
    if (done.changes !== 1) throw new AppError('conflict', ALREADY_DECIDED);
    const extra = input.decision === '通过' ? applyApproval(tx, actor, app, now).effect : applyReturn(tx, actor, app, reason!, now);
    writeAudit(
      { actorId: actor.id, action: input.decision === '通过' ? 'interview.pass' : 'interview.fail', objectType: 'application', objectId: app.id, before: { status: app.status }, after: { status, kind: iv.kind, note, reason } },
      tx,
    );
    notify(app.applicantId, decisionNotice(app, input.decision, reason, `${iv.kind}结果：${input.decision === '通过' ? '通过' : '未通过'}。${extra}`), tx);
    return { status };
  }, IMMEDIATE);
}

/** Everything the decision page shows about one application (PII stays masked). */
export function getReviewApplication(actor: Actor, id: number, now = Date.now()) {
  const db = getDb();
  const app = reviewable(db, actor, id);
  if (!app.queued) throw new AppError('not_found', '申请不存在或不属于本单位');
  const subject = app.subjectId ? db.select().from(subjects).where(eq(subjects.id, app.subjectId)).get() : undefined;
  const website = app.websiteId ? db.select().from(websites).where(eq(websites.id, app.websiteId)).get() : undefined;
  const unit = app.unitId ? db.select({ name: policeUnits.name }).from(policeUnits).where(eq(policeUnits.id, app.unitId)).get() : undefined;
  const applicant = db.select({ name: users.name, phoneMasked: users.phoneMasked }).from(users).where(eq(users.id, app.applicantId)).get();
  const holder = claimHolder(app, now);
  const bundle = app.bundleId
    ? db
        .select({ id: applications.id, code: applications.code, type: applications.type, status: applications.status })
        .from(applications)
        .where(and(eq(applications.bundleId, app.bundleId), sql`${applications.id} <> ${app.id}`))
        .all()
    : [];
  const history = app.subjectId
    ? db
        .select({ id: applications.id, code: applications.code, type: applications.type, status: applications.status, queued: applications.queued, submittedAt: applications.submittedAt, decidedAt: applications.decidedAt, reason: applications.reason, decider: users.name })
        .from(applications)
        .leftJoin(users, eq(users.id, applications.decidedBy))
        .where(and(eq(applications.subjectId, app.subjectId), sql`${applications.id} <> ${app.id}`))
        .orderBy(desc(applications.submittedAt), desc(applications.id))
        .limit(50)
        .all()
    : [];
  const otherWebsites = app.subjectId
    ? db
        .select({ id: websites.id, name: websites.name, status: websites.status, filingNumber: websites.filingNumber })
        .from(websites)
        .where(and(eq(websites.subjectId, app.subjectId), app.websiteId ? sql`${websites.id} <> ${app.websiteId}` : undefined))
        .orderBy(asc(websites.id))
        .all()
    : [];
  const interview = db.select().from(interviews).where(eq(interviews.applicationId, app.id)).orderBy(desc(interviews.id)).get() ?? null;
  // The latest 安全评估 of the website, or of the APP / 小程序 (SPEC §15), the application is about.
  const assessedBy = app.websiteId ? eq(assessments.websiteId, app.websiteId) : app.filingId ? eq(assessments.filingId, app.filingId) : null;
  const assessment = assessedBy
    ? (db
        .select({ status: assessments.status, applicationId: assessments.applicationId })
        .from(assessments)
        .where(assessedBy)
        .orderBy(desc(assessments.id))
        .get() ?? null)
    : null;
  return {
    app,
    status: shownStatus(app, now),
    subject: subject ?? null,
    website: website ?? null,
    unitName: unit?.name ?? null,
    applicant: applicant ?? null,
    handler: holder ? { id: holder, name: userName(db, holder) } : null,
    claimedUntil: holder ? app.claimedUntil : null,
    decidedByName: userName(db, app.decidedBy),
    bundle,
    history,
    otherWebsites,
    interview,
    assessment,
    /** Needs a 面审 / 实地检查 (an interactive 新办网站). */
    interactive: handlerOf(app.type).needsInterview(db, app),
    /** Why 通过 is not possible because of the subject (the same check decideApplication makes). */
    approvalBlock: subjectBlock(db, app),
    pendingSubject: pendingSubjectApplication(db, app),
    overdue: isOverdue({ status: shownStatus(app, now), dueAt: app.dueAt }, now),
  };
}

/** Decided applications of the actor's scope, newest first (for the 已办 tab). */
export function listDecided(actor: Actor, page = 1) {
  const db = getDb();
  const where = and(unitScope(actor), isNotNull(applications.decidedBy), inArray(applications.status, ['通过', '退回']));
  const ids = db
    .select({ id: applications.id })
    .from(applications)
    .where(where)
    .orderBy(desc(applications.decidedAt), desc(applications.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * QUEUE_PAGE_SIZE)
    .all()
    .map((r) => r.id);
  const total = db.select({ n: sql<number>`count(*)` }).from(applications).where(where).get()!.n;
  return { rows: ids.length ? queueRows(ids, Date.now()) : [], total };
}

