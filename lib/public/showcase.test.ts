import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { websites } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { listRecentFilings } from './showcase';

let admin: Actor;
beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770009999', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
});

describe('listRecentFilings', () => {
  it('shows only websites holding a valid number, the newest filing first', async () => {
    expect(listRecentFilings()).toEqual([]);
    const u = await makeApplicant();
    const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const t = Date.now();
    const site = async (name: string, domain: string) => submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name, domain }), {}, t);
    const oldest = await site('张伟摄影作品集', 'showcase-a.com.cn');
    const middle = await site('张伟旅行日记', 'showcase-b.com.cn');
    const newest = await site('张伟读书笔记', 'showcase-c.com.cn');
    const cancelled = await site('张伟菜谱', 'showcase-d.com.cn');
    const pending = await site('张伟相册', 'showcase-e.com.cn');
    // A new subject waits for its first website before it reaches the queue.
    decideApplication(admin, s.applicationId, { decision: '通过' }, t);
    const filed = (w: { applicationId: number }, at: number) => decideApplication(admin, w.applicationId, { decision: '通过' }, at);
    const a = filed(oldest, t + 1000);
    const c = filed(newest, t + 3000);
    const b = filed(middle, t + 2000);
    filed(cancelled, t + 4000);
    // 变更中 keeps the number valid; 已注销 does not.
    getDb().update(websites).set({ status: '变更中' }).where(eq(websites.id, middle.websiteId)).run();
    getDb().update(websites).set({ status: '已注销', cancelledAt: t + 5000 }).where(eq(websites.id, cancelled.websiteId)).run();

    const list = listRecentFilings();
    expect(list.map((f) => f.websiteName)).toEqual(['张伟读书笔记', '张伟旅行日记', '张伟摄影作品集']);
    expect(list[0]).toEqual({ digits: c.filingNumber!.slice(5, 19), filingNumber: c.filingNumber, websiteName: '张伟读书笔记', filedAt: t + 3000 });
    expect(list.map((f) => f.filingNumber)).toEqual([c.filingNumber, b.filingNumber, a.filingNumber]);
    expect(list.every((f) => /^\d{14}$/.test(f.digits))).toBe(true);
    expect(list.map((f) => f.websiteName)).not.toContain('张伟相册');
    expect(getDb().select({ status: websites.status }).from(websites).where(eq(websites.id, pending.websiteId)).get()?.status).toBe('待审核');
    expect(listRecentFilings(2).map((f) => f.websiteName)).toEqual(['张伟读书笔记', '张伟旅行日记']);
  });
});
