import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, drafts, subjects, websiteDomains, websiteIpRanges, websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput, uploadPng, idWithCheck } from '@/lib/test/fixtures';
import { submitNewSubject } from '@/lib/subjects/service';
import { saveDraft } from '@/lib/drafts/service';
import { decryptPii } from '@/lib/pii/crypto';
import { maskIdNumber } from '@/lib/pii/mask';
import { submitNewWebsite, type StoredWebsite } from './service';
import type { WebsiteInput } from './schemas';
import { draftPayload, restoreWizardDraft, toWebsiteInput, toWizardValues, wizardValuesFromWebsite } from '@/lib/websites/form-values';
import { bindIdentityToken } from '@/lib/identity/verifier';
import { previewWebsiteChange, submitWebsiteChange, applyApprovedWebsiteChange, endWebsiteChange, loadWebsiteForChange, latestWebsiteChangeDraft } from './change';

beforeAll(() => {
  seedUnits();
});

let seq = 0;
type Input = Awaited<ReturnType<typeof websiteInput>>;

/** A website through the real 新办网站 submission, then approved and numbered as review will. */
async function filedWebsite(over: { domain?: string; input?: (userId: number) => Promise<Input> } = {}) {
  const u = await makeApplicant();
  const subj = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  const input = over.input ? await over.input(u.id) : await websiteInput(u.id, { domain: over.domain ?? `change-test${++seq}.cn` });
  const r = submitNewWebsite(u.id, subj.subjectId, input);
  const digits = `11010502${String(900000 + ++seq).padStart(6, '0')}`;
  const db = getDb();
  db.update(subjects).set({ status: '有效' }).where(eq(subjects.id, subj.subjectId)).run();
  db.update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.subjectId, subj.subjectId)).run();
  db.update(websites)
    .set({ status: '已备案', filingDigits: digits, filingNumber: `京公网安备${digits}号`, filedAt: Date.now() })
    .where(eq(websites.id, r.websiteId))
    .run();
  return { user: u, subjectId: subj.subjectId, websiteId: r.websiteId, input, filingNumber: `京公网安备${digits}号` };
}

const site = (id: number) => getDb().select().from(websites).where(eq(websites.id, id)).get()!;
const appRow = (id: number) => getDb().select().from(applications).where(eq(applications.id, id)).get()!;

function changed(input: Input, basic: Partial<WebsiteInput['basic']>): Input {
  return { ...input, basic: { ...input.basic, ...basic } } as Input;
}

