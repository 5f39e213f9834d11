import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { dataCodes, providerAccounts, providerDirectory } from '@/db/schema';
import { createUser } from '@/lib/users/service';
import { hmacPii } from '@/lib/pii/crypto';
import { usccWithCheck } from '@/lib/test/fixtures';
import { isAppError } from '@/lib/errors';
import { CODE_VALID_MS } from './code';
import { codeHmacOf, issueDataCode, NOT_LINKED, openDataCode } from './service';

const input = {
  subject: { nature: '单位', name: '北京星河科技有限公司', certType: '统一社会信用代码证', certNumber: usccWithCheck('91110105MA01C8K2X'), principalName: '李华', principalPhone: '13912340001' },
  websites: [
    { name: '星河官网', domain: 'www.xinghe-tech.cn', ip: '120.92.10.8', accessMethod: '云服务器' },
    { name: '星河商城', domain: 'shop.xinghe-tech.cn', ip: '120.92.10.9', accessMethod: '云服务器' },
  ],
};

async function provider(phone: string, linkTo?: string) {
  const { id } = await createUser({ role: 'provider', name: '刘洋', phone, password: 'Secret#2026' });
  if (linkTo) {
    const d = getDb().insert(providerDirectory).values({ kind: '接入服务商', name: linkTo, scope: '境内', regionCode: '110000', createdAt: 1 }).returning().get();
    getDb().insert(providerAccounts).values({ userId: id, directoryId: d.id, linkedAt: 1 }).run();
    return { id, directoryId: d.id };
  }
  return { id, directoryId: 0 };
}

describe('签发数据码', () => {
  it('is refused to a provider account linked to no provider', async () => {
    const p = await provider('13771100001');
    const e = (() => {
      try {
        issueDataCode(p.id, input);
      } catch (err) {
        return err;
      }
    })();
    expect(isAppError(e) && e.code === 'forbidden' && e.message === NOT_LINKED).toBe(true);
  });

  it('stores the code encrypted, found by HMAC, valid 90 days, matching the principal phone and 证件号码', async () => {
    const p = await provider('13771100002', '北京云端数据科技有限公司');
    const now = 1_800_000_000_000;
    const issued = issueDataCode(p.id, input, { now });
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{16}$/);
    expect(issued.display).toBe(issued.code.match(/.{4}/g)!.join('-'));
    expect(issued.expiresAt).toBe(now + CODE_VALID_MS);
    const row = getDb().select().from(dataCodes).where(eq(dataCodes.codeHmac, codeHmacOf(issued.code))).get()!;
    expect(row.codeEnc).not.toContain(issued.code);
    expect(JSON.stringify(row.payload)).not.toContain('13912340001');
    expect(JSON.stringify(row.payload)).not.toContain(input.subject.certNumber);
    expect(row).toMatchObject({ providerName: '北京云端数据科技有限公司', subjectName: '北京星河科技有限公司', websiteCount: 2, phoneHmac: hmacPii('13912340001'), idHmac: hmacPii(input.subject.certNumber) });
    expect(openDataCode(row.payload)).toMatchObject({ subject: { certNumber: input.subject.certNumber, principalPhone: '13912340001' }, websites: input.websites });
  });

  it('answers field errors by path and writes nothing', async () => {
    const p = await provider('13771100003', '北京云端数据二号有限公司');
    const before = getDb().select().from(dataCodes).all().length;
    let fields: Record<string, string> | undefined;
    try {
      issueDataCode(p.id, { ...input, websites: [{ ...input.websites[0], domain: '' }] });
    } catch (err) {
      fields = isAppError(err) ? err.fieldErrors : undefined;
    }
    expect(fields).toEqual({ 'websites.0.domain': '请填写域名' });
    expect(getDb().select().from(dataCodes).all().length).toBe(before);
  });

  it('stops when the directory entry is cancelled', async () => {
    const p = await provider('13771100004', '北京云端数据三号有限公司');
    getDb().update(providerDirectory).set({ cancelledAt: 5 }).where(eq(providerDirectory.id, p.directoryId)).run();
    expect(() => issueDataCode(p.id, input)).toThrow(NOT_LINKED);
  });
});
