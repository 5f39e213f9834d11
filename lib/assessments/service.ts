/**
 * 安全评估 (SPEC §7, §15): 发起评估 submits a 安全评估 application with its assessment record; the
 * applicant's list and detail, the wizard's choice of 评估对象 (a website, or an interactive APP /
 * 小程序) and the reviewer's view.
 * Deciding it is lib/review/service.ts (通过 / 退回 set the assessment's status).
 */
import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { domainsOfWebsite, primaryDomains } from '@/lib/websites/domain-list';
import { applications, assessments, drafts, files, filings, policeUnits, subjects, websiteDomains, websites, type ApplicationStatus } from '@/db/schema';
import { kindSpec, withSpec } from '@/lib/filings/kinds';
import { insertApplication } from '@/lib/applications/service';
import { canReviewApplication, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notify/service';
import { queueFields } from '@/lib/review/due';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { ASSESSMENT_FILING_TYPES, assessmentSubmitSchema, isFilingTarget, type AssessmentFilingType, type AssessmentTargetType } from './schemas';
import type { AssessmentData, AssessmentFiles, AssessmentReport, AssessmentTarget } from './types';
import type { AssessableFilingOption } from './form-values';

/**
 * Websites an assessment may be started for: under review (待审核: an interactive one is filed only
 * after it) or filed (已备案, 变更中: a re-assessment after new interactive functions). Interactive
 * or not: a site that is about to add interactive services may be assessed beforehand.
 */
export const ASSESSABLE_WEBSITE_STATUSES = ['待审核', '已备案', '变更中'] as const;
/**
 * APP / 小程序 an assessment may be started for: the same statuses as websites, interactive ones only
 * (是否提供互联网交互服务 = 是: those that need one, SPEC §15).
 */
export const ASSESSABLE_FILING_STATUSES = ASSESSABLE_WEBSITE_STATUSES;
/** Subjects whose websites may be assessed (not while being cancelled or transferred). */
export const ASSESSABLE_SUBJECT_STATUSES = ['待审核', '有效', '变更中'] as const;

const OPEN_APPLICATION = ['待审核', '审核中', '待面审'] as const;

export const ASSESSMENT_MESSAGES = {
  websiteMissing: '评估对象网站不存在',
  otherSubject: '评估对象须为当前主体的网站，请先切换到该网站所属主体',
  pending: '该网站已有审核中的安全评估',
  fileMissing: '上传的文件不存在，请重新上传',
  fileElsewhere: '该文件已用于其他主体的申请，请重新上传',
  sealedNotPdf: '自评估报告盖章件须为PDF文件',
  thirdPartyNotPdf: '第三方检测报告须为PDF文件',
  sameFile: '第三方检测报告不能与自评估报告盖章件为同一文件',
} as const;

/** The refusals about an APP / 小程序 as 评估对象, worded as the website's. */
export function filingAssessmentMessages(type: AssessmentFilingType) {
  return {
    missing: `评估对象${type}不存在`,
    otherSubject: `评估对象须为当前主体的${type}，请先切换到该${type}所属主体`,
    notInteractive: `该${type}未提供互联网交互服务，无需发起安全评估`,
    pending: `该${type}已有审核中的安全评估`,
    status: (status: string) => `${type}当前状态为“${status}”，不能发起安全评估`,
  };
}

/** What an assessment stores (assessments.data) and its application carries (payload.report / payload.files): ./types.ts. */
export type { AssessmentData, AssessmentFiles, AssessmentReport, AssessmentTarget } from './types';

function fail(fieldErrors: Record<string, string>): never {
  throw new AppError('invalid', Object.values(fieldErrors)[0] ?? '请检查填写的内容', fieldErrors);
}

/** Open (undecided) 安全评估 applications of a website. */
function openAssessmentOf(tx: Tx, websiteId: number) {
  return tx
    .select({ id: applications.id, code: applications.code })
    .from(applications)
    .where(and(eq(applications.websiteId, websiteId), eq(applications.type, '安全评估'), inArray(applications.status, [...OPEN_APPLICATION])))
    .get();
}

/** Open (undecided) 安全评估 applications of an APP / 小程序. */
function openFilingAssessmentOf(tx: Tx, filingId: number) {
  return tx
    .select({ id: applications.id, code: applications.code })
    .from(applications)
    .where(and(eq(applications.filingId, filingId), eq(applications.type, '安全评估'), inArray(applications.status, [...OPEN_APPLICATION])))
    .get();
}

/**
 * The current subject's APP and 小程序 for 评估对象: interactive, assessable ones only, newest first;
 * each says whether an assessment of it is under review or approved.
 */
export function assessableFilings(userId: number, subjectId: number): AssessableFilingOption[] {
  const db = getDb();
  const rows = db
    .select({ f: filings })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, userId)))
    .where(and(eq(filings.subjectId, subjectId), eq(filings.interactive, true), inArray(filings.kind, ASSESSMENT_FILING_TYPES), inArray(filings.status, [...ASSESSABLE_FILING_STATUSES])))
    .orderBy(desc(filings.createdAt), desc(filings.id))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.f.id);
  const pending = new Set(
    db
      .select({ filingId: applications.filingId })
      .from(applications)
      .where(and(inArray(applications.filingId, ids), eq(applications.type, '安全评估'), inArray(applications.status, [...OPEN_APPLICATION])))
      .all()
      .map((r) => r.filingId),
  );
  const approved = new Set(
    db
      .select({ filingId: assessments.filingId })
      .from(assessments)
      .where(and(inArray(assessments.filingId, ids), eq(assessments.status, '通过')))
      .all()
      .map((r) => r.filingId),
  );
  return rows.map(({ f }) => ({
    id: f.id,
    kind: f.kind as AssessmentFilingType, // the query keeps these kinds only
    name: f.name,
    ident: withSpec(f.data, (spec, b) => spec.identText(b)),
    identLabel: kindSpec(f.kind).identLabel,
    platform: withSpec(f.data, (spec, b) => spec.platformText(b)),
    platformLabel: kindSpec(f.kind).platformLabel,
    status: f.status,
    interactive: f.interactive,
    filingNumber: f.filingNumber,
    pending: pending.has(f.id),
    approved: approved.has(f.id),
  }));
}

