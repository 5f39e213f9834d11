import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { getPublicFiling } from './filings';

let admin: { id: number; role: 'admin'; unitId: null; phoneVerified: true };
beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770008888', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
});

describe('getPublicFiling', () => {
  it('shows a filed website with the person masked, and a cancelled one as 已注销; unknown numbers are null', async () => {
    const u = await makeApplicant();
    const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
    const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain: 'public-view.com.cn' }));
    expect(getPublicFiling('11010502000001')).toBeNull();
    decideApplication(admin, s.applicationId, { decision: '通过' });
    const { filingNumber } = decideApplication(admin, w.applicationId, { decision: '通过' });
    const digits = filingNumber!.slice(5, 19);
    expect(getPublicFiling(digits)).toMatchObject({
      digits,
      filingNumber,
      websiteName: '张伟摄影作品集',
      domains: ['www.public-view.com.cn'],
      subjectName: '张*',
      subjectNature: '个人',
      unitName: '朝阳分局网安大队',
      interactive: false,
      status: '已备案',
    });
    getDb().update(websites).set({ status: '已注销' }).where(eq(websites.id, w.websiteId)).run();
    expect(getPublicFiling(digits)?.status).toBe('已注销');
    expect(getPublicFiling('1101050200000x')).toBeNull();
  });
});
