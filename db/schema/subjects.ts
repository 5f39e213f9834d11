import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { literalList } from './literal-list';
import { policeUnits } from './units';
import type { StoredSubject } from '@/lib/subjects/types';

export const SUBJECT_STATUSES = ['待审核', '有效', '变更中', '注销中', '移交中', '已注销', '已退回'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

/** Statuses a subject is in only if it was never approved (有效 → … never leads back to them). */
const NEVER_APPROVED_STATUSES = ['待审核', '已退回'] as const satisfies readonly SubjectStatus[];
/** As the partial index subjects_never_approved is written. */
const neverApprovedList = literalList(NEVER_APPROVED_STATUSES);

/** 开办主体. Searchable columns are explicit; the full form lives in `data` (JSON, PII encrypted inside). */
export const subjects = sqliteTable(
  'subjects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    nature: text('nature', { enum: ['个人', '单位'] }).notNull(),
    unitType: text('unit_type'),
    name: text('name').notNull(),
    certType: text('cert_type'),
    certNumberEnc: text('cert_number_enc'),
    certNumberHmac: text('cert_number_hmac'),
    certNumberMasked: text('cert_number_masked'),
    principalName: text('principal_name').notNull(),
    principalIdType: text('principal_id_type').notNull(),
    principalIdEnc: text('principal_id_enc').notNull(),
    principalIdHmac: text('principal_id_hmac').notNull(),
    principalIdMasked: text('principal_id_masked').notNull(),
    principalPhoneEnc: text('principal_phone_enc').notNull(),
    principalPhoneHmac: text('principal_phone_hmac').notNull(),
    principalPhoneMasked: text('principal_phone_masked').notNull(),
    /** 管辖地: county code deciding the reviewing unit. */
    jurisdictionCode: text('jurisdiction_code').notNull(),
    unitId: integer('unit_id').references(() => policeUnits.id),
    status: text('status', { enum: SUBJECT_STATUSES }).notNull(),
    data: text('data', { mode: 'json' }).$type<StoredSubject>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('subjects_owner').on(t.ownerId),
    index('subjects_cert_hmac').on(t.certNumberHmac),
    index('subjects_principal_id_hmac').on(t.principalIdHmac),
    index('subjects_unit').on(t.unitId),
    // 数据检查 (lib/review/integrity.ts): the subjects never approved, few at any time.
    index('subjects_never_approved').on(t.status).where(sql`${t.status} in (${neverApprovedList})`),
  ],
);

/** A subject never approved, as the partial index subjects_never_approved is written. */
export const subjectNeverApproved = sql`${subjects.status} in (${neverApprovedList})`;

/** 移交主体 offers. */
export const subjectTransfers = sqliteTable(
  'subject_transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    fromUserId: integer('from_user_id')
      .notNull()
      .references(() => users.id),
    toPhoneHmac: text('to_phone_hmac').notNull(),
    toIdHmac: text('to_id_hmac').notNull(),
    status: text('status', { enum: ['待接收', '已接收', '已撤销'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    decidedAt: integer('decided_at'),
  },
  // The subject's open 移交 offer, withdrawn when the subject is cancelled.
  (t) => [index('subject_transfers_to').on(t.toPhoneHmac, t.toIdHmac), index('subject_transfers_subject').on(t.subjectId, t.status)],
);
