import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { drafts, type BusinessType } from '@/db/schema';
import { AppError } from '@/lib/errors';

export const DRAFT_TTL_MS = 30 * 24 * 60 * 60_000;
/** A stored draft's JSON at most (UTF-8 bytes): far above any real form, far below a flood. */
export const DRAFT_MAX_BYTES = 200 * 1024;
export const DRAFT_TOO_LARGE = '草稿内容过长（超过200KB），无法保存';

/** 系统只保留 30 天内的草稿信息: deletes drafts not saved for 30 days. */
export function purgeOldDrafts(now = Date.now()): number {
  return getDb().delete(drafts).where(lt(drafts.savedAt, now - DRAFT_TTL_MS)).run().changes;
}

/** Saves (creates or updates the user's own) draft; returns its id. */
export function saveDraft(
  userId: number,
  type: BusinessType,
  data: Record<string, unknown>,
  opts: { draftId?: number | null; subjectId?: number | null; websiteId?: number | null; filingId?: number | null } = {},
  now = Date.now(),
): number {
  if (Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8') > DRAFT_MAX_BYTES) throw new AppError('invalid', DRAFT_TOO_LARGE);
  const db = getDb();
  if (opts.draftId) {
    const res = db
      .update(drafts)
      .set({ data, savedAt: now })
      .where(and(eq(drafts.id, opts.draftId), eq(drafts.userId, userId), eq(drafts.type, type)))
      .run();
    if (res.changes === 1) return opts.draftId;
  }
  return db
    .insert(drafts)
    .values({ userId, type, data, subjectId: opts.subjectId ?? null, websiteId: opts.websiteId ?? null, filingId: opts.filingId ?? null, createdAt: now, savedAt: now })
    .returning({ id: drafts.id })
    .get().id;
}

export function listDrafts(userId: number, opts: { type?: BusinessType; page?: number; pageSize?: number } = {}, now = Date.now()) {
  purgeOldDrafts(now);
  const db = getDb();
  const pageSize = opts.pageSize ?? 10;
  const page = Math.max(1, opts.page ?? 1);
  const where = opts.type ? and(eq(drafts.userId, userId), eq(drafts.type, opts.type)) : eq(drafts.userId, userId);
  const rows = db
    .select({ id: drafts.id, type: drafts.type, savedAt: drafts.savedAt, createdAt: drafts.createdAt, subjectId: drafts.subjectId, websiteId: drafts.websiteId, filingId: drafts.filingId })
    .from(drafts)
    .where(where)
    .orderBy(desc(drafts.savedAt), desc(drafts.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(drafts).where(where).get()!.n;
  return { rows, total, page, pageSize };
}

export function getDraft(userId: number, draftId: number, now = Date.now()) {
  purgeOldDrafts(now);
  const d = getDb().select().from(drafts).where(and(eq(drafts.id, draftId), eq(drafts.userId, userId))).get();
  if (!d) throw new AppError('not_found', '草稿不存在或已过期');
  return d;
}

/** The newest draft of a type (for the "您有一条草稿，是否使用" prompt). */
export function latestDraft(userId: number, type: BusinessType, subjectId?: number | null, now = Date.now()) {
  purgeOldDrafts(now);
  const where = subjectId
    ? and(eq(drafts.userId, userId), eq(drafts.type, type), eq(drafts.subjectId, subjectId))
    : and(eq(drafts.userId, userId), eq(drafts.type, type));
  return getDb().select().from(drafts).where(where).orderBy(desc(drafts.savedAt), desc(drafts.id)).get();
}

export function deleteDraft(userId: number, draftId: number): void {
  const res = getDb().delete(drafts).where(and(eq(drafts.id, draftId), eq(drafts.userId, userId))).run();
  if (res.changes !== 1) throw new AppError('not_found', '草稿不存在或已删除');
}
