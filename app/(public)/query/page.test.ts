import { describe, it, expect, beforeAll } from 'vitest';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';

let admin: { id: number; role: 'admin'; unitId: null; phoneVerified: true };

/** Files a website (and its new subject) through the review service, as a reviewer would. */
async function fileWebsite(name: string, domain: string) {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name, domain }));
  decideApplication(admin, s.applicationId, { decision: '通过' });
  const { filingNumber } = decideApplication(admin, w.applicationId, { decision: '通过' });
  return { ...w, filingNumber };
}

beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770009999', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  await fileWebsite('朝阳区摄影作品集', 'photo-search.com.cn');
});

describe('/query (公共查询)', () => {
  it('renders /query?q=a%00b as the normal page with 未查询到备案信息', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { default: QueryPage } = await import('./page');
    for (const q of ['a\u0000b', 'abc\u0000def', '朝阳\u0000区']) {
      const html = renderToStaticMarkup(await QueryPage({ searchParams: Promise.resolve({ q }) }));
      expect(html, JSON.stringify(q)).toContain(q.startsWith('朝阳') ? '共找到 1 条备案信息' : '未查询到备案信息');
      expect(html).not.toContain('\u0000');
    }
  });
});
