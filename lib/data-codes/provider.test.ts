import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, providerApiKeys, providerDirectory } from '@/db/schema';
import { createUser } from '@/lib/users/service';
import { linkProviderAccount, providerOfAccount, providersOfAccounts, directoryProviderOptions } from '@/lib/service-providers/accounts';
import { usccWithCheck } from '@/lib/test/fixtures';
import { CODE_VALID_MS } from './code';
import { issueDataCode, NOT_LINKED } from './service';
import { listProviderCodes, providerCodeStatus, revokeDataCode, CODES_PAGE_SIZE } from './provider';
import { authenticateApiKey, BAD_KEY, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from './api-keys';

const input = {
  subject: { nature: '单位', name: '北京星河科技有限公司', certType: '统一社会信用代码证', certNumber: usccWithCheck('91110105MA01C8K2X'), principalName: '李华', principalPhone: '13912340001' },
  websites: [{ name: '星河官网', domain: 'www.xinghe-tech.cn', ip: '120.92.10.8', accessMethod: '云服务器' }],
};

let n = 0;
async function providerAccount(linkTo?: string) {
  const { id } = await createUser({ role: 'provider', name: '刘洋', phone: `137722000${String(++n).padStart(2, '0')}`, password: 'Secret#2026' });
  if (!linkTo) return { id, directoryId: 0 };
  const admin = await createUser({ role: 'admin', name: '王建国', phone: `137722001${String(n).padStart(2, '0')}`, password: 'Secret#2026', phoneVerified: true });
  const d = getDb().insert(providerDirectory).values({ kind: '接入服务商', name: linkTo, scope: '境内', regionCode: '110000', createdAt: 1 }).returning().get();
  linkProviderAccount(id, { directoryId: d.id }, admin.id);
  return { id, directoryId: d.id, adminId: admin.id };
}

describe('关联服务商 with a directory 接入服务商', () => {
  it('links, is audited, shows as 名录 and stops counting once the entry is cancelled', async () => {
    const p = await providerAccount('北京名录云计算有限公司');
    expect(directoryProviderOptions().map((o) => o.name)).toContain('北京名录云计算有限公司');
    expect(providerOfAccount(p.id)).toMatchObject({ source: 'directory', directoryId: p.directoryId, name: '北京名录云计算有限公司', status: '名录', filed: true, filingNumber: null });
    expect(providersOfAccounts([p.id]).get(p.id)).toBe('北京名录云计算有限公司（名录）');
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, 'user.link_provider'), eq(auditLog.objectId, String(p.id)))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: p.adminId, after: { directoryId: p.directoryId, name: '北京名录云计算有限公司' } });

    getDb().update(providerDirectory).set({ cancelledAt: 5 }).where(eq(providerDirectory.id, p.directoryId)).run();
    expect(providerOfAccount(p.id)).toMatchObject({ status: '已注销', filed: false });
    expect(directoryProviderOptions().map((o) => o.name)).not.toContain('北京名录云计算有限公司');
    expect(() => linkProviderAccount(p.id, { directoryId: p.directoryId }, null)).toThrow('请选择服务商名录中的接入服务商');
  });
});

