import { describe, it, expect, beforeAll } from 'vitest';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { SEARCH_MESSAGES } from '@/lib/public/search';

let admin: { id: number; role: 'admin'; unitId: null; phoneVerified: true };
const filed: Record<string, { digits: string; filingNumber: string; websiteId: number }> = {};

/** Files a website (and its new subject) through the review service, as a reviewer would. */
async function fileWebsite(name: string, domain: string) {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name, domain }));
  decideApplication(admin, s.applicationId, { decision: '通过' });
  const { filingNumber } = decideApplication(admin, w.applicationId, { decision: '通过' });
  filed[name] = { digits: filingNumber!.slice(5, 19), filingNumber: filingNumber!, websiteId: w.websiteId };
  return w;
}

beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770009999', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  await fileWebsite('朝阳区摄影作品集', 'photo-search.com.cn');
  await fileWebsite('北京朝阳美食地图', 'food-search.com.cn');
  // Submitted but not filed: never public.
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name: '朝阳待审网站', domain: 'pending-search.com.cn' }));
});

describe('GET /api/public/filings', () => {
  it('answers the same search as JSON with open CORS, and 400 with a message for bad input', async () => {
    const { NextRequest } = await import('next/server');
    const { GET, OPTIONS } = await import('./route');
    const call = (qs: string) => GET(new NextRequest(`http://localhost/api/public/filings?${qs}`));
    const { digits, filingNumber } = filed['朝阳区摄影作品集'];

    const byName = call(`name=${encodeURIComponent('朝阳')}`);
    expect(byName.status).toBe(200);
    expect(byName.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body = await byName.json();
    expect(body).toMatchObject({ type: 'name', query: '朝阳', total: 2, page: 1, pageSize: 10, pageCount: 1 });
    expect(body.items.map((i: { websiteName: string }) => i.websiteName)).toEqual(['北京朝阳美食地图', '朝阳区摄影作品集']);
    expect(body.items[1]).toMatchObject({
      filingNumber,
      digits,
      domains: ['www.photo-search.com.cn'],
      subjectName: '张*',
      subjectNature: '个人',
      unitName: '朝阳分局网安大队',
      interactive: false,
      status: '已备案',
    });
    expect(body.items[1].url).toMatch(new RegExp(`/query/${digits}$`));
    expect(body.items[1].filedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect((await call(`code=${encodeURIComponent(filingNumber)}`).json()).items[0].digits).toBe(digits);
    expect((await call('domain=photo-search.com.cn').json()).total).toBe(1);
    expect((await call('name=nothing-like-this').json())).toMatchObject({ total: 0, items: [] });

    const none = call('');
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ error: '请提供 code、domain 或 name 中的一个参数' });
    expect(call('code=1&name=x').status).toBe(400);
    const badCode = call('code=123');
    expect(badCode.status).toBe(400);
    expect((await badCode.json()).error).toBe(SEARCH_MESSAGES.code);
    expect(OPTIONS().headers.get('Access-Control-Allow-Methods')).toBe('GET, OPTIONS');
  });
});

describe('hostile characters in a query', () => {
  it('answers /api/public/filings?name=a%00b with 200 and no result', async () => {
    const { NextRequest } = await import('next/server');
    const { GET } = await import('./route');
    for (const qs of ['name=a%00b', 'name=%E6%9C%9D%E9%98%B3%00%E5%8C%BA', 'name=abc%00def', 'domain=a%00b.com']) {
      const res = GET(new NextRequest(`http://localhost/api/public/filings?${qs}`));
      expect(res.status, qs).toBe(200);
      expect((await res.json()).items, qs).toBeInstanceOf(Array);
    }
  });
});
