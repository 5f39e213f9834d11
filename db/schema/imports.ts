import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from './users';
import { subjects } from './subjects';
import { websites } from './websites';
import { applications } from './applications';

export const IMPORT_KINDS = ['未备案网站', '旧备案'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One CSV imported on /admin/imports (SPEC §8.2, §8.3); all its rows or none. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
  fileName: text('file_name').notNull(),
  rowCount: integer('row_count').notNull(),
  adminId: integer('admin_id').references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

/**
 * 未备案网站 imported by the admin (SPEC §8.2), matched to subjects through the HMAC of the
 * 证件号码. Its state is read off the columns: 已备案 (filedWebsiteId), 已推送 (pushedAt, before
 * the deadline), 已逾期 (pushed, past the deadline, not filed), 待推送 (no subject yet).
 */
export const unfiledWebsites = sqliteTable(
  'unfiled_websites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id').references(() => imports.id),
    name: text('name').notNull(),
    /** The domain as typed (Unicode) and its ASCII form, which is matched against filed domains. */
    domain: text('domain').notNull(),
    domainAscii: text('domain_ascii').notNull(),
    certType: text('cert_type').notNull(),
    certNumberHmac: text('cert_number_hmac').notNull(),
    certNumberMasked: text('cert_number_masked').notNull(),
    /** 发现日期, YYYY-MM-DD. */
    discoveredOn: text('discovered_on').notNull(),
    matchedSubjectId: integer('matched_subject_id').references(() => subjects.id),
    pushedAt: integer('pushed_at'),
    /** 30 working days after the push (end of that day, Beijing time). */
    deadline: integer('deadline'),
    overdueNotifiedAt: integer('overdue_notified_at'),
    filedWebsiteId: integer('filed_website_id').references(() => websites.id),
    filedAt: integer('filed_at'),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [
    index('unfiled_cert').on(t.certNumberHmac),
    index('unfiled_domain').on(t.domainAscii),
    index('unfiled_subject').on(t.matchedSubjectId),
    index('unfiled_deadline').on(t.deadline),
  ],
);

/**
 * Filings of a previous system (SPEC §8.3): public at once as 待认领 under their old numbers,
 * claimable through 网站认领; the claimed website keeps the number.
 */
export const legacyFilings = sqliteTable(
  'legacy_filings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id').references(() => imports.id),
    oldDigits: text('old_digits').notNull().unique(),
    oldNumber: text('old_number').notNull(),
    name: text('name').notNull(),
    domain: text('domain').notNull(),
    domainAscii: text('domain_ascii').notNull(),
    subjectName: text('subject_name').notNull(),
    certType: text('cert_type').notNull(),
    certNumberHmac: text('cert_number_hmac').notNull(),
    certNumberMasked: text('cert_number_masked').notNull(),
    principalPhoneEnc: text('principal_phone_enc').notNull(),
    principalPhoneHmac: text('principal_phone_hmac').notNull(),
    principalPhoneMasked: text('principal_phone_masked').notNull(),
    /** 备案时间, YYYY-MM-DD. */
    filedOn: text('filed_on').notNull(),
    /** An account that proved it holds this filing (旧备案号 + SMS code, or 关联旧账号). */
    claimableUserId: integer('claimable_user_id').references(() => users.id),
    /** The open 网站认领 application, while one is. */
    claimApplicationId: integer('claim_application_id').references(() => applications.id),
    claimedWebsiteId: integer('claimed_website_id').references(() => websites.id),
    claimedAt: integer('claimed_at'),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [
    index('legacy_cert').on(t.certNumberHmac),
    index('legacy_phone').on(t.principalPhoneHmac),
    index('legacy_domain').on(t.domainAscii),
    index('legacy_claimable').on(t.claimableUserId),
    // 我的认领 (open claims by their application, finished ones by their website) and the
    // dashboard's 逾期未认领 (unclaimed, oldest import first): without them each read the whole
    // table. Partial, so that "not claimed yet" alone never looks like a narrow search.
    index('legacy_claim_application').on(t.claimApplicationId),
    index('legacy_claimed').on(t.claimedWebsiteId).where(sql`${t.claimedWebsiteId} is not null`),
    index('legacy_unclaimed').on(t.importedAt).where(sql`${t.claimedWebsiteId} is null`),
  ],
);
