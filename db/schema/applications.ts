import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { literalList } from './literal-list';
import { subjects } from './subjects';
import { websites } from './websites';
import { filings } from './filings';
import { policeUnits } from './units';
import type { DraftData, StoredApplicationPayload, StoredApplicationPrevious } from '@/lib/applications/types';
import type { AssessmentData } from '@/lib/assessments/types';

export const BUSINESS_TYPES = [
  '新增主体',
  '变更主体',
  '注销主体',
  '新办网站',
  '变更网站',
  '注销网站',
  '安全评估',
  '网站认领',
  '新增APP',
  '变更APP',
  '注销APP',
  '新增小程序',
  '变更小程序',
  '注销小程序',
  '新增应用市场',
  '变更应用市场',
  '注销应用市场',
  '新增服务商',
  '变更服务商',
  '注销服务商',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
export const APPLICATION_STATUSES = ['待审核', '审核中', '待面审', '通过', '退回', '已撤销'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** 待审核, 审核中, 待面审, as the partial indexes applications_open_* and applications_pending_type are written. */
const pendingList = literalList(['待审核', '审核中', '待面审']);

/** 申请单: every request to the office, with a snapshot of what was submitted. */
export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Readable 申请编号, e.g. SQ20261123000123. */
    code: text('code').notNull(),
    type: text('type', { enum: BUSINESS_TYPES }).notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    applicantId: integer('applicant_id')
      .notNull()
      .references(() => users.id),
    subjectId: integer('subject_id').references(() => subjects.id),
    websiteId: integer('website_id').references(() => websites.id),
    /** The APP, 小程序 … (filings) the application is about. */
    filingId: integer('filing_id').references(() => filings.id),
    unitId: integer('unit_id').references(() => policeUnits.id),
    /** A 新增主体 released together with its first business application shares a bundle id. */
    bundleId: text('bundle_id'),
    /** Held back from the queue (a 新增主体 waiting for its first business application). */
    queued: integer('queued', { mode: 'boolean' }).notNull().default(true),
    payload: text('payload', { mode: 'json' }).$type<StoredApplicationPayload>().notNull(),
    previous: text('previous', { mode: 'json' }).$type<StoredApplicationPrevious>(),
    submittedAt: integer('submitted_at').notNull(),
    /** When it entered the review queue (submission, or the release of a held-back 新增主体). */
    queuedAt: integer('queued_at'),
    /** 办理时限: end of the n-th working day after queuedAt; recomputed when the calendar changes. */
    dueAt: integer('due_at'),
    claimedBy: integer('claimed_by').references(() => users.id),
    claimedUntil: integer('claimed_until'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: integer('decided_at'),
    reason: text('reason'),
    fieldComments: text('field_comments', { mode: 'json' }).$type<Record<string, string>>(),
    resubmittedFrom: integer('resubmitted_from'),
  },
  (t) => [
    uniqueIndex('applications_code').on(t.code),
    index('applications_applicant').on(t.applicantId, t.submittedAt),
    index('applications_queue').on(t.unitId, t.queued, t.status, t.dueAt),
    // The open queue in due order, per unit and for admins (the WHERE is repeated by the queue query).
    index('applications_open_unit')
      .on(t.unitId, t.dueAt, t.id)
      .where(sql`${t.queued} = 1 and ${t.status} in (${pendingList})`),
    index('applications_open_unit_type')
      .on(t.unitId, t.type, t.dueAt, t.id)
      .where(sql`${t.queued} = 1 and ${t.status} in (${pendingList})`),
    index('applications_open_all')
      .on(t.dueAt, t.id)
      .where(sql`${t.queued} = 1 and ${t.status} in (${pendingList})`),
    index('applications_decided').on(t.unitId, t.decidedAt),
    // 已办 and 数据统计 across all units (管理员): decided applications by when.
    index('applications_decided_all').on(t.decidedAt, t.id).where(sql`${t.decidedBy} is not null`),
    index('applications_subject').on(t.subjectId),
    index('applications_website').on(t.websiteId),
    index('applications_filing').on(t.filingId),
    // The pending applications of one type (a 变更 checked against the other pending 变更 of its kind).
    index('applications_pending_type').on(t.type).where(sql`${t.status} in (${pendingList})`),
    // The other applications of a 并联 bundle (审核详情, approving a website with its subject).
    index('applications_bundle').on(t.bundleId).where(sql`${t.bundleId} is not null`),
  ],
);

/** An application still pending (待审核, 审核中, 待面审), as the partial indexes on applications are written. */
export const applicationPending = sql`${applications.status} in (${pendingList})`;

/** 面审 / 实地检查 scheduled for an interactive website. */
export const interviews = sqliteTable(
  'interviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: ['面审', '实地检查'] }).notNull(),
    scheduledAt: integer('scheduled_at').notNull(),
    place: text('place'),
    materials: text('materials'),
    outcome: text('outcome', { enum: ['通过', '退回'] }),
    outcomeNote: text('outcome_note'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  // An application's 面审 (审核详情, the applicant's 申请详情, recording the outcome); the 面审 still
  // to come by time (the reminders job).
  (t) => [index('interviews_application').on(t.applicationId, t.id), index('interviews_upcoming').on(t.scheduledAt).where(sql`${t.outcome} is null`)],
);

/** 安全评估 records, one per submitted assessment application. */
export const assessments = sqliteTable(
  'assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    /** The assessed object: a website, or an APP / 小程序 (filings); exactly one of the two. */
    websiteId: integer('website_id').references(() => websites.id),
    filingId: integer('filing_id').references(() => filings.id),
    applicationId: integer('application_id').references(() => applications.id),
    status: text('status', { enum: ['待审核', '通过', '退回', '已撤销', '已注销'] }).notNull(),
    data: text('data', { mode: 'json' }).$type<AssessmentData>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  // The subject's assessments, newest first (安全评估 list, 我的首页's card), and an application's
  // assessment (审核详情, deciding or revoking it): without them every look-up read the whole table.
  (t) => [
    index('assessments_website').on(t.websiteId),
    index('assessments_filing').on(t.filingId),
    index('assessments_subject').on(t.subjectId, t.createdAt),
    index('assessments_application').on(t.applicationId),
  ],
);

/** 我的草稿: one row per saved form. */
export const drafts = sqliteTable(
  'drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: BUSINESS_TYPES }).notNull(),
    subjectId: integer('subject_id'),
    websiteId: integer('website_id'),
    filingId: integer('filing_id'),
    data: text('data', { mode: 'json' }).$type<DraftData>().notNull(),
    createdAt: integer('created_at').notNull(),
    savedAt: integer('saved_at').notNull(),
  },
  (t) => [index('drafts_user').on(t.userId, t.savedAt)],
);

/** Small key/value facts of the installation (e.g. the calendar the due dates were computed with). */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Open, released applications per unit and type, kept by triggers on applications (migration
 * 0004): the queue's “共 N 条” without counting 100,000 rows.
 */
export const queueCounts = sqliteTable(
  'queue_counts',
  {
    unitId: integer('unit_id').notNull(),
    type: text('type', { enum: BUSINESS_TYPES }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.type] })],
);

/**
 * 审核备注 (SPEC §6.3): internal notes of the reviewing unit on an application. Read only through
 * lib/review (the unit's reviewers and admins); no applicant page or API selects this table.
 */
export const reviewNotes = sqliteTable(
  'review_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('review_notes_application').on(t.applicationId, t.createdAt)],
);