/**
 * The current subject's websites for 评估对象: assessable ones only, interactive first, then the
 * newest; each says whether an assessment of it is under review or approved.
 */
export function assessableWebsites(userId: number, subjectId: number) {
  const db = getDb();
  const rows = db
    .select({
      id: websites.id,
      name: websites.name,
      status: websites.status,
      interactive: websites.interactive,
      filingNumber: websites.filingNumber,
      domain: websiteDomains.unicode,
    })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .leftJoin(websiteDomains, and(eq(websiteDomains.websiteId, websites.id), eq(websiteDomains.isPrimary, true)))
    .where(and(eq(websites.subjectId, subjectId), inArray(websites.status, [...ASSESSABLE_WEBSITE_STATUSES])))
    .orderBy(desc(websites.interactive), desc(websites.createdAt), desc(websites.id))
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const pending = new Set(
    db
      .select({ websiteId: applications.websiteId })
      .from(applications)
      .where(and(inArray(applications.websiteId, ids), eq(applications.type, '安全评估'), inArray(applications.status, [...OPEN_APPLICATION])))
      .all()
      .map((r) => r.websiteId),
  );
  const approved = new Set(
    db
      .select({ websiteId: assessments.websiteId })
      .from(assessments)
      .where(and(inArray(assessments.websiteId, ids), eq(assessments.status, '通过')))
      .all()
      .map((r) => r.websiteId),
  );
  return rows.map((r) => ({ ...r, pending: pending.has(r.id), approved: approved.has(r.id) }));
}

