import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const NOTICE_CATEGORIES = ['通知公告', '备案须知', '政策法规', '常见问题'] as const;

/** Public-portal content managed at /admin/notices (Markdown). */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    category: text('category', { enum: NOTICE_CATEGORIES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    publishedAt: integer('published_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('notices_published').on(t.category, t.publishedAt)],
);
