import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Append-only: UPDATE and DELETE are refused by triggers created in the migration. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
    ip: text('ip'),
    at: integer('at').notNull(),
  },
  (t) => [index('audit_object').on(t.objectType, t.objectId), index('audit_actor').on(t.actorId, t.at), index('audit_at').on(t.at), index('audit_action').on(t.action, t.at)],
);
