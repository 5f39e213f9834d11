import { describe, it, expect, beforeAll } from 'vitest';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, appInput, miniProgramInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { SEARCH_MESSAGES } from '@/lib/public/search';
import { OBJECT_SEARCH_MESSAGES } from '@/lib/public/object-search';
import { submitNewFiling } from '@/lib/filings/service';

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

describe('GET /api/public/filings?type=app|mini-program', () => {
  const objects: Record<string, string> = {};
  beforeAll(async () => {
    for (const [kind, name] of [['APP', '朝阳摄影助手'], ['小程序', '朝阳摄影预约']] as const) {
      const u = await makeApplicant();
      const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
      const input = kind === 'APP' ? await appInput(u.id, { name, packageName: 'cn.Chaoyang.Photo' }) : await miniProgramInput(u.id, { name, appId: 'wx00000000000c0a01' });
      const f = submitNewFiling(u.id, s.subjectId, kind, input);
      decideApplication(admin, s.applicationId, { decision: '通过' });
      objects[name] = decideApplication(admin, f.applicationId, { decision: '通过' }).filingNumber!.slice(5, 19);
    }
  });

  it('searches APPs by name, 包名 or number, never a website or 小程序, with the icon link', async () => {
    const { NextRequest } = await import('next/server');
    const { GET } = await import('./route');
    const call = (qs: string) => GET(new NextRequest(`http://localhost/api/public/filings?${qs}`));
    const digits = objects['朝阳摄影助手'];

    const res = call(`type=app&name=${encodeURIComponent('朝阳')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body = await res.json();
    expect(body).toMatchObject({ type: 'app', by: 'name', query: '朝阳', total: 1, page: 1, pageSize: 10, pageCount: 1 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      digits,
      filingNumber: `京公网安备${digits}号`,
      name: '朝阳摄影助手',
      platforms: ['安卓', 'iOS'],
      packages: [
        { platform: '安卓', packageName: 'cn.Chaoyang.Photo' },
        { platform: 'iOS', packageName: 'cn.Chaoyang.Photo' },
      ],
      subjectName: '张*',
      unitName: '朝阳分局网安大队',
      status: '已备案',
      url: `http://beian.test/query/${digits}`,
      iconUrl: `http://beian.test/api/public/filings/${digits}/icon`,
    });
    expect(body.items[0].filedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await call('type=app&package=CN.CHAOYANG.PHOTO').json()).items.map((i: { digits: string }) => i.digits)).toEqual([digits]);
    expect((await call(`type=app&code=${digits}`).json()).total).toBe(1);
    expect((await call(`type=app&code=${objects['朝阳摄影预约']}`).json()).total).toBe(0);
  });

  it('searches 小程序 by name or 小程序ID, and answers bad parameters with 400 and a Chinese message', async () => {
    const { NextRequest } = await import('next/server');
    const { GET } = await import('./route');
    const call = (qs: string) => GET(new NextRequest(`http://localhost/api/public/filings?${qs}`));

    const byName = await call(`type=mini-program&name=${encodeURIComponent('摄影')}`).json();
    expect(byName).toMatchObject({ type: 'mini-program', by: 'name', total: 1 });
    expect(byName.items[0]).toMatchObject({ name: '朝阳摄影预约', platform: '微信', appId: 'wx00000000000c0a01', status: '已备案' });
    expect((await call('type=mini-program&appid=WX00000000000C0A01').json()).items[0].digits).toBe(objects['朝阳摄影预约']);

    const cases: [string, string][] = [
      ['type=shop&name=x', 'type 参数应为 website、app、mini-program、app-store、provider 之一'],
      ['type=app', 'type=app 时请提供 name、package、code 中的一个参数'],
      ['type=app&name=x&package=a.b', 'type=app 时请提供 name、package、code 中的一个参数'],
      ['type=app&domain=a.com', 'type=app 时请提供 name、package、code 中的一个参数'],
      ['type=mini-program&package=a.b', 'type=mini-program 时请提供 name、appid、code 中的一个参数'],
      ['type=app&package=%E6%9C%9D%E9%98%B3', OBJECT_SEARCH_MESSAGES.package],
      ['type=mini-program&appid=%E6%9C%9D', OBJECT_SEARCH_MESSAGES.appId],
      ['type=app&code=123', OBJECT_SEARCH_MESSAGES.code],
    ];
    for (const [qs, error] of cases) {
      const res = call(qs);
      expect(res.status, qs).toBe(400);
      expect(await res.json(), qs).toEqual({ error });
    }
    // No type, or type=website: the website search as before.
    expect((await call(`type=website&name=${encodeURIComponent('朝阳')}`).json()).items.map((i: { websiteName: string }) => i.websiteName)).toEqual(['北京朝阳美食地图', '朝阳区摄影作品集']);
  });
});
