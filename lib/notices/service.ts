/**
 * 首页栏目 content (SPEC §10.1): 通知公告, 备案须知, 政策法规, 常见问题, written in Markdown by an
 * administrator at /admin/notices. A notice is public only while published (publishedAt set).
 */
import 'server-only';
import { and, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { notices } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { noticeInputSchema, type NoticeCategory, type NoticeInput, type NoticeValues } from './schemas';

export const NOTICE_PAGE_SIZE = 10;
export const ADMIN_NOTICE_PAGE_SIZE = 20;


function parseInput(input: NoticeInput): NoticeValues {
  const parsed = noticeInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new AppError('invalid', Object.values(fieldErrors)[0] ?? '请检查填写的内容', fieldErrors);
  }
  return parsed.data;
}

function current(tx: Tx, id: number) {
  const row = tx
    .select({ id: notices.id, category: notices.category, title: notices.title, body: notices.body, publishedAt: notices.publishedAt })
    .from(notices)
    .where(eq(notices.id, id))
    .get();
  if (!row) throw new AppError('not_found', '该公告不存在或已被删除');
  return row;
}

const audit = (tx: Tx, actor: Actor, action: string, id: number, before: unknown, after: unknown, ip: string | null) =>
  writeAudit({ actorId: actor.id, actorRole: actor.role, action, objectType: 'notice', objectId: id, before, after, ip }, tx);

/** 新建公告: saved unpublished; nobody outside the admin sees it until 发布. */
export function createNotice(actor: Actor, input: NoticeInput, ip: string | null = null, now = Date.now()): { id: number } {
  assertCan(actor, 'notices.manage');
  const v = parseInput(input);
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(notices)
      .values({ category: v.category, title: v.title, body: v.body, publishedAt: null, createdAt: now, updatedAt: now })
      .returning({ id: notices.id })
      .get();
    audit(tx, actor, 'notice.create', id, null, v, ip);
    return { id };
  });
}

/** 编辑公告: a published notice stays published and shows the new text at once. */
export function updateNotice(actor: Actor, id: number, input: NoticeInput, ip: string | null = null, now = Date.now()): { id: number } {
  assertCan(actor, 'notices.manage');
  const v = parseInput(input);
  return getDb().transaction((tx) => {
    const before = current(tx, id);
    tx.update(notices).set({ category: v.category, title: v.title, body: v.body, updatedAt: now }).where(eq(notices.id, id)).run();
    audit(tx, actor, 'notice.update', id, { category: before.category, title: before.title, body: before.body }, v, ip);
    return { id };
  });
}

/** 发布: only an unpublished notice; the publication time is the date the public sees. */
export function publishNotice(actor: Actor, id: number, ip: string | null = null, now = Date.now()): void {
  assertCan(actor, 'notices.manage');
  getDb().transaction((tx) => {
    const before = current(tx, id);
    if (before.publishedAt != null) throw new AppError('conflict', '该公告已发布');
    tx.update(notices).set({ publishedAt: now, updatedAt: now }).where(eq(notices.id, id)).run();
    audit(tx, actor, 'notice.publish', id, { publishedAt: null }, { publishedAt: now, title: before.title }, ip);
  });
}

/** 取消发布: the notice leaves the public pages at once; it can be published again later. */
export function unpublishNotice(actor: Actor, id: number, ip: string | null = null, now = Date.now()): void {
  assertCan(actor, 'notices.manage');
  getDb().transaction((tx) => {
    const before = current(tx, id);
    if (before.publishedAt == null) throw new AppError('conflict', '该公告未发布');
    tx.update(notices).set({ publishedAt: null, updatedAt: now }).where(eq(notices.id, id)).run();
    audit(tx, actor, 'notice.unpublish', id, { publishedAt: before.publishedAt, title: before.title }, { publishedAt: null }, ip);
  });
}

export type PublishedNoticeRow = { id: number; category: NoticeCategory; title: string; publishedAt: number };

const published = (category?: NoticeCategory): SQL =>
  category ? and(isNotNull(notices.publishedAt), eq(notices.category, category))! : isNotNull(notices.publishedAt);

const publicColumns = { id: notices.id, category: notices.category, title: notices.title, publishedAt: sql<number>`${notices.publishedAt}` };

/** /notices: published notices of one 栏目 (or all), newest first, 10 a page. */
export function listPublished(category: NoticeCategory | undefined, page = 1) {
  const db = getDb();
  const p = Math.max(1, Math.floor(page));
  const where = published(category);
  const total = db.select({ n: sql<number>`count(*)` }).from(notices).where(where).get()!.n;
  const rows: PublishedNoticeRow[] = db
    .select(publicColumns)
    .from(notices)
    .where(where)
    .orderBy(desc(notices.publishedAt), desc(notices.id))
    .limit(NOTICE_PAGE_SIZE)
    .offset((p - 1) * NOTICE_PAGE_SIZE)
    .all();
  return { rows, total, page: p, pageSize: NOTICE_PAGE_SIZE };
}

/** The home page's column: the newest `limit` published titles of one 栏目. */
export function latestPublished(category: NoticeCategory, limit = 5): PublishedNoticeRow[] {
  return getDb()
    .select(publicColumns)
    .from(notices)
    .where(published(category))
    .orderBy(desc(notices.publishedAt), desc(notices.id))
    .limit(limit)
    .all();
}

/** /notices/[id]: one published notice; unpublished or unknown is undefined (a 404). */
export function getPublished(id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return getDb()
    .select({ ...publicColumns, body: notices.body, updatedAt: notices.updatedAt })
    .from(notices)
    .where(and(eq(notices.id, id), isNotNull(notices.publishedAt)))
    .get();
}

/** /admin/notices: every notice, last edited first. */
export function listAll(actor: Actor, page = 1) {
  assertCan(actor, 'notices.manage');
  const db = getDb();
  const p = Math.max(1, Math.floor(page));
  const total = db.select({ n: sql<number>`count(*)` }).from(notices).get()!.n;
  const rows = db
    .select({ id: notices.id, category: notices.category, title: notices.title, publishedAt: notices.publishedAt, updatedAt: notices.updatedAt })
    .from(notices)
    .orderBy(desc(notices.updatedAt), desc(notices.id))
    .limit(ADMIN_NOTICE_PAGE_SIZE)
    .offset((p - 1) * ADMIN_NOTICE_PAGE_SIZE)
    .all();
  return { rows, total, page: p, pageSize: ADMIN_NOTICE_PAGE_SIZE };
}

/** 编辑公告: the saved values, published or not. */
export function getNoticeForEdit(actor: Actor, id: number) {
  assertCan(actor, 'notices.manage');
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return getDb()
    .select({ id: notices.id, category: notices.category, title: notices.title, body: notices.body, publishedAt: notices.publishedAt, updatedAt: notices.updatedAt })
    .from(notices)
    .where(eq(notices.id, id))
    .get();
}