/**
 * 发起评估 → 提交: re-validates everything, then in one transaction the 安全评估 application
 * (routed to the subject's unit and queued with its 办理时限), the assessment (待审核), the file
 * attachments, the audit record, the notice, and the draft it came from is deleted.
 */
export function submitAssessment(userId: number, subjectId: number, input: unknown, opts: { draftId?: number | null } = {}, now = Date.now()) {
  const parsed = assessmentSubmitSchema.safeParse(input);
  if (!parsed.success) fail(fieldErrorsOf(parsed.error));
  const { report: r, files: f } = parsed.data;
  const text = { situation: r.situation, methods: r.methods, methodOther: r.methods.includes('其他') ? r.methodOther : '' };
  // Only the id of the chosen 类型 is kept (the schema required it).
  const report: AssessmentReport = isFilingTarget(r.targetType) ? { targetType: r.targetType, filingId: r.filingId!, ...text } : { targetType: '网站', websiteId: r.websiteId!, ...text };
  const fileSet: AssessmentFiles = { sealedReportFileId: f.sealedReportFileId, thirdPartyReportFileId: f.thirdPartyReportFileId ?? null };
  if (fileSet.thirdPartyReportFileId === fileSet.sealedReportFileId) fail({ 'files.thirdPartyReportFileId': ASSESSMENT_MESSAGES.sameFile });

  return getDb().transaction(
    (tx) => {
      const { s, target } = report.targetType === '网站' ? websiteTarget(tx, userId, subjectId, report.websiteId) : filingTarget(tx, userId, subjectId, report.targetType, report.filingId);
      const object = target.type === '网站' ? { websiteId: target.websiteId } : { filingId: target.filingId };

      // The PDFs: the user's own, not yet attached elsewhere; attached to the subject so its unit's reviewers may read them.
      const wanted: [key: keyof AssessmentFiles, id: number | null, notPdf: string][] = [
        ['sealedReportFileId', fileSet.sealedReportFileId, ASSESSMENT_MESSAGES.sealedNotPdf],
        ['thirdPartyReportFileId', fileSet.thirdPartyReportFileId, ASSESSMENT_MESSAGES.thirdPartyNotPdf],
      ];
      const errors: Record<string, string> = {};
      for (const [key, id, notPdf] of wanted) {
        if (!id) continue;
        const file = tx.select({ kind: files.kind, subjectId: files.subjectId }).from(files).where(and(eq(files.id, id), eq(files.ownerId, userId))).get();
        if (!file) errors[`files.${key}`] = ASSESSMENT_MESSAGES.fileMissing;
        else if (file.kind !== 'pdf') errors[`files.${key}`] = notPdf;
        else if (file.subjectId !== null && file.subjectId !== s.id) errors[`files.${key}`] = ASSESSMENT_MESSAGES.fileElsewhere;
      }
      if (Object.keys(errors).length) fail(errors);
      const fileIds = wanted.map(([, id]) => id).filter((id): id is number => !!id);
      tx.update(files).set({ subjectId: s.id }).where(inArray(files.id, fileIds)).run();

      const app = insertApplication(
        tx,
        {
          type: '安全评估',
          applicantId: userId,
          subjectId: s.id,
          ...object,
          // Straight into the unit's queue, 办理时限 10 working days (lib/review/due.ts).
          ...queueFields('安全评估', now),
          payload: { target, report, files: fileSet },
        },
        now,
      );
      const data: AssessmentData = { report, files: fileSet };
      const a = tx
        .insert(assessments)
        .values({ subjectId: s.id, ...object, applicationId: app.id, status: '待审核', data, createdAt: now })
        .returning({ id: assessments.id })
        .get();
      if (opts.draftId) tx.delete(drafts).where(and(eq(drafts.id, opts.draftId), eq(drafts.userId, userId), eq(drafts.type, '安全评估'))).run();
      writeAudit(
        { actorId: userId, action: 'assessment.submit', objectType: 'application', objectId: app.id, after: { assessmentId: a.id, ...object, methods: report.methods, ...fileSet } },
        tx,
      );
      notify(
        userId,
        {
          type: 'assessment.submitted',
          title: '安全评估申请已提交',
          body: `申请编号 ${app.code}（评估对象：${target.name}）。公安机关将在10个工作日内完成审核，审核结果将通过系统通知告知。`,
          link: `/my/assessments/${a.id}`,
          channels: { email: false, sms: false },
        },
        tx,
      );
      return { applicationId: app.id, code: app.code, assessmentId: a.id };
    },
    { behavior: 'immediate' },
  );
}

