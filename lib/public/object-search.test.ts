import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { filings } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, orgSubjectInput, appInput, miniProgramInput, websiteInput, appStoreInput, serviceProviderInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { submitNewFiling } from '@/lib/filings/service';
import { decideApplication } from '@/lib/review/service';
import { OBJECT_SEARCH_MESSAGES, searchObjectFilings, type ObjectSearchOutcome } from './object-search';
import { getPublicObjectFiling } from './object-filings';

let admin: { id: number; role: 'admin'; unitId: null; phoneVerified: true };
const filed: Record<string, { filingId: number; digits: string; filingNumber: string }> = {};

function names(r: ObjectSearchOutcome): string[] {
  if (!r.ok) throw new Error(r.message);
  return r.items.map((i) => i.name);
}

/** Files an APP or 小程序 (and its new subject) end to end: submitted, then approved by a reviewer. */
async function fileObject(kind: 'APP' | '小程序' | '应用市场' | '服务商', name: string, over: { packageName?: string; appId?: string; org?: boolean; domain?: string; licence?: string } = {}) {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: over.org ? await orgSubjectInput(u.id) : await personSubjectInput(u.id) });
  const input =
    kind === 'APP'
      ? await appInput(u.id, { name, packageName: over.packageName })
      : kind === '小程序'
        ? await miniProgramInput(u.id, { name, appId: over.appId })
        : kind === '应用市场'
          ? await appStoreInput(u.id, { name, domain: over.domain })
          : await serviceProviderInput(u.id, { name, licenceNumber: over.licence });
  const f = submitNewFiling(u.id, s.subjectId, kind, input);
  decideApplication(admin, s.applicationId, { decision: '通过' });
  const { filingNumber } = decideApplication(admin, f.applicationId, { decision: '通过' });
  filed[name] = { filingId: f.filingId, digits: filingNumber!.slice(5, 19), filingNumber: filingNumber! };
}

beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770007777', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  await fileObject('APP', '张伟摄影助手', { packageName: 'cn.Zhangwei.Photo' });
  await fileObject('APP', '张伟修图', { packageName: 'cn.zhangwei.retouch' });
  await fileObject('APP', '云帆Cloud办公', { packageName: 'com.yunfan.office', org: true });
  await fileObject('小程序', '张伟摄影预约', { appId: 'wx00000000000abc01' });
  await fileObject('应用市场', '张伟应用商店', { domain: 'zhangwei-store.cn', org: true });
  await fileObject('服务商', '北京张伟云计算有限公司', { licence: '京B1-20190001', org: true });
  // A website of the same words: never in an APP or 小程序 search.
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name: '张伟摄影作品集', domain: 'zhangwei-photo.com.cn' }));
  // Submitted but not filed: never public.
  const p = await makeApplicant();
  const ps = submitNewSubject(p.id, { data: await personSubjectInput(p.id) });
  submitNewFiling(p.id, ps.subjectId, 'APP', await appInput(p.id, { name: '张伟待审相册', packageName: 'cn.zhangwei.pending' }));
});

