import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** 未备案网站 imported by the admin, matched to subjects by certificate number. */
export const unfiledWebsites = sqliteTable(
  'unfiled_websites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    domain: text('domain').notNull(),
    name: text('name'),
    certNumberHmac: text('cert_number_hmac').notNull(),
    deadline: integer('deadline'),
    matchedSubjectId: integer('matched_subject_id'),
    filedWebsiteId: integer('filed_website_id'),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [index('unfiled_cert').on(t.certNumberHmac)],
);

/** Filings from a previous system, claimable through 网站认领 (they keep their number). */
export const legacyFilings = sqliteTable(
  'legacy_filings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    oldDigits: text('old_digits').notNull().unique(),
    oldNumber: text('old_number').notNull(),
    certNumberHmac: text('cert_number_hmac'),
    principalPhoneEnc: text('principal_phone_enc'),
    principalPhoneHmac: text('principal_phone_hmac'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    claimedWebsiteId: integer('claimed_website_id'),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [index('legacy_cert').on(t.certNumberHmac)],
);
