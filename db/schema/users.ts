import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { policeUnits } from './units';

export const ROLES = ['applicant', 'reviewer', 'admin', 'provider'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    role: text('role', { enum: ROLES }).notNull(),
    name: text('name').notNull(),
    idType: text('id_type'),
    // 证件号码 and 手机号码: AES-256-GCM ciphertext, HMAC for look-ups, masked copy for lists.
    idNumberEnc: text('id_number_enc'),
    idNumberHmac: text('id_number_hmac'),
    idNumberMasked: text('id_number_masked'),
    phoneEnc: text('phone_enc').notNull(),
    phoneHmac: text('phone_hmac').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    unitId: integer('unit_id').references(() => policeUnits.id),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    // Bumped on password change or disable: every session carrying an older value is void.
    sessionVersion: integer('session_version').notNull().default(1),
    phoneVerifiedAt: integer('phone_verified_at'),
    emailVerifiedAt: integer('email_verified_at'),
    identityVerifiedAt: integer('identity_verified_at'),
    currentSubjectId: integer('current_subject_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_phone_hmac').on(t.phoneHmac),
    uniqueIndex('users_id_number_hmac').on(t.idNumberHmac),
    uniqueIndex('users_email').on(t.email),
    index('users_unit').on(t.unitId),
    // 管理后台: the accounts of a role, newest first, and their count.
    index('users_role').on(t.role, t.createdAt),
    // A subject cancelled (注销) is no longer anyone's 当前主体 (one UPDATE by it).
    index('users_current_subject').on(t.currentSubjectId).where(sql`${t.currentSubjectId} is not null`),
  ],
);

/** 法人类型 of a 法人注册 account (seed 003). */
export const LEGAL_TYPES = ['企业法人', '机关法人', '事业单位法人', '社会团体法人', '其他组织'] as const;
export type LegalType = (typeof LEGAL_TYPES)[number];

/**
 * A 法人注册 account (seed 003 §法人注册): the organisation is the account (users.name = 企业名称,
 * users.id_type = 统一社会信用代码 and its number, users.phone = 法人代表手机号码); this row holds the
 * 法人类型 and the 法定代表人, whose 证件号码 is stored like every other (ciphertext and masked copy).
 */
export const legalAccounts = sqliteTable('legal_accounts', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  legalType: text('legal_type', { enum: LEGAL_TYPES }).notNull(),
  repName: text('rep_name').notNull(),
  repIdType: text('rep_id_type').notNull(),
  repIdNumberEnc: text('rep_id_number_enc').notNull(),
  repIdNumberMasked: text('rep_id_number_masked').notNull(),
  /** 证件有效期: YYYY-MM-DD; `validTo` null = 长期有效. */
  validFrom: text('valid_from').notNull(),
  validTo: text('valid_to'),
});

/** Failed-login counters per account and per IP (key = 'acct:<id>' or 'ip:<addr>'). */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: integer('window_start').notNull(),
  lockedUntil: integer('locked_until'),
});

/**
 * 验证码 (proof-of-work challenges, lib/captcha) already used: each solved challenge counts once.
 * Rows are deleted once their challenge has expired.
 */
export const captchaSpent = sqliteTable('captcha_spent', {
  challenge: text('challenge').primaryKey(),
  expiresAt: integer('expires_at').notNull(),
}, (t) => [index('captcha_spent_expires').on(t.expiresAt)]);

/**
 * Server-side sessions: the signed cookie carries the id; 退出登录, a password change or reset and
 * disabling the account revoke the row, so a copied cookie stops working at once.
 */
export const authSessions = sqliteTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    ip: text('ip'),
  },
  (t) => [index('auth_sessions_user').on(t.userId), index('auth_sessions_expires').on(t.expiresAt)],
);