describe('the provider\'s codes', () => {
  it('lists the account\'s own codes newest first, 20 a page, with their 状态; 作废 only while 未绑定', async () => {
    const p = await providerAccount('北京列表云有限公司');
    const other = await providerAccount('北京别家云有限公司');
    const t0 = 1_800_000_000_000;
    const ids = Array.from({ length: 21 }, (_, i) => issueDataCode(p.id, { ...input, subject: { ...input.subject, name: `主体${i}` } }, { now: t0 + i * 1000 }).id);
    const foreign = issueDataCode(other.id, input, { now: t0 });
    const first = listProviderCodes(p.id, 1, t0 + 60_000);
    expect(first).toMatchObject({ total: 21, page: 1, pageSize: CODES_PAGE_SIZE });
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]).toMatchObject({ id: ids[20], subjectName: '主体20', websiteCount: 1, status: '未绑定' });
    expect(first.rows[0].codeMasked).toMatch(/^[2-9A-Z]{4}-\*{4}-\*{4}-[2-9A-Z]{4}$/);
    expect(listProviderCodes(p.id, 2, t0).rows.map((r) => r.id)).toEqual([ids[0]]);

    revokeDataCode(p.id, ids[20], t0 + 1);
    expect(listProviderCodes(p.id, 1, t0 + 2).rows[0].status).toBe('已作废');
    expect(() => revokeDataCode(p.id, ids[20], t0 + 3)).toThrow('该数据码已作废，不能作废');
    expect(() => revokeDataCode(p.id, foreign.id, t0)).toThrow('数据码不存在');
    expect(() => revokeDataCode(p.id, ids[0], t0 + CODE_VALID_MS)).toThrow('该数据码已过期，不能作废');
    expect(listProviderCodes(p.id, 2, t0 + CODE_VALID_MS).rows[0].status).toBe('已过期');
    expect(getDb().select().from(auditLog).where(and(eq(auditLog.action, 'data_code.revoke'), eq(auditLog.objectId, String(ids[20])))).all()).toHaveLength(1);
  });

  it('finds a code by what was typed, only for the account that issued it', async () => {
    const p = await providerAccount('北京查询云有限公司');
    const other = await providerAccount('北京他人云有限公司');
    const issued = issueDataCode(p.id, input);
    expect(providerCodeStatus(p.id, issued.display.toLowerCase())).toMatchObject({ status: '未绑定', subjectName: '北京星河科技有限公司' });
    expect(providerCodeStatus(other.id, issued.code)).toBeNull();
    expect(providerCodeStatus(p.id, 'nonsense')).toBeNull();
  });
});

describe('API密钥', () => {
  it('is shown once, stored only as its SHA-256, listed by prefix, and 停用 for good', async () => {
    const p = await providerAccount('北京密钥云有限公司');
    const k = createApiKey(p.id, { label: '业务系统' }, 1_800_000_000_000);
    expect(k.key).toMatch(/^wlba_[A-Za-z0-9_-]{32}$/);
    const row = getDb().select().from(providerApiKeys).where(eq(providerApiKeys.id, k.id)).get()!;
    expect(row.keyHash).toBe(hashApiKey(k.key));
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(k.key);
    expect(JSON.stringify(getDb().select().from(auditLog).all())).not.toContain(k.key);
    expect(listApiKeys(p.id)).toEqual([{ id: k.id, label: '业务系统', keyPrefix: k.key.slice(0, 10), createdAt: 1_800_000_000_000, lastUsedAt: null, revokedAt: null, status: '启用' }]);

    expect(authenticateApiKey(`Bearer ${k.key}`, 1_800_000_001_000)).toEqual({ keyId: k.id, userId: p.id });
    expect(listApiKeys(p.id)[0].lastUsedAt).toBe(1_800_000_001_000);
    revokeApiKey(p.id, k.id, 1_800_000_002_000);
    expect(listApiKeys(p.id)[0].status).toBe('已停用');
    expect(() => authenticateApiKey(`Bearer ${k.key}`)).toThrow(BAD_KEY);
    const other = await providerAccount('北京别人密钥云有限公司');
    const k2 = createApiKey(other.id, { label: '系统' });
    expect(() => revokeApiKey(p.id, k2.id)).toThrow('API密钥不存在');
  });

  it('is refused to an account linked to no provider, and needs a 对接系统 name', async () => {
    const unlinked = await providerAccount();
    expect(() => createApiKey(unlinked.id, { label: '业务系统' })).toThrow(NOT_LINKED);
    const p = await providerAccount('北京名称云有限公司');
    expect(() => createApiKey(p.id, { label: '  ' })).toThrow('请检查填写的信息');
  });
});