describe('变更网站', () => {
  it('submits a change of name and IP: website 变更中, a 变更网站 application, the filing number untouched', async () => {
    const f = await filedWebsite();
    const next = changed(f.input, { name: '张伟摄影作品展', ipRanges: [{ start: '47.93.12.20', end: '47.93.12.21' }] });

    const rows = previewWebsiteChange(f.user.id, f.websiteId, next);
    expect(rows).toEqual([
      { field: 'basic.name', label: '网站名称', before: '张伟摄影作品集', after: '张伟摄影作品展' },
      { field: 'basic.ipRanges', label: '服务器IP地址', before: '47.93.12.8', after: '47.93.12.20 – 47.93.12.21' },
    ]);
    expect(site(f.websiteId).status).toBe('已备案'); // a preview stores nothing

    const draftId = saveDraft(f.user.id, '变更网站', { basic: next.basic }, { subjectId: f.subjectId, websiteId: f.websiteId });
    expect(latestWebsiteChangeDraft(f.user.id, f.websiteId)?.id).toBe(draftId);
    const r = submitWebsiteChange(f.user.id, f.websiteId, { data: next, draftId });

    const w = site(f.websiteId);
    expect(w).toMatchObject({ status: '变更中', name: '张伟摄影作品集', filingNumber: f.filingNumber });
    const subjectUnit = getDb().select({ unitId: subjects.unitId }).from(subjects).where(eq(subjects.id, f.subjectId)).get()!.unitId;
    const app = appRow(r.applicationId);
    expect(app).toMatchObject({ type: '变更网站', status: '待审核', queued: true, websiteId: f.websiteId, subjectId: f.subjectId, unitId: subjectUnit });
    expect((app.payload as { website: StoredWebsite }).website.basic.name).toBe('张伟摄影作品展');
    expect((app.previous as { website: StoredWebsite }).website.basic.name).toBe('张伟摄影作品集');
    // Contact PII stays sealed in the snapshots.
    expect(JSON.stringify(app.payload)).not.toContain('13912345678');
    expect(getDb().select().from(drafts).where(eq(drafts.id, draftId)).get()).toBeUndefined();
  });

  it('refuses a second change while one is pending, and a change while the subject has one pending', async () => {
    const f = await filedWebsite();
    submitWebsiteChange(f.user.id, f.websiteId, { data: changed(f.input, { name: '张伟摄影作品展' }) });
    expect(() => previewWebsiteChange(f.user.id, f.websiteId, changed(f.input, { name: '张伟摄影小站' }))).toThrow('存在审核中的单据');
    expect(() => submitWebsiteChange(f.user.id, f.websiteId, { data: changed(f.input, { name: '张伟摄影小站' }) })).toThrow('存在审核中的单据');
    expect(() => loadWebsiteForChange(f.user.id, f.websiteId)).toThrow('存在审核中的单据');

    const g = await filedWebsite();
    getDb()
      .insert(applications)
      .values({ code: `T${Date.now()}${++seq}`, type: '变更主体', status: '待审核', applicantId: g.user.id, subjectId: g.subjectId, payload: {}, submittedAt: Date.now() })
      .run();
    expect(() => previewWebsiteChange(g.user.id, g.websiteId, changed(g.input, { name: '张伟摄影作品展' }))).toThrow('存在审核中的单据');
  });

  it('refuses a change that changes nothing', async () => {
    const f = await filedWebsite();
    expect(() => previewWebsiteChange(f.user.id, f.websiteId, f.input)).toThrow('您未修改任何信息');
    expect(() => submitWebsiteChange(f.user.id, f.websiteId, { data: f.input })).toThrow('您未修改任何信息');
    expect(site(f.websiteId).status).toBe('已备案');
  });

  it('checks the change as a new filing would: naming rules, public IPs, another filing’s domain', async () => {
    const f = await filedWebsite();
    await filedWebsite({ domain: 'someone-else-change.cn' });
    const err = (input: Input) => {
      try {
        previewWebsiteChange(f.user.id, f.websiteId, input);
      } catch (e) {
        return (e as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
      }
      throw new Error('not refused');
    };
    expect(err(changed(f.input, { name: '张伟维权论坛' }))['basic.name']).toMatch(/个人网站/);
    expect(err(changed(f.input, { ipRanges: [{ start: '10.0.0.1', end: '10.0.0.1' }] }))['basic.ipRanges.0.start']).toBe('请填写公网IP');
    const domains = [...f.input.basic.domains, { domain: 'www.someone-else-change.cn', primary: false }];
    const cert = await uploadPng(f.user.id);
    const certs = { ...f.input.basic.domainCertificates, 'someone-else-change.cn': cert.id };
    expect(err(changed(f.input, { domains, domainCertificates: certs }))['basic.domains.1.domain']).toBe(
      '域名 www.someone-else-change.cn 已备案或正在办理，请勿重复申请',
    );
  });

  it('applies an approved change: new name, domains and IPs, 已备案 again with the same number', async () => {
    const f = await filedWebsite();
    const cert = await uploadPng(f.user.id, '域名证书2.png');
    const next = changed(f.input, {
      name: '张伟摄影作品展',
      domains: [{ domain: 'www.zw-photo-show.cn', primary: true }],
      domainCertificates: { 'zw-photo-show.cn': cert.id },
      ipRanges: [{ start: '47.93.12.20', end: '47.93.12.21' }],
      hasIcp: '否',
    });
    const rows = previewWebsiteChange(f.user.id, f.websiteId, next);
    expect(rows.map((r) => r.label)).toEqual(['网站名称', '工信部备案号', '网站域名', '域名证书', '服务器IP地址']);
    expect(rows.find((r) => r.label === '工信部备案号')).toMatchObject({ before: '京ICP备12345678号-1', after: '无' });
    const r = submitWebsiteChange(f.user.id, f.websiteId, { data: next });

    getDb().transaction((tx) => {
      applyApprovedWebsiteChange(tx, r.applicationId);
      tx.update(applications).set({ status: '通过', decidedAt: Date.now() }).where(eq(applications.id, r.applicationId)).run();
    });
    const w = site(f.websiteId);
    expect(w).toMatchObject({ status: '已备案', name: '张伟摄影作品展', icpNumber: null, filingNumber: f.filingNumber });
    expect((w.data as unknown as StoredWebsite).basic.name).toBe('张伟摄影作品展');
    expect(getDb().select().from(websiteDomains).where(eq(websiteDomains.websiteId, f.websiteId)).all()).toEqual([
      expect.objectContaining({ unicode: 'www.zw-photo-show.cn', registrable: 'zw-photo-show.cn', isPrimary: true }),
    ]);
    expect(getDb().select().from(websiteIpRanges).where(eq(websiteIpRanges.websiteId, f.websiteId)).all()).toEqual([
      expect.objectContaining({ startIp: '47.93.12.20', endIp: '47.93.12.21', family: 4 }),
    ]);
    // Decided: the website can be changed again.
    expect(loadWebsiteForChange(f.user.id, f.websiteId).name).toBe('张伟摄影作品展');
  });

  it('a returned or revoked change leaves the website 已备案 with its old data', async () => {
    const f = await filedWebsite();
    const r = submitWebsiteChange(f.user.id, f.websiteId, { data: changed(f.input, { name: '张伟摄影作品展' }) });
    getDb().transaction((tx) => endWebsiteChange(tx, r.applicationId));
    expect(site(f.websiteId)).toMatchObject({ status: '已备案', name: '张伟摄影作品集', filingNumber: f.filingNumber });
  });

  it('keeps a self-filled contact’s registered 证件号码 and 手机号码 when left empty', async () => {
    const selfFilled = async (userId: number) => {
      const base = await websiteInput(userId, { domain: `self-contact${++seq}.cn` });
      const [a, b, c] = [await uploadPng(userId), await uploadPng(userId), await uploadPng(userId)];
      const contact = {
        mode: '自主填写' as const,
        name: '李娜',
        idType: '居民身份证' as const,
        idNumber: idWithCheck('11010519880808002'),
        idExpiry: '9999-12-31',
        phone: '13712345678',
        email: 'lina@example.com',
        authMethod: '文件认证' as const,
        frontFileId: a.id,
        backFileId: b.id,
        handheldFileId: c.id,
      };
      return { ...base, contacts: { ...base.contacts, securityOwner: contact } } as unknown as Input;
    };
    const f = await filedWebsite({ input: selfFilled });
    const view = loadWebsiteForChange(f.user.id, f.websiteId);
    expect(view.registered.securityOwner).toEqual({ name: '李娜', idType: '居民身份证', idNumberMasked: maskIdNumber(idWithCheck('11010519880808002')), phoneMasked: '137****5678' });
    expect(view.registered.emergencyContact).toBeNull();
    expect(JSON.stringify(view)).not.toContain('13712345678');

    // Pre-filled with empty numbers, sent back as is: nothing changed.
    const values = wizardValuesFromWebsite(view.data);
    expect(values.contacts.securityOwner).toMatchObject({ mode: '自主填写', name: '李娜', idNumber: '', phone: '', idExpiry: '9999-12-31' });
    expect(() => previewWebsiteChange(f.user.id, f.websiteId, toWebsiteInput({ ...values, notice: { agree: true } }))).toThrow('您未修改任何信息');

    const so = (f.input.contacts as unknown as { securityOwner: Record<string, unknown> }).securityOwner;
    const keep = { ...f.input, contacts: { ...f.input.contacts, securityOwner: { ...so, idNumber: '', phone: '', email: 'li.na@example.com' } } } as unknown as Input;
    expect(previewWebsiteChange(f.user.id, f.websiteId, keep)).toEqual([
      { field: 'contacts.securityOwner.email', label: '网站安全负责人电子邮件地址', before: 'lina@example.com', after: 'li.na@example.com' },
    ]);
    const r = submitWebsiteChange(f.user.id, f.websiteId, { data: keep });
    const sealed = (appRow(r.applicationId).payload as { website: StoredWebsite }).website.contacts.securityOwner;
    expect(decryptPii(sealed.phone.enc)).toBe('13712345678');

    // Another person cannot inherit them.
    const g = await filedWebsite({ input: selfFilled });
    const so2 = (g.input.contacts as unknown as { securityOwner: Record<string, unknown> }).securityOwner;
    const other = { ...g.input, contacts: { ...g.input.contacts, securityOwner: { ...so2, name: '王芳', idNumber: '', phone: '' } } } as unknown as Input;
    try {
      previewWebsiteChange(g.user.id, g.websiteId, other);
      expect.unreachable();
    } catch (e) {
      expect(Object.keys((e as { fieldErrors: Record<string, string> }).fieldErrors)).toEqual(
        expect.arrayContaining(['contacts.securityOwner.idNumber', 'contacts.securityOwner.phone']),
      );
    }
  });

  it('the wizard pre-filled from the website and sent back unchanged is “nothing changed”', async () => {
    const f = await filedWebsite();
    const values = wizardValuesFromWebsite(loadWebsiteForChange(f.user.id, f.websiteId).data);
    expect(values.basic).toMatchObject({ name: '张伟摄影作品集', hasIcp: '是', ipRanges: [{ start: '47.93.12.8', end: '47.93.12.8' }] });
    expect(values.contacts.securityOwner.mode).toBe('同主体负责人信息');
    const input = toWebsiteInput({ ...values, notice: { agree: true } });
    expect(() => previewWebsiteChange(f.user.id, f.websiteId, input)).toThrow('您未修改任何信息');
    const renamed = toWebsiteInput({ ...values, basic: { ...values.basic, name: '张伟摄影作品展' }, notice: { agree: true } });
    expect(previewWebsiteChange(f.user.id, f.websiteId, renamed).map((r) => r.label)).toEqual(['网站名称']);
  });

  describe('a national-identity contact', () => {
    const NATIONAL = '国家网络身份认证公共服务认证' as const;
    const person = { name: '李娜', idType: '居民身份证' as const, idNumber: idWithCheck('11010519880808002') };
    const EXPIRED = '国家网络身份认证已失效，请重新认证';

    const national = async (userId: number) => {
      const base = await websiteInput(userId, { domain: `national-contact${++seq}.cn` });
      const contact = { mode: '自主填写' as const, ...person, idExpiry: '9999-12-31', phone: '13712345678', authMethod: NATIONAL, identityToken: bindIdentityToken(person, 'sandbox:abc') };
      return { ...base, contacts: { ...base.contacts, securityOwner: contact } } as unknown as Input;
    };
    type C = Record<string, unknown>;
    const withOwner = (input: Input, over: C) => {
      const so = (input.contacts as unknown as { securityOwner: C }).securityOwner;
      return { ...input, contacts: { ...input.contacts, securityOwner: { ...so, ...over } } } as unknown as Input;
    };
    const fieldErrors = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { fieldErrors?: Record<string, string> }).fieldErrors ?? {};
      }
      throw new Error('not refused');
    };

    it('left unchanged (证件号码 kept from the registered one) keeps its pass', async () => {
      const f = await filedWebsite({ input: national });
      // 证件号码 / 手机号码 left empty: the server restores them before checking the pass.
      const kept = withOwner(changed(f.input, { name: '张伟摄影作品展' }), { idNumber: '', phone: '' });
      expect(previewWebsiteChange(f.user.id, f.websiteId, kept).map((r) => r.label)).toEqual(['网站名称']);
      const r = submitWebsiteChange(f.user.id, f.websiteId, { data: kept });
      const so = (appRow(r.applicationId).payload as { website: StoredWebsite }).website.contacts.securityOwner;
      expect(so).toMatchObject({ authMethod: NATIONAL, frontFileId: null, backFileId: null, handheldFileId: null });
      expect(decryptPii(so.idNumber.enc)).toBe(person.idNumber);
    });

    it('the wizard pre-filled from the website carries the pass; drafts never do', async () => {
      const f = await filedWebsite({ input: national });
      const view = loadWebsiteForChange(f.user.id, f.websiteId);
      const values = wizardValuesFromWebsite(view.data);
      const token = (f.input.contacts as unknown as { securityOwner: C }).securityOwner.identityToken;
      expect(values.contacts.securityOwner).toMatchObject({ mode: '自主填写', authMethod: NATIONAL, idNumber: '', phone: '', identityToken: token });
      expect(() => previewWebsiteChange(f.user.id, f.websiteId, toWebsiteInput({ ...values, notice: { agree: true } }))).toThrow('您未修改任何信息');

      const draft = draftPayload(values, 3);
      expect(JSON.stringify(draft)).not.toContain(String(token));
      expect((draft.contacts as { securityOwner: C }).securityOwner).not.toHaveProperty('identityToken');
      // Even a draft (or a forged one) holding a pass is restored without it.
      const forged = { ...draft, contacts: { securityOwner: { ...values.contacts.securityOwner } } };
      expect(toWizardValues(forged).contacts.securityOwner).toMatchObject({ authMethod: NATIONAL, identityToken: '' });
      expect(restoreWizardDraft({ id: 1, savedAt: 0, data: forged }).values.contacts.securityOwner.identityToken).toBe('');
    });

    it('shows a switch of 认证方式 in the comparison, never the pass', async () => {
      const f = await filedWebsite({ input: national });
      const [a, b, c] = [await uploadPng(f.user.id), await uploadPng(f.user.id), await uploadPng(f.user.id)];
      const toFiles = withOwner(f.input, { idNumber: '', phone: '', authMethod: '文件认证', frontFileId: a.id, backFileId: b.id, handheldFileId: c.id });
      const rows = previewWebsiteChange(f.user.id, f.websiteId, toFiles);
      expect(rows).toEqual([
        { field: 'contacts.securityOwner.authMethod', label: '网站安全负责人认证方式', before: NATIONAL, after: '文件认证' },
        { field: 'contacts.securityOwner.frontFileId', label: '网站安全负责人证件正面', before: '', after: `已上传（文件 ${a.id}）` },
        { field: 'contacts.securityOwner.backFileId', label: '网站安全负责人证件反面', before: '', after: `已上传（文件 ${b.id}）` },
        { field: 'contacts.securityOwner.handheldFileId', label: '网站安全负责人证件手持', before: '', after: `已上传（文件 ${c.id}）` },
      ]);
      expect(JSON.stringify(rows)).not.toContain('sandbox:');
      const r = submitWebsiteChange(f.user.id, f.websiteId, { data: toFiles });
      const so = (appRow(r.applicationId).payload as { website: StoredWebsite }).website.contacts.securityOwner;
      expect(so).toMatchObject({ authMethod: '文件认证', identityToken: '', frontFileId: a.id });

      // A new pass for the same person is no change on its own.
      const g = await filedWebsite({ input: national });
      const again = withOwner(g.input, { idNumber: '', phone: '', identityToken: bindIdentityToken(person, 'sandbox:def') });
      expect(() => previewWebsiteChange(g.user.id, g.websiteId, again)).toThrow('您未修改任何信息');
    });

    it('refuses the kept pass once the 证件号码 changes, and a made-up or someone else’s pass', async () => {
      const f = await filedWebsite({ input: national });
      const otherNumber = withOwner(f.input, { idNumber: idWithCheck('11010519900101123'), phone: '' });
      expect(fieldErrors(() => previewWebsiteChange(f.user.id, f.websiteId, otherNumber))).toEqual({ 'contacts.securityOwner.identityToken': EXPIRED });
      for (const identityToken of ['sandbox:made-up', bindIdentityToken({ ...person, name: '王芳' }, 'sandbox:abc')]) {
        const input = withOwner(changed(f.input, { name: '张伟摄影作品展' }), { idNumber: '', phone: '', identityToken });
        expect(() => submitWebsiteChange(f.user.id, f.websiteId, { data: input })).toThrow(EXPIRED);
      }
      const passport = withOwner(f.input, { idType: '护照', idNumber: 'E12345678', phone: '13712345678' });
      expect(fieldErrors(() => previewWebsiteChange(f.user.id, f.websiteId, passport))['contacts.securityOwner.authMethod']).toBe('国家网络身份认证仅支持居民身份证，其他证件请选择文件认证');
      expect(site(f.websiteId).status).toBe('已备案');
    });
  });

  it('refuses another user’s website and a website that is not 已备案', async () => {
    const f = await filedWebsite();
    const stranger = await makeApplicant('陈静');
    expect(() => previewWebsiteChange(stranger.id, f.websiteId, changed(f.input, { name: '张伟摄影作品展' }))).toThrow('网站不存在');
    expect(() => submitWebsiteChange(stranger.id, f.websiteId, { data: changed(f.input, { name: '张伟摄影作品展' }) })).toThrow('网站不存在');
    expect(() => loadWebsiteForChange(stranger.id, f.websiteId)).toThrow('网站不存在');

    getDb().update(websites).set({ status: '已注销' }).where(eq(websites.id, f.websiteId)).run();
    expect(() => previewWebsiteChange(f.user.id, f.websiteId, changed(f.input, { name: '张伟摄影作品展' }))).toThrow('网站当前状态为“已注销”，不能变更网站');
  });
});
