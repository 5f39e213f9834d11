/**
 * 绑定数据码 and what a bound code fills in (SPEC §8.1): matching through HMAC by the account's
 * phone or 证件号码 or the typed 负责人手机号/身份证号, one binding per code, expiry, 作废,
 * throttled wrong codes, the home pop-up, and the drafts of 创建主体 / 批量创建网站.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { dataCodes, drafts, providerAccounts, providerDirectory } from '@/db/schema';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { isAppError } from '@/lib/errors';
import { idWithCheck, makeApplicant, personSubjectInput, seedUnits, usccWithCheck } from '@/lib/test/fixtures';
import { CODE_VALID_MS } from './code';
import { issueDataCode } from './service';
import { BIND_MESSAGES, bindDataCode, boundCodeDetail, myBoundCodes, pendingDataCodeFor } from './bind';
import { createSubjectDraftFromCode, createWebsiteDraftsFromCode } from './drafts';
import { missingSubjectFields, missingWebsiteFields } from './missing';
import { restoreDraft } from '@/lib/subjects/form-values';
import { restoreWizardDraft } from '@/lib/websites/form-values';

let providerId = 0;
beforeAll(async () => {
  seedUnits();
  ({ id: providerId } = await createUser({ role: 'provider', name: '刘洋', phone: '13771200001', password: 'Secret#2026' }));
  const d = getDb().insert(providerDirectory).values({ kind: '接入服务商', name: '北京云端数据科技有限公司', scope: '境内', regionCode: '110000', createdAt: 1 }).returning().get();
  getDb().insert(providerAccounts).values({ userId: providerId, directoryId: d.id, linkedAt: 1 }).run();
});

const orgCode = (phone: string, now = Date.now()) =>
  issueDataCode(
    providerId,
    {
      subject: { nature: '单位', name: '北京星河科技有限公司', certType: '统一社会信用代码证', certNumber: usccWithCheck('91110105MA01C8K2X'), principalName: '李华', principalPhone: phone },
      websites: [
        { name: '星河官网', domain: 'www.xinghe-tech.cn', ip: '120.92.10.8', accessMethod: '云服务器' },
        { name: '星河商城', domain: 'shop.xinghe-tech.cn', ip: '120.92.10.9', accessMethod: '虚拟主机' },
      ],
    },
    { now },
  );

const personCode = (idNumber: string, phone = '13912349999') =>
  issueDataCode(providerId, {
    subject: { nature: '个人', name: '陈静', certType: '居民身份证', certNumber: idNumber, principalName: '陈静', principalPhone: phone },
    websites: [{ name: '陈静的博客', domain: 'chenjing-blog.cn', ip: '120.92.10.20', accessMethod: '云服务器' }],
  });

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, fields: e.fieldErrors };
    throw e;
  }
  return null;
}

describe('绑定数据码', () => {
  it('binds a code whose 负责人手机号码 is the account’s phone, without typing anything else, and only once', async () => {
    const a = await makeApplicant();
    const b = await makeApplicant('王芳');
    const issued = orgCode(a.phone);
    expect(pendingDataCodeFor(a.id)).toMatchObject({ code: issued.display, subjectName: '北京星河科技有限公司' });
    const id = bindDataCode(a.id, { code: issued.display.toLowerCase() });
    expect(getDb().select().from(dataCodes).where(eq(dataCodes.id, id)).get()).toMatchObject({ boundUserId: a.id });
    expect(pendingDataCodeFor(a.id)).toBeNull();
    expect(bindDataCode(a.id, { code: issued.code })).toBe(id); // the owner again: the same binding
    expect(errorOf(() => bindDataCode(b.id, { code: issued.code, match: a.phone }))).toMatchObject({ message: BIND_MESSAGES.bound });
    expect(myBoundCodes(a.id).map((c) => c.id)).toEqual([id]);
    expect(myBoundCodes(b.id)).toEqual([]);
  });

  it('matches a person’s 证件号码 through its HMAC, and asks others for the 负责人手机号/身份证号', async () => {
    const a = await makeApplicant('陈静');
    const other = await makeApplicant('赵六');
    const issued = personCode(a.idNumber);
    expect(pendingDataCodeFor(a.id)?.code).toBe(issued.display);
    expect(pendingDataCodeFor(other.id)).toBeNull();
    expect(errorOf(() => bindDataCode(other.id, { code: issued.code }))).toMatchObject({ fields: { match: BIND_MESSAGES.matchRequired } });
    expect(errorOf(() => bindDataCode(other.id, { code: issued.code, match: '13900009999' }))).toMatchObject({ fields: { match: BIND_MESSAGES.mismatch } });
    // The 身份证号 typed in lower case x still matches.
    const typed = a.idNumber.replace('X', 'x');
    expect(bindDataCode(other.id, { code: issued.code, match: ` ${typed} ` })).toBeGreaterThan(0);
  });

  it('refuses expired and 作废 codes', async () => {
    const a = await makeApplicant();
    const old = orgCode(a.phone, Date.now() - CODE_VALID_MS - 1000);
    expect(errorOf(() => bindDataCode(a.id, { code: old.code }))).toMatchObject({ message: BIND_MESSAGES.expired });
    const revoked = orgCode(a.phone);
    getDb().update(dataCodes).set({ revokedAt: Date.now() }).where(eq(dataCodes.id, revoked.id)).run();
    expect(errorOf(() => bindDataCode(a.id, { code: revoked.code }))).toMatchObject({ message: BIND_MESSAGES.revoked });
    expect(pendingDataCodeFor(a.id)).toBeNull();
  });

  it('throttles wrong codes like logins: the fifth wrong one locks binding, even of a right code', async () => {
    const a = await makeApplicant();
    const good = orgCode(a.phone);
    const now = Date.now();
    for (let i = 0; i < 4; i++) expect(errorOf(() => bindDataCode(a.id, { code: 'ABCD-EFGH-JKMN-PQRS' }, now))).toMatchObject({ message: BIND_MESSAGES.unknown });
    expect(errorOf(() => bindDataCode(a.id, { code: '1234' }, now))?.message).toMatch(/错误次数过多/);
    expect(errorOf(() => bindDataCode(a.id, { code: good.code }, now + 60_000))).toMatchObject({ code: 'rate_limited' });
    expect(bindDataCode(a.id, { code: good.code }, now + 16 * 60_000)).toBe(good.id);
  });
});

describe('drafts from a bound code', () => {
  it('创建主体 fills the subject’s key data and says what is still missing', async () => {
    const a = await makeApplicant();
    const issued = orgCode(a.phone);
    bindDataCode(a.id, { code: issued.code });
    const draftId = createSubjectDraftFromCode(a.id, issued.id);
    const d = getDb().select().from(drafts).where(eq(drafts.id, draftId)).get()!;
    expect(d).toMatchObject({ userId: a.id, type: '新增主体' });
    const values = restoreDraft(d).values;
    expect(values).toMatchObject({ nature: '单位', orgName: '北京星河科技有限公司', orgCertType: '统一社会信用代码证', orgCertNumber: usccWithCheck('91110105MA01C8K2X'), principalName: '李华' });
    expect(JSON.stringify(d.data)).not.toContain(a.phone); // no phone in a draft
    const missing = missingSubjectFields(values);
    expect(missing).toEqual(expect.arrayContaining(['单位性质', '单位办公地址', '法定代表人姓名', '主办单位有效证件', '负责人证件号码', '负责人手机号码']));
    expect(missing).not.toContain('主办单位名称');
  });

  it('批量创建网站 makes one 新办网站 draft per website of the current subject, pre-filled', async () => {
    const a = await makeApplicant();
    const issued = orgCode(a.phone);
    bindDataCode(a.id, { code: issued.code });
    expect(errorOf(() => createWebsiteDraftsFromCode(a.id, issued.id, 'all'))?.message).toMatch(/请先创建主体/);
    submitNewSubject(a.id, { data: await personSubjectInput(a.id, { principalIdNumber: idWithCheck('11010519790101123') }) });
    const ids = createWebsiteDraftsFromCode(a.id, issued.id, 'all');
    expect(ids).toHaveLength(2);
    const rows = ids.map((id) => getDb().select().from(drafts).where(eq(drafts.id, id)).get()!);
    expect(rows.map((r) => r.type)).toEqual(['新办网站', '新办网站']);
    const v = rows.map((r) => restoreWizardDraft(r));
    expect(v.map((x) => x.values.basic.name)).toEqual(['星河官网', '星河商城']);
    expect(v[1]).toMatchObject({ step: 2, values: { basic: { domains: [{ domain: 'shop.xinghe-tech.cn', primary: true }], ipRanges: [{ start: '120.92.10.9', end: '120.92.10.9' }], accessScope: '境内', accessRegion: '', accessName: '北京云端数据科技有限公司', accessMethod: '虚拟主机' } } });
    expect(missingWebsiteFields(v[0].values)).toEqual(expect.arrayContaining(['网站开通日期', '域名证书', '网站安全负责人']));
    expect(missingWebsiteFields(v[0].values)).not.toContain('网站名称');
    // In the order of the page: 网站开通日期 comes before 域名证书, the contacts last.
    const m = missingWebsiteFields(v[0].values);
    expect(m.indexOf('网站开通日期')).toBeLessThan(m.indexOf('域名证书'));
    expect(m.slice(-2)).toEqual(['网站安全负责人', '网站应急联络人']);
    // 创建网站 of one website only
    expect(createWebsiteDraftsFromCode(a.id, issued.id, 1)).toHaveLength(1);
    expect(errorOf(() => createWebsiteDraftsFromCode(a.id, issued.id, 2))?.code).toBe('not_found');
  });

  it('shows a code’s 详情 only to the account it is bound to', async () => {
    const a = await makeApplicant();
    const b = await makeApplicant();
    const issued = orgCode(a.phone);
    bindDataCode(a.id, { code: issued.code });
    expect(boundCodeDetail(a.id, issued.id)).toMatchObject({ code: issued.display, providerName: '北京云端数据科技有限公司' });
    expect(errorOf(() => boundCodeDetail(b.id, issued.id))?.code).toBe('not_found');
    expect(errorOf(() => createSubjectDraftFromCode(b.id, issued.id))?.code).toBe('not_found');
  });
});
