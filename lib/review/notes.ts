/**
 * 审核备注 and the 办理记录 of one application (SPEC §6.3): internal notes of the reviewing unit,
 * read and written only by those who may review the application (its unit's reviewers, admins).
 * No applicant page or API reads review_notes; the applicant's pages never call this module.
 */
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, auditLog, reviewNotes, users } from '@/db/schema';
import { canReviewApplication, type Actor } from '@/lib/auth/policy';
import { AUDIT_ACTION_LABELS, writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { NOTE_MAX } from './schemas';

function reviewableApp(actor: Actor, id: number) {
  const app = getDb().select({ id: applications.id, unitId: applications.unitId, queued: applications.queued }).from(applications).where(eq(applications.id, id)).get();
  if (!app || !canReviewApplication(actor, app)) throw new AppError('not_found', '申请不存在或不属于本单位');
  return app;
}

/** Adds a 审核备注 (audited without its text: the note itself is the record). */
export function addReviewNote(actor: Actor, applicationId: number, body: string, now = Date.now()): { id: number } {
  const text = body.trim();
  if (!text) throw new AppError('invalid', '请填写备注内容', { body: '请填写备注内容' });
  if ([...text].length > NOTE_MAX) throw new AppError('invalid', `备注内容不能超过${NOTE_MAX}个字`, { body: `备注内容不能超过${NOTE_MAX}个字` });
  reviewableApp(actor, applicationId);
  return getDb().transaction((tx) => {
    const row = tx.insert(reviewNotes).values({ applicationId, authorId: actor.id, body: text, createdAt: now }).returning({ id: reviewNotes.id }).get();
    writeAudit({ actorId: actor.id, action: 'application.note', objectType: 'application', objectId: applicationId, after: { noteId: row.id } }, tx);
    return row;
  });
}

/** The detail an audited step shows in the 办理记录 (the rest show who and when only). */
const DETAILS: Record<string, (after: Record<string, unknown>) => string | null> = {
  'application.return': (a) => (typeof a.reason === 'string' ? `退回原因：${a.reason}` : null),
  'application.transfer': (a) => (typeof a.toUnit === 'string' ? `转至${a.toUnit}；转办原因：${String(a.reason ?? '—')}` : null),
  'subject.national_level.correct': (a) => (typeof a.nationalLevel === 'string' ? `更正为“${a.nationalLevel}”` : null),
};
/** Steps the 办理记录 leaves out: the note's own audit line (the note is shown instead). */
const HIDDEN = new Set(['application.note']);

export type RecordEntry = { key: string; at: number; actor: string | null; what: string; detail: string | null; note: boolean };

/**
 * 办理记录: the application's audited steps and its 审核备注, oldest first. For the review page
 * only (the caller may review the application).
 */
export function applicationRecord(actor: Actor, applicationId: number): RecordEntry[] {
  reviewableApp(actor, applicationId);
  const db = getDb();
  const audits = db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, after: auditLog.after, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.objectType, 'application'), eq(auditLog.objectId, String(applicationId))))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(200)
    .all();
  const notes = db
    .select({ id: reviewNotes.id, at: reviewNotes.createdAt, body: reviewNotes.body, actor: users.name })
    .from(reviewNotes)
    .leftJoin(users, eq(users.id, reviewNotes.authorId))
    .where(eq(reviewNotes.applicationId, applicationId))
    .orderBy(asc(reviewNotes.createdAt), asc(reviewNotes.id))
    .limit(200)
    .all();
  const entries: RecordEntry[] = [
    ...audits.filter((a) => !HIDDEN.has(a.action)).map((a) => ({
      key: `a${a.id}`,
      at: a.at,
      actor: a.actor,
      what: AUDIT_ACTION_LABELS[a.action] ?? a.action,
      detail: a.after && typeof a.after === 'object' ? (DETAILS[a.action]?.(a.after as Record<string, unknown>) ?? null) : null,
      note: false,
    })),
    ...notes.map((n) => ({ key: `n${n.id}`, at: n.at, actor: n.actor, what: '审核备注', detail: n.body, note: true })),
  ];
  return entries.sort((x, y) => x.at - y.at || x.key.localeCompare(y.key));
}
