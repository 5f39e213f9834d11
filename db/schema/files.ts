import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** Uploaded files: content-addressed on disk (sha256 of the stored, re-encoded bytes). */
export const files = sqliteTable(
  'files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    /** Set once the file is attached to a subject, so the subject's reviewers may read it. */
    subjectId: integer('subject_id'),
    kind: text('kind', { enum: ['image', 'pdf'] }).notNull(),
    mime: text('mime').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    originalName: text('original_name').notNull(),
    width: integer('width'),
    height: integer('height'),
    thumbSha256: text('thumb_sha256'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('files_owner').on(t.ownerId), index('files_subject').on(t.subjectId)],
);