describe('公共查询 APP / 小程序 by name', () => {
  it('finds 3+ characters through the kind’s trigram index, with the public fields and the person masked', () => {
    const r = searchObjectFilings('APP', 'name', '摄影助');
    expect(names(r)).toEqual(['张伟摄影助手']);
    expect(r.ok && r.total).toBe(1);
    const { digits, filingNumber } = filed['张伟摄影助手'];
    expect(r.ok && r.items[0]).toMatchObject({
      kind: 'APP',
      digits,
      filingNumber,
      platforms: '安卓、iOS',
      idents: [
        { platform: '安卓', ident: 'cn.Zhangwei.Photo' },
        { platform: 'iOS', ident: 'cn.Zhangwei.Photo' },
      ],
      subjectName: '张*',
      unitName: '朝阳分局网安大队',
      status: '已备案',
      hasIcon: true,
    });
    expect(names(searchObjectFilings('小程序', 'name', '摄影预约'))).toEqual(['张伟摄影预约']);
  });

  it('finds 1- and 2-character names with their totals, newest first, never an unfiled one', () => {
    const two = searchObjectFilings('APP', 'name', '张伟');
    expect(names(two)).toEqual(['张伟修图', '张伟摄影助手']);
    expect(two.ok && two.total).toBe(2);
    const one = searchObjectFilings('APP', 'name', '图');
    expect(names(one)).toEqual(['张伟修图']);
    expect(one.ok && one.total).toBe(1);
    expect(names(searchObjectFilings('APP', 'name', '待审'))).toEqual([]);
    expect(names(searchObjectFilings('APP', 'name', '相'))).toEqual([]);
  });

  it('keeps kinds apart: an APP search never returns a 小程序 or a website, and the other way round', () => {
    for (const q of ['摄', '摄影', '张伟摄影', '张伟摄影预约']) {
      expect(names(searchObjectFilings('APP', 'name', q)), q).not.toContain('张伟摄影预约');
      expect(names(searchObjectFilings('小程序', 'name', q)), q).toEqual(['张伟摄影预约']);
    }
    expect(names(searchObjectFilings('APP', 'name', '作品集'))).toEqual([]);
    expect(names(searchObjectFilings('小程序', 'name', '修图'))).toEqual([]);
  });

  it('matches Latin letters case-insensitively and treats FTS operators as text', () => {
    expect(names(searchObjectFilings('APP', 'name', 'cloud'))).toEqual(['云帆Cloud办公']);
    expect(names(searchObjectFilings('APP', 'name', 'ＣＬ'))).toEqual(['云帆Cloud办公']);
    expect(names(searchObjectFilings('APP', 'name', '"张伟" OR 云帆'))).toEqual([]);
    // An organisation's name is not masked.
    const r = searchObjectFilings('APP', 'name', '云帆');
    expect(r.ok && r.items[0].subjectName).not.toContain('*');
  });

  it('pages 10 at a time with the total, by 2 and by 3+ characters', () => {
    const source = getDb().select().from(filings).where(eq(filings.id, filed['张伟修图'].filingId)).get()!;
    const now = Date.now();
    for (let i = 0; i < 12; i++) {
      const { id: _id, ...row } = source;
      void _id;
      getDb()
        .insert(filings)
        .values({ ...row, name: `星河工具箱${i}`, filingDigits: `11010503${String(900000 + i)}`, filingNumber: `京公网安备11010503${900000 + i}号`, createdAt: now, updatedAt: now })
        .run();
    }
    for (const q of ['星河', '河工具']) {
      const p1 = searchObjectFilings('APP', 'name', q);
      expect(p1.ok && [p1.total, p1.pageCount, p1.items.length], q).toEqual([12, 2, 10]);
      expect(names(p1)[0], q).toBe('星河工具箱11');
      const p2 = searchObjectFilings('APP', 'name', q, 2);
      expect(names(p2), q).toEqual(['星河工具箱1', '星河工具箱0']);
    }
  });

  it('follows a rename, and still finds a cancelled filing, shown as 已注销 without an icon', () => {
    const { filingId, digits } = filed['张伟修图'];
    getDb().update(filings).set({ name: '张伟美颜相机' }).where(eq(filings.id, filingId)).run();
    expect(names(searchObjectFilings('APP', 'name', '修图'))).toEqual([]);
    expect(names(searchObjectFilings('APP', 'name', '图'))).toEqual([]);
    expect(names(searchObjectFilings('APP', 'name', '美颜相机'))).toEqual(['张伟美颜相机']);
    expect(names(searchObjectFilings('APP', 'name', '颜'))).toEqual(['张伟美颜相机']);
    getDb().update(filings).set({ status: '已注销' }).where(eq(filings.id, filingId)).run();
    const r = searchObjectFilings('APP', 'name', '美颜');
    expect(r.ok && r.items.map((i) => [i.name, i.status, i.hasIcon])).toEqual([['张伟美颜相机', '已注销', false]]);
    expect(getPublicObjectFiling(digits)).toMatchObject({ status: '已注销', hasIcon: false });
    const byCode = searchObjectFilings('APP', 'code', digits);
    expect(byCode.ok && byCode.items[0].status).toBe('已注销');
    getDb().update(filings).set({ name: '张伟修图', status: '已备案' }).where(eq(filings.id, filingId)).run();
  });
});

