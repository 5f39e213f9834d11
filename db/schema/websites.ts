import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { subjects } from './subjects';
import { policeUnits } from './units';
import type { WebsiteCheckDetail, WebsiteRecordData } from '@/lib/websites/types';

export const WEBSITE_STATUSES = ['待审核', '已备案', '变更中', '注销中', '已注销', '已退回'] as const;
export type WebsiteStatus = (typeof WEBSITE_STATUSES)[number];

export const websites = sqliteTable(
  'websites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    name: text('name').notNull(),
    status: text('status', { enum: WEBSITE_STATUSES }).notNull(),
    interactive: integer('interactive', { mode: 'boolean' }).notNull().default(false),
    /** 14 digits of 公安备案号; the canonical key. */
    filingDigits: text('filing_digits'),
    filingNumber: text('filing_number'),
    filingUnitId: integer('filing_unit_id').references(() => policeUnits.id),
    filedAt: integer('filed_at'),
    cancelledAt: integer('cancelled_at'),
    icpNumber: text('icp_number'),
    data: text('data', { mode: 'json' }).$type<WebsiteRecordData>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('websites_subject').on(t.subjectId),
    uniqueIndex('websites_filing_digits').on(t.filingDigits),
    index('websites_filed_at').on(t.filedAt),
    index('websites_filing_unit').on(t.filingUnitId, t.status),
  ],
);

export const websiteDomains = sqliteTable(
  'website_domains',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    websiteId: integer('website_id')
      .notNull()
      .references(() => websites.id, { onDelete: 'cascade' }),
    unicode: text('unicode').notNull(),
    ascii: text('ascii').notNull(),
    registrable: text('registrable').notNull(),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    certificateFileId: integer('certificate_file_id'),
  },
  (t) => [index('website_domains_ascii').on(t.ascii), index('website_domains_registrable').on(t.registrable), index('website_domains_site').on(t.websiteId)],
);

export const websiteIpRanges = sqliteTable(
  'website_ip_ranges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    websiteId: integer('website_id')
      .notNull()
      .references(() => websites.id, { onDelete: 'cascade' }),
    startIp: text('start_ip').notNull(),
    endIp: text('end_ip').notNull(),
    family: integer('family').notNull(),
  },
  (t) => [index('website_ip_ranges_site').on(t.websiteId)],
);

/** Result of the footer placement check (§10.3) and of the cancellation liveness check (§4.3). */
export const websiteChecks = sqliteTable(
  'website_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    websiteId: integer('website_id')
      .notNull()
      .references(() => websites.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['placement', 'liveness'] }).notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    detail: text('detail', { mode: 'json' }).$type<WebsiteCheckDetail>().notNull(),
    checkedAt: integer('checked_at').notNull(),
  },
  (t) => [index('website_checks_site').on(t.websiteId, t.kind, t.checkedAt)],
);
