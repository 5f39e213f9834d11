import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { filings } from './filings';

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
    filingId: integer('filing_id')
      .notNull()
      .references(() => filings.id),
    linkedBy: integer('linked_by').references(() => users.id),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [index('provider_accounts_filing').on(t.filingId)],
);

/** Provider accounts' API keys (hash only), for the data-code API of SPEC §8 (not built yet). */
export const providerApiKeys = sqliteTable('provider_api_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  keyHash: text('key_hash').notNull(),
  label: text('label').notNull(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});

/** 数据码 issued by a provider. */
export const dataCodes = sqliteTable(
  'data_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    providerUserId: integer('provider_user_id')
      .notNull()
      .references(() => users.id),
    phoneHmac: text('phone_hmac'),
    idHmac: text('id_hmac'),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    boundUserId: integer('bound_user_id').references(() => users.id),
    boundAt: integer('bound_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('data_codes_match').on(t.phoneHmac), index('data_codes_id').on(t.idHmac)],
);
