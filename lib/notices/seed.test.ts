import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { createUser } from '@/lib/users/service';
import { seedNotices } from '@/scripts/seed';
import { NOTICE_CATEGORIES } from './schemas';
import { getPublished, latestPublished, listPublished } from './service';

let admin: Actor;
beforeAll(async () => {
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13700002001', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
});

describe('demo notices', () => {
  it('publish something in every home-page column, and a second run adds nothing', () => {
    seedNotices(admin);
    const total = listPublished(undefined).total;
    expect(total).toBeGreaterThanOrEqual(7);
    for (const c of NOTICE_CATEGORIES) expect(latestPublished(c).length, c).toBeGreaterThan(0);
    expect(latestPublished('常见问题').map((n) => n.title)).toEqual(expect.arrayContaining(['备案需要多长时间？', '备案号放在哪里？']));
    const notice = latestPublished('通知公告').find((n) => n.title === '关于开展互联网站公安联网备案工作的通知');
    expect(getPublished(notice!.id)?.body).toContain('30日内');
    seedNotices(admin);
    expect(listPublished(undefined).total).toBe(total);
  });
});
