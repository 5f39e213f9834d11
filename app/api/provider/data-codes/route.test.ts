import { afterEach, describe, expect, it } from 'vitest';
import { createUser, setUserStatus } from '@/lib/users/service';
import { dataCodeCount, dataCodeRow, dropProviderLink, idWithCheck, linkNewDirectoryProvider } from '@/lib/test/fixtures';
import { revokeDataCode } from '@/lib/data-codes/provider';
import { createApiKey, revokeApiKey, BAD_KEY } from '@/lib/data-codes/api-keys';
import { NOT_LINKED } from '@/lib/data-codes/service';
import { POST } from './route';
import { GET } from './[code]/route';

const body = {
  subject: { nature: '个人', name: '陈静', certType: '居民身份证', certNumber: idWithCheck('11010519900307002'), principalName: '陈静', principalPhone: '13912340006' },
  websites: [
    { name: '陈静的博客', domain: 'chenjing-blog.cn', ip: '120.92.10.8', accessMethod: '云服务器' },
    { name: '陈静摄影', domain: 'chenjing-photo.cn', ip: '120.92.10.9', accessMethod: '虚拟主机' },
  ],
};

let n = 0;
async function account(linked = true) {
  const { id } = await createUser({ role: 'provider', name: '刘洋', phone: `137733000${String(++n).padStart(2, '0')}`, password: 'Secret#2026' });
  linkNewDirectoryProvider(id, `北京接口云${n}号有限公司`);
  const key = createApiKey(id, { label: '业务系统' });
  if (!linked) dropProviderLink(id);
  return { id, key: key.key, keyId: key.id };
}

const post = (auth: string | null, payload: unknown = body) =>
  POST(
    new Request('http://localhost/api/provider/data-codes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    }),
  );
const get = (auth: string, code: string) =>
  GET(new Request(`http://localhost/api/provider/data-codes/${code}`, { headers: { Authorization: auth } }), { params: Promise.resolve({ code }) });

afterEach(() => {
  delete process.env.WLBA_PROVIDER_API_RATE_LIMIT;
});

describe('POST /api/provider/data-codes', () => {
  it('issues a code for a valid key: 201 with the grouped code and its expiry, marks the key used', async () => {
    const a = await account();
    const res = await post(`Bearer ${a.key}`);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const json = await res.json();
    expect(Object.keys(json).sort()).toEqual(['code', 'expiresAt']);
    expect(json.code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    expect(Date.parse(json.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    const row = dataCodeRow(json.code);
    expect(row).toMatchObject({ providerUserId: a.id, apiKeyId: a.keyId, subjectName: '陈静', websiteCount: 2 });
  });

  it('answers 401 with one message for a missing, malformed, unknown, 停用 key or a disabled account', async () => {
    const a = await account();
    const b = await account();
    revokeApiKey(b.id, b.keyId);
    const c = await account();
    setUserStatus(c.id, 'disabled', null);
    const before = dataCodeCount();
    for (const auth of [null, 'Basic abc', `Bearer ${a.key.slice(0, -1)}`, `Bearer wlba_${'x'.repeat(32)}`, `Bearer ${b.key}`, `Bearer ${c.key}`]) {
      const res = await post(auth);
      expect(res.status, String(auth)).toBe(401);
      expect(await res.json()).toEqual({ error: BAD_KEY });
    }
    expect(dataCodeCount()).toBe(before);
  });

  it('answers 400 with Chinese messages keyed by field path, and for a body that is not JSON', async () => {
    const a = await account();
    // Each field's own check, then (once those pass) the checks across fields: 证件号码 against its type, the phone.
    const res = await post(`Bearer ${a.key}`, { subject: body.subject, websites: [{ ...body.websites[0], domain: '' }, { ...body.websites[1], accessMethod: '卫星' }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: '请检查填写的信息', fields: { 'websites.0.domain': '请填写域名', 'websites.1.accessMethod': '请选择网站接入方式' } });
    const subject = await post(`Bearer ${a.key}`, { ...body, subject: { ...body.subject, certNumber: '110105199003070021', principalPhone: '1391234' } });
    expect(subject.status).toBe(400);
    const json = await subject.json();
    expect(Object.keys(json.fields).sort()).toEqual(['subject.certNumber', 'subject.principalPhone']);
    for (const v of Object.values(json.fields) as string[]) expect(v).toMatch(/[\u4e00-\u9fa5]/);

    const bad = await post(`Bearer ${a.key}`, '{"subject":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '请检查填写的信息', fields: { _form: '请求内容不是有效的JSON' } });
    expect((await post(`Bearer ${a.key}`, [])).status).toBe(400);
  });

  it('answers 403 when the key\'s account is no longer linked to a provider', async () => {
    const a = await account(false);
    const res = await post(`Bearer ${a.key}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: NOT_LINKED });
  });

  it('answers 429 with Retry-After past the per-key limit, other keys unaffected', async () => {
    process.env.WLBA_PROVIDER_API_RATE_LIMIT = '3';
    const a = await account();
    const b = await account();
    for (let i = 0; i < 3; i++) expect((await post(`Bearer ${a.key}`)).status).toBe(201);
    const res = await post(`Bearer ${a.key}`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await res.json()).error).toBe('请求过于频繁，请稍后重试');
    expect((await post(`Bearer ${a.key}`)).status).toBe(429);
    expect((await post(`Bearer ${b.key}`)).status).toBe(201);
  });
});

describe('GET /api/provider/data-codes/{code}', () => {
  it('answers the state of the account\'s own code, 404 for another account\'s or no code', async () => {
    const a = await account();
    const other = await account();
    const { code } = await (await post(`Bearer ${a.key}`)).json();
    const res = await get(`Bearer ${a.key}`, code);
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ code: `${code.slice(0, 4)}-****-****-${code.slice(-4)}`, status: '未绑定', subjectName: '陈静', websiteCount: 2, boundAt: null });
    expect(json.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Date.parse(json.expiresAt)).toBeGreaterThan(Date.parse(json.createdAt));
    expect((await get(`Bearer ${a.key}`, code.replaceAll('-', '').toLowerCase())).status).toBe(200);

    revokeDataCode(a.id, dataCodeRow(code).id);
    expect((await (await get(`Bearer ${a.key}`, code)).json()).status).toBe('已作废');

    const foreign = await get(`Bearer ${other.key}`, code);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: '数据码不存在' });
    expect((await get(`Bearer ${a.key}`, 'ABCD')).status).toBe(404);
    expect((await get('Bearer nope', code)).status).toBe(401);
  });
});
