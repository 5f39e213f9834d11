import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, notices } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { createUser } from '@/lib/users/service';
import { makeApplicant } from '@/lib/test/fixtures';
import { NOTICE_BODY_MAX } from './schemas';
import {
  createNotice,
  getNoticeForEdit,
  getPublished,
  latestPublished,
  listAll,
  listPublished,
  NOTICE_PAGE_SIZE,
  publishNotice,
  unpublishNotice,
  updateNotice,
} from './service';

let admin: Actor;
let applicant: Actor;
let reviewer: Actor;

beforeAll(async () => {
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13700001001', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  const u = await makeApplicant();
  applicant = { id: u.id, role: 'applicant', unitId: null, phoneVerified: true };
  const r = await createUser({ role: 'reviewer', name: '李明', phone: '13700001002', password: 'Secret#2026', phoneVerified: true });
  reviewer = { id: r.id, role: 'reviewer', unitId: null, phoneVerified: true };
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const auditsFor = (id: number) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, 'notice'), eq(auditLog.objectId, String(id))))
    .all();
const noticeCount = () => getDb().select().from(notices).all().length;

const T0 = Date.UTC(2026, 2, 1, 2);

describe('notices', () => {
  it('a new notice is not public until published; publishing shows it, unpublishing takes it away; each step audited', () => {
    const { id } = createNotice(admin, { category: '通知公告', title: '  关于开展互联网站公安联网备案工作的通知 ', body: '各网站开办者：\r\n\r\n请于**30日内**办理备案。\n\n' }, '203.0.113.7', T0);
    expect(getNoticeForEdit(admin, id)).toMatchObject({ title: '关于开展互联网站公安联网备案工作的通知', body: '各网站开办者：\n\n请于**30日内**办理备案。', publishedAt: null });
    expect(getPublished(id)).toBeUndefined();
    expect(listPublished('通知公告').rows.map((r) => r.id)).not.toContain(id);
    expect(listPublished(undefined).rows.map((r) => r.id)).not.toContain(id);
    expect(latestPublished('通知公告').map((r) => r.id)).not.toContain(id);

    publishNotice(admin, id, null, T0 + 1000);
    expect(getPublished(id)).toMatchObject({ id, category: '通知公告', title: '关于开展互联网站公安联网备案工作的通知', publishedAt: T0 + 1000 });
    expect(listPublished('通知公告').rows).toContainEqual({ id, category: '通知公告', title: '关于开展互联网站公安联网备案工作的通知', publishedAt: T0 + 1000 });
    expect(listPublished('常见问题').rows.map((r) => r.id)).not.toContain(id);
    expect(latestPublished('通知公告').map((r) => r.id)).toContain(id);
    expect(errorOf(() => publishNotice(admin, id))).toMatchObject({ code: 'conflict', message: '该公告已发布' });

    // Editing a published notice keeps it published with the new text.
    updateNotice(admin, id, { category: '通知公告', title: '关于开展互联网站公安联网备案工作的通知（修订）', body: '新的正文' }, null, T0 + 2000);
    expect(getPublished(id)).toMatchObject({ title: '关于开展互联网站公安联网备案工作的通知（修订）', body: '新的正文', publishedAt: T0 + 1000 });

    unpublishNotice(admin, id, null, T0 + 3000);
    expect(getPublished(id)).toBeUndefined();
    expect(listPublished('通知公告').rows.map((r) => r.id)).not.toContain(id);
    expect(errorOf(() => unpublishNotice(admin, id))).toMatchObject({ code: 'conflict', message: '该公告未发布' });

    const audits = auditsFor(id);
    expect(audits.map((a) => a.action)).toEqual(['notice.create', 'notice.publish', 'notice.update', 'notice.unpublish']);
    expect(audits[0]).toMatchObject({ actorId: admin.id, actorRole: 'admin', ip: '203.0.113.7', after: { category: '通知公告', title: '关于开展互联网站公安联网备案工作的通知' } });
    expect(audits[2]).toMatchObject({ before: { title: '关于开展互联网站公安联网备案工作的通知', body: '各网站开办者：\n\n请于**30日内**办理备案。' }, after: { body: '新的正文' } });
  });

  it('refuses empty or overlong fields with the field errors, and saves nothing', () => {
    const before = noticeCount();
    const e = errorOf(() => createNotice(admin, { category: '通知公告', title: '   ', body: '' }));
    expect(e.code).toBe('invalid');
    expect(e.fieldErrors).toEqual({ title: '请填写标题', body: '请填写正文' });
    expect(e.message).toBe('请填写标题');
    expect(errorOf(() => createNotice(admin, { category: '通知公告', title: '标'.repeat(101), body: ' \n ' })).fieldErrors).toEqual({
      title: '标题不能超过100个字',
      body: '请填写正文',
    });
    expect(errorOf(() => createNotice(admin, { category: '通知公告', title: '标题', body: '字'.repeat(NOTICE_BODY_MAX + 1) })).fieldErrors).toEqual({
      body: '正文不能超过20000个字',
    });
    expect(errorOf(() => createNotice(admin, { category: '公示' as '通知公告', title: '标题', body: '正文' })).fieldErrors).toEqual({ category: '请选择栏目' });
    expect(noticeCount()).toBe(before);
    const { id } = createNotice(admin, { category: '备案须知', title: '备案流程与所需材料', body: '正文' });
    expect(errorOf(() => updateNotice(admin, id, { category: '备案须知', title: '', body: '正文' })).fieldErrors).toEqual({ title: '请填写标题' });
    expect(getNoticeForEdit(admin, id)?.title).toBe('备案流程与所需材料');
  });

  it('refuses anyone but an administrator, and changes nothing', () => {
    const { id } = createNotice(admin, { category: '政策法规', title: '计算机信息网络国际联网安全保护管理办法', body: '正文' });
    for (const who of [applicant, reviewer]) {
      expect(errorOf(() => createNotice(who, { category: '通知公告', title: '伪造公告', body: '正文' }))).toMatchObject({ code: 'forbidden', message: '您没有权限执行此操作' });
      expect(errorOf(() => updateNotice(who, id, { category: '通知公告', title: '篡改', body: '正文' })).code).toBe('forbidden');
      expect(errorOf(() => publishNotice(who, id)).code).toBe('forbidden');
      expect(errorOf(() => listAll(who)).code).toBe('forbidden');
      expect(errorOf(() => getNoticeForEdit(who, id)).code).toBe('forbidden');
    }
    publishNotice(admin, id);
    expect(errorOf(() => unpublishNotice(applicant, id)).code).toBe('forbidden');
    expect(getPublished(id)?.title).toBe('计算机信息网络国际联网安全保护管理办法');
    expect(getDb().select().from(notices).all().some((n) => n.title === '伪造公告')).toBe(false);
    expect(errorOf(() => publishNotice(admin, 999_999))).toMatchObject({ code: 'not_found' });
  });

  it('lists published notices newest first, 10 a page, filtered by 栏目; unknown ids are not found', () => {
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const { id } = createNotice(admin, { category: '常见问题', title: `问题${i}`, body: `答复${i}` }, null, T0 + i);
      publishNotice(admin, id, null, T0 + 100_000 + i * 1000);
      ids.push(id);
    }
    const p1 = listPublished('常见问题', 1);
    expect(p1.total).toBe(12);
    expect(p1.pageSize).toBe(NOTICE_PAGE_SIZE);
    expect(p1.rows.map((r) => r.title)).toEqual(['问题12', '问题11', '问题10', '问题9', '问题8', '问题7', '问题6', '问题5', '问题4', '问题3']);
    expect(listPublished('常见问题', 2).rows.map((r) => r.title)).toEqual(['问题2', '问题1']);
    expect(latestPublished('常见问题', 3).map((r) => r.title)).toEqual(['问题12', '问题11', '问题10']);
    expect(listPublished(undefined).rows.every((r) => r.publishedAt > 0)).toBe(true);
    expect(getPublished(999_999)).toBeUndefined();
    expect(getPublished(Number.NaN)).toBeUndefined();
    const all = listAll(admin);
    expect(all.total).toBe(noticeCount());
    expect(all.rows.map((r) => r.updatedAt)).toEqual([...all.rows.map((r) => r.updatedAt)].sort((x, y) => y - x));
    expect(all.rows.find((r) => r.title === '问题12')).toMatchObject({ publishedAt: T0 + 112_000 });
  });
});
