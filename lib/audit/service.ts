import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  actorId: number | null;
  actorRole?: string | null;
  action: string;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

type Tx = Pick<ReturnType<typeof getDb>, 'insert'>;

/** Appends an audit record; pass the transaction so it commits with the change it describes. */
export function writeAudit(entry: AuditEntry, tx: Tx = getDb()): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId == null ? null : String(entry.objectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.ip ?? null,
      at: Date.now(),
    })
    .run();
}
