import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { subjects } from './subjects';
import { policeUnits } from './units';
import type { StoredFiling } from '@/lib/filings/types';
import type { LivenessDetail } from '@/lib/websites/types';

/**
 * The filing objects other than websites (SPEC §15): APP and 小程序 today, 应用市场 and 服务商 next.
 * One table for all of them: what differs between kinds lives in `data` (typed by `kind`) and in
 * the registry (lib/objects); a new kind needs no migration. Websites keep their own tables (their
 * domains, IP ranges and checks).
 */
export const FILING_KINDS = ['APP', '小程序', '应用市场', '服务商'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
/** The same lifecycle as a website's (lib/applications/rules.ts WEBSITE_TRANSITIONS). */
export const FILING_STATUSES = ['待审核', '已备案', '变更中', '注销中', '已注销', '已退回'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const filings = sqliteTable(
  'filings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: FILING_KINDS }).notNull(),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    name: text('name').notNull(),
    status: text('status', { enum: FILING_STATUSES }).notNull(),
    interactive: integer('interactive', { mode: 'boolean' }).notNull().default(false),
    /** 14 digits of 公安备案号; the canonical key (unique across kinds: the mark differs). */
    filingDigits: text('filing_digits'),
    filingNumber: text('filing_number'),
    filingUnitId: integer('filing_unit_id').references(() => policeUnits.id),
    filedAt: integer('filed_at'),
    cancelledAt: integer('cancelled_at'),
    icpNumber: text('icp_number'),
    data: text('data', { mode: 'json' }).$type<StoredFiling>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('filings_subject').on(t.subjectId, t.kind),
    uniqueIndex('filings_filing_digits').on(t.filingDigits),
    index('filings_kind_filed_at').on(t.kind, t.filedAt),
    index('filings_filing_unit').on(t.filingUnitId, t.status),
  ],
);

/**
 * The identifiers of a filing: an APP's (运行平台, 包名) rows, a 小程序's (所属平台, 小程序ID).
 * `live` follows the filing's status (trigger of migration 0008): one live filing per identifier
 * is the partial unique index, whatever path changes the status.
 */
export const filingKeys = sqliteTable(
  'filing_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    filingId: integer('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: FILING_KINDS }).notNull(),
    platform: text('platform').notNull(),
    /** 包名 / 小程序ID in lower case (the form's value is in `data`). */
    ident: text('ident').notNull(),
    live: integer('live', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('filing_keys_live').on(t.kind, t.platform, t.ident).where(sql`${t.live} = 1`),
    index('filing_keys_ident').on(t.kind, t.ident),
    index('filing_keys_filing').on(t.filingId),
  ],
);

/**
 * Checks run on a filing object, as website_checks for websites: the 注销应用市场 liveness check
 * (does any 网址 still answer?), for the reviewer (SPEC §15.3, §4.3).
 */
export const filingChecks = sqliteTable(
  'filing_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    filingId: integer('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['liveness'] }).notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    detail: text('detail', { mode: 'json' }).$type<LivenessDetail>().notNull(),
    checkedAt: integer('checked_at').notNull(),
  },
  (t) => [index('filing_checks_filing').on(t.filingId, t.kind, t.checkedAt)],
);
