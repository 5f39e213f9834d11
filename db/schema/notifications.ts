import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** 系统通知: the in-app notice; always written, whatever happens to e-mail and SMS. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: integer('read_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt, t.createdAt)],
);

/** Pending and finished e-mail / SMS deliveries; failed ones are retried with back-off. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    notificationId: integer('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  // 发送记录: newest first.
  (t) => [index('deliveries_pending').on(t.status, t.nextAttemptAt), index('deliveries_created').on(t.createdAt, t.id)],
);

/** SMS codes and e-mail links: only hashes are stored. */
export const verificationCodes = sqliteTable(
  'verification_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purpose: text('purpose').notNull(),
    /** HMAC of the phone number or e-mail address the code was sent to. */
    targetHmac: text('target_hmac').notNull(),
    userId: integer('user_id'),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: integer('expires_at').notNull(),
    consumedAt: integer('consumed_at'),
    createdAt: integer('created_at').notNull(),
  },
  // By account: a new e-mail verification link voids the account's earlier ones.
  (t) => [index('verification_codes_target').on(t.targetHmac, t.purpose, t.createdAt), index('verification_codes_user').on(t.userId, t.purpose).where(sql`${t.userId} is not null`)],
);