describe('公共查询 APP by 包名, 小程序 by 小程序ID, either by 联网备案号', () => {
  it('finds an APP by its 包名 exactly, in any case, and refuses what is not a 包名', () => {
    for (const q of ['cn.zhangwei.photo', 'CN.ZHANGWEI.PHOTO', ' cn.Zhangwei.Photo ']) expect(names(searchObjectFilings('APP', 'ident', q)), q).toEqual(['张伟摄影助手']);
    expect(names(searchObjectFilings('APP', 'ident', 'cn.zhangwei'))).toEqual([]);
    expect(names(searchObjectFilings('APP', 'ident', 'cn.zhangwei.pending'))).toEqual([]);
    expect(searchObjectFilings('APP', 'ident', '张伟')).toMatchObject({ ok: false, message: OBJECT_SEARCH_MESSAGES.package });
  });

  it('finds a 小程序 by its 小程序ID in any case, and never an APP by it', () => {
    const r = searchObjectFilings('小程序', 'ident', 'WX00000000000ABC01');
    expect(names(r)).toEqual(['张伟摄影预约']);
    expect(r.ok && r.items[0]).toMatchObject({ platforms: '微信', idents: [{ platform: '微信', ident: 'wx00000000000abc01' }] });
    expect(names(searchObjectFilings('小程序', 'ident', 'cn.zhangwei.photo'))).toEqual([]);
    expect(searchObjectFilings('小程序', 'ident', '微信')).toMatchObject({ ok: false, message: OBJECT_SEARCH_MESSAGES.appId });
  });

  it('finds a number of its own kind only, with or without 公网安备 and 号', () => {
    const app = filed['张伟摄影助手'];
    expect(names(searchObjectFilings('APP', 'code', app.filingNumber))).toEqual(['张伟摄影助手']);
    expect(names(searchObjectFilings('APP', 'code', app.digits))).toEqual(['张伟摄影助手']);
    expect(names(searchObjectFilings('小程序', 'code', app.digits))).toEqual([]);
    expect(names(searchObjectFilings('小程序', 'code', filed['张伟摄影预约'].digits))).toEqual(['张伟摄影预约']);
    expect(searchObjectFilings('APP', 'code', '123')).toMatchObject({ ok: false, message: OBJECT_SEARCH_MESSAGES.code });
  });

  it('answers an empty, hidden-character or overlong query with a message, never a crash', () => {
    expect(searchObjectFilings('APP', 'name', ' \u0000 ')).toMatchObject({ ok: false, message: OBJECT_SEARCH_MESSAGES.empty });
    expect(searchObjectFilings('APP', 'name', '张\u0000伟')).toMatchObject({ ok: true });
    expect(searchObjectFilings('APP', 'name', '张'.repeat(101))).toMatchObject({ ok: false, message: OBJECT_SEARCH_MESSAGES.tooLong });
  });
});

describe('公共查询 应用市场 / 服务商', () => {
  it('finds an 应用市场 by name and by 网址 (any case, the 主域名 or without www), never as another kind', () => {
    expect(names(searchObjectFilings('应用市场', 'name', '应用商店'))).toEqual(['张伟应用商店']);
    expect(names(searchObjectFilings('应用市场', 'name', '张'))).toEqual(['张伟应用商店']);
    expect(names(searchObjectFilings('应用市场', 'ident', 'WWW.ZhangWei-Store.cn'))).toEqual(['张伟应用商店']);
    expect(names(searchObjectFilings('应用市场', 'ident', 'https://zhangwei-store.cn/apps'))).toEqual(['张伟应用商店']);
    expect(searchObjectFilings('应用市场', 'ident', 'not a domain')).toMatchObject({ ok: false, message: '请输入正确的网址，如 www.example.com' });
    expect(names(searchObjectFilings('APP', 'name', '应用商店'))).toEqual([]);
    const r = searchObjectFilings('应用市场', 'name', '应用商店');
    expect(r.ok && r.items[0]).toMatchObject({ kind: '应用市场', idents: [{ platform: '网址', ident: 'www.zhangwei-store.cn' }], platforms: '120个应用', status: '已备案' });
    expect(r.ok && r.items[0].filingNumber).toMatch(/^京公网安备\d{6}05\d{6}号$/);
  });

  it('finds a 服务商 by name and by 许可证编号 typed in lower case or full width', () => {
    expect(names(searchObjectFilings('服务商', 'name', '云计算'))).toEqual(['北京张伟云计算有限公司']);
    expect(names(searchObjectFilings('服务商', 'ident', '京ｂ１－20190001'))).toEqual(['北京张伟云计算有限公司']);
    expect(searchObjectFilings('服务商', 'ident', 'B1-2019')).toMatchObject({ ok: false, message: '请输入正确的增值电信业务经营许可证编号，如 B1-20180001 或 京B2-20201234' });
    const r = searchObjectFilings('服务商', 'name', '云计算');
    expect(r.ok && r.items[0]).toMatchObject({ kind: '服务商', subjectName: expect.any(String), platforms: '云服务、内容分发网络(CDN)', idents: [{ ident: '京B1-20190001' }] });
    expect(r.ok && r.items[0].filingNumber).toMatch(/^京公网安备\d{6}06\d{6}号$/);
    expect(getPublicObjectFiling(filed['北京张伟云计算有限公司'].digits)).toMatchObject({ name: '北京张伟云计算有限公司', hasIcon: false });
  });
});