/** The website as 评估对象: one of the current subject's, assessable, with no assessment under review. */
function websiteTarget(tx: Tx, userId: number, subjectId: number, websiteId: number) {
  const row = tx
    .select({ w: websites, s: subjects })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .where(eq(websites.id, websiteId))
    .get();
  if (!row) fail({ 'report.websiteId': ASSESSMENT_MESSAGES.websiteMissing });
  const { w, s } = row;
  if (s.id !== subjectId) fail({ 'report.websiteId': ASSESSMENT_MESSAGES.otherSubject });
  assessableSubject(s.status);
  if (!(ASSESSABLE_WEBSITE_STATUSES as readonly string[]).includes(w.status)) fail({ 'report.websiteId': `网站当前状态为“${w.status}”，不能发起安全评估` });
  if (openAssessmentOf(tx, w.id)) fail({ 'report.websiteId': ASSESSMENT_MESSAGES.pending });
  const target: AssessmentTarget = { type: '网站', websiteId: w.id, name: w.name, domains: domainsOfWebsite(tx, w.id), interactive: w.interactive, status: w.status, filingNumber: w.filingNumber };
  return { s, target };
}

/** The APP / 小程序 as 评估对象: as a website, and interactive (one that needs an assessment). */
function filingTarget(tx: Tx, userId: number, subjectId: number, type: AssessmentFilingType, filingId: number) {
  const m = filingAssessmentMessages(type);
  const row = tx
    .select({ f: filings, s: subjects })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, userId)))
    .where(and(eq(filings.id, filingId), eq(filings.kind, type)))
    .get();
  if (!row) fail({ 'report.filingId': m.missing });
  const { f, s } = row;
  if (s.id !== subjectId) fail({ 'report.filingId': m.otherSubject });
  assessableSubject(s.status);
  if (!(ASSESSABLE_FILING_STATUSES as readonly string[]).includes(f.status)) fail({ 'report.filingId': m.status(f.status) });
  if (!f.interactive) fail({ 'report.filingId': m.notInteractive });
  if (openFilingAssessmentOf(tx, f.id)) fail({ 'report.filingId': m.pending });
  const target: AssessmentTarget = {
    type,
    filingId: f.id,
    name: f.name,
    ident: withSpec(f.data, (spec, b) => spec.identText(b)),
    platform: withSpec(f.data, (spec, b) => spec.platformText(b)),
    interactive: f.interactive,
    status: f.status,
    filingNumber: f.filingNumber,
  };
  return { s, target };
}

function assessableSubject(status: string) {
  if (!(ASSESSABLE_SUBJECT_STATUSES as readonly string[]).includes(status)) throw new AppError('conflict', `主体当前状态为“${status}”，不能发起安全评估`);
}

export const ASSESSMENT_PAGE_SIZE = 10;

/**
 * 安全评估 list of the user (of one subject when given), newest first. 状态 is the assessment's,
 * except that one still under review shows its application's (待审核 / 审核中 / 待面审).
 */
