import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { filings } from './filings';
import type { StoredDataCode } from '@/lib/data-codes/types';

/** Directory behind 查询网络接入服务商 / 查询域名注册服务商. */
export const providerDirectory = sqliteTable(
  'provider_directory',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['接入服务商', '域名注册服务商'] }).notNull(),
    name: text('name').notNull(),
    scope: text('scope', { enum: ['境内', '境外'] }).notNull(),
    /** GB/T 2260 code of 所属地区 (any level) for 境内 providers. */
    regionCode: text('region_code'),
    createdAt: integer('created_at').notNull(),
    /**
     * The filed 服务商 (filings.id) this entry comes from (SPEC §15.4): kept in step with it by
     * lib/service-providers/directory.ts. Null for entries an admin typed or imported.
     */
    filingId: integer('filing_id'),
    /** When its 服务商 was cancelled: hidden from the look-ups, kept for what already names it. */
    cancelledAt: integer('cancelled_at'),
  },
  (t) => [index('provider_directory_lookup').on(t.kind, t.regionCode), index('provider_directory_filing').on(t.filingId)],
);

/** A provider account acting for a filed 服务商 (SPEC §15.4, §8): linked by an admin on /admin/users. */
export const providerAccounts = sqliteTable(
  'provider_accounts',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The filed 服务商 the account acts for; or, for providers without a filing, a directory entry. */
    filingId: integer('filing_id').references(() => filings.id),
    directoryId: integer('directory_id').references(() => providerDirectory.id),
    linkedBy: integer('linked_by').references(() => users.id),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [index('provider_accounts_filing').on(t.filingId)],
);

/** Provider accounts' API keys (SPEC §8.1): the key is shown once; only its SHA-256 is kept. */
export const providerApiKeys = sqliteTable(
  'provider_api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters of the key, to tell keys apart in the list (e.g. `wlba_k3F9…`). */
    keyPrefix: text('key_prefix').notNull(),
    label: text('label').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('provider_api_keys_user').on(t.userId)],
);

/**
 * 数据码 issued by a provider (SPEC §8.1). The code itself is kept encrypted (the applicant's
 * pop-up fills it in) and found by its HMAC; the subject's 证件号码 and the principal's phone by
 * their HMACs, so an account's matching codes are an index look-up.
 */
export const dataCodes = sqliteTable(
  'data_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    codeHmac: text('code_hmac').notNull().unique(),
    codeEnc: text('code_enc').notNull(),
    codeMasked: text('code_masked').notNull(),
    providerUserId: integer('provider_user_id')
      .notNull()
      .references(() => users.id),
    /** The 网络接入服务商 filled into the websites: the provider's name when the code was issued. */
    providerName: text('provider_name').notNull(),
    /** The API key that issued it; null when issued through the form. */
    apiKeyId: integer('api_key_id').references(() => providerApiKeys.id),
    subjectName: text('subject_name').notNull(),
    websiteCount: integer('website_count').notNull(),
    phoneHmac: text('phone_hmac').notNull(),
    idHmac: text('id_hmac').notNull(),
    /** The issued data (lib/data-codes/schemas.ts), 证件号码 and 手机号码 encrypted inside. */
    payload: text('payload', { mode: 'json' }).$type<StoredDataCode>().notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    boundUserId: integer('bound_user_id').references(() => users.id),
    boundAt: integer('bound_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('data_codes_phone').on(t.phoneHmac),
    index('data_codes_id').on(t.idHmac),
    index('data_codes_provider').on(t.providerUserId, t.createdAt),
    index('data_codes_bound').on(t.boundUserId),
  ],
);