export function listMyAssessments(userId: number, opts: { subjectId?: number | null; page?: number } = {}) {
  const db = getDb();
  const page = Math.max(1, opts.page ?? 1);
  const conds = [eq(subjects.ownerId, userId)];
  if (opts.subjectId) conds.push(eq(assessments.subjectId, opts.subjectId));
  const where = and(...conds);
  const rows = assessmentsQuery(db)
    .where(where)
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .limit(ASSESSMENT_PAGE_SIZE)
    .offset((page - 1) * ASSESSMENT_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(assessments).innerJoin(subjects, eq(subjects.id, assessments.subjectId)).where(where).get()!.n;
  return { rows: assessmentRows(rows), total, page, pageSize: ASSESSMENT_PAGE_SIZE };
}

const newestAssessments = preparedQuery((db) =>
  assessmentsQuery(db)
    .where(and(eq(subjects.ownerId, sql.placeholder('userId')), eq(assessments.subjectId, sql.placeholder('subjectId'))))
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .limit(sql.placeholder('n'))
    .prepare(),
);

/** The home page's 安全评估 card: the subject's `n` newest assessments (no total). */
export function recentAssessments(userId: number, subjectId: number, n: number) {
  return assessmentRows(newestAssessments().all({ userId, subjectId, n }));
}

/** 安全评估's list columns: the assessment, its 评估对象 and the application it went with. */
function assessmentsQuery(db: Tx) {
  return db
    .select({
      id: assessments.id,
      status: assessments.status,
      createdAt: assessments.createdAt,
      websiteId: assessments.websiteId,
      websiteName: websites.name,
      filingId: assessments.filingId,
      filingKind: filings.kind,
      filingName: filings.name,
      filingData: filings.data,
      applicationId: applications.id,
      code: applications.code,
      applicationStatus: applications.status,
      submittedAt: applications.submittedAt,
    })
    .from(assessments)
    .innerJoin(subjects, eq(subjects.id, assessments.subjectId))
    .leftJoin(websites, eq(websites.id, assessments.websiteId))
    .leftJoin(filings, eq(filings.id, assessments.filingId))
    .leftJoin(applications, eq(applications.id, assessments.applicationId))
    .$dynamic();
}

/** A list row as the pages show it: 评估对象 type and name, 主域名 or 包名 / 小程序ID, the status shown. */
function assessmentRows(rows: Awaited<ReturnType<ReturnType<typeof assessmentsQuery>['all']>>) {
  const primary = primaryDomains(rows.map((r) => r.websiteId).filter((id): id is number => id !== null));
  return rows.map(({ filingData, ...r }) => ({
    ...r,
    /** 评估对象 类型 and name: the website's, or the APP's / 小程序's. */
    targetType: (r.filingKind ?? '网站') as AssessmentTargetType,
    targetName: r.websiteName ?? r.filingName ?? '',
    domain: (r.websiteId && primary.get(r.websiteId)) ?? null,
    /** 包名 / 小程序ID of an APP / 小程序. */
    ident: filingData ? withSpec(filingData, (spec, b) => spec.identText(b)) || null : null,
    shownStatus: (r.status === '待审核' && r.applicationStatus ? r.applicationStatus : r.status) as string,
  }));
}

/** Files of an assessment with what the pages show of them (name, kind). */
function assessmentFiles(tx: Tx, f: Partial<AssessmentFiles>) {
  const ids = [f.sealedReportFileId, f.thirdPartyReportFileId].filter((x): x is number => typeof x === 'number' && x > 0);
  const rows = new Map(
    ids.length
      ? tx
          .select({ id: files.id, kind: files.kind, name: files.originalName, size: files.size })
          .from(files)
          .where(inArray(files.id, ids))
          .all()
          .map((r) => [r.id, r] as const)
      : [],
  );
  const one = (id: number | null | undefined) => (id ? (rows.get(id) ?? null) : null);
  return { sealedReport: one(f.sealedReportFileId), thirdPartyReport: one(f.thirdPartyReportFileId) };
}

export type AssessmentView = ReturnType<typeof assessmentView>;

/** What the pages show of an assessed APP / 小程序: 类型, name, 标识 and 平台 with their labels. */
function filingTargetView(f: typeof filings.$inferSelect) {
  const spec = kindSpec(f.kind);
  return {
    id: f.id,
    kind: f.kind,
    name: f.name,
    status: f.status,
    interactive: f.interactive,
    filingNumber: f.filingNumber,
    identLabel: spec.identLabel,
    ident: withSpec(f.data, (sp, b) => sp.identText(b)),
    platformLabel: spec.platformLabel,
    platform: withSpec(f.data, (sp, b) => sp.platformText(b)),
  };
}

function assessmentView(tx: Tx, a: typeof assessments.$inferSelect) {
  const data = a.data as Partial<AssessmentData>;
  const report = (data.report ?? {}) as Partial<AssessmentReport>;
  const w = tx
    .select({ id: websites.id, name: websites.name, status: websites.status, interactive: websites.interactive, filingNumber: websites.filingNumber })
    .from(websites)
    .where(eq(websites.id, a.websiteId ?? -1))
    .get();
  const f = a.filingId ? tx.select().from(filings).where(eq(filings.id, a.filingId)).get() : undefined;
  const app = a.applicationId
    ? (tx
        .select({
          id: applications.id,
          code: applications.code,
          status: applications.status,
          submittedAt: applications.submittedAt,
          decidedAt: applications.decidedAt,
          reason: applications.reason,
          fieldComments: applications.fieldComments,
          unitName: policeUnits.name,
        })
        .from(applications)
        .leftJoin(policeUnits, eq(policeUnits.id, applications.unitId))
        .where(eq(applications.id, a.applicationId))
        .get() ?? null)
    : null;
  return {
    id: a.id,
    status: a.status,
    shownStatus: (a.status === '待审核' && app ? app.status : a.status) as ApplicationStatus | typeof a.status,
    createdAt: a.createdAt,
    website: w ? { ...w, domains: domainsOfWebsite(tx, w.id) } : null,
    /** The APP / 小程序 assessed (null for a website's assessment). */
    filing: f ? filingTargetView(f) : null,
    report: {
      situation: typeof report.situation === 'string' ? report.situation : '',
      methods: Array.isArray(report.methods) ? report.methods : [],
      methodOther: typeof report.methodOther === 'string' ? report.methodOther : '',
    },
    fileIds: { sealedReportFileId: data.files?.sealedReportFileId ?? null, thirdPartyReportFileId: data.files?.thirdPartyReportFileId ?? null },
    files: assessmentFiles(tx, data.files ?? {}),
    application: app,
  };
}

/** One of the user's own assessments (anyone else's is "not found"). */
export function getMyAssessment(userId: number, assessmentId: number) {
  const db = getDb();
  const a = db
    .select({ a: assessments })
    .from(assessments)
    .innerJoin(subjects, and(eq(subjects.id, assessments.subjectId), eq(subjects.ownerId, userId)))
    .where(eq(assessments.id, assessmentId))
    .get()?.a;
  if (!a) throw new AppError('not_found', '安全评估不存在');
  return assessmentView(db, a);
}

/** The assessment of a 安全评估 application, for a reviewer who may review that application. */
export function getAssessmentForReview(actor: Actor, applicationId: number) {
  const db = getDb();
  const app = db.select({ unitId: applications.unitId, queued: applications.queued, type: applications.type }).from(applications).where(eq(applications.id, applicationId)).get();
  if (!app || app.type !== '安全评估' || !canReviewApplication(actor, app)) throw new AppError('not_found', '申请不存在或不属于本单位');
  const a = db.select().from(assessments).where(eq(assessments.applicationId, applicationId)).get();
  if (!a) throw new AppError('not_found', '安全评估不存在');
  return assessmentView(db, a);
}
