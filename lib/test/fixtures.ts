/** Test fixtures: real rows through the real services (no mocks). */
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/lib/config/env';
import sharp from 'sharp';
import { createUser } from '@/lib/users/service';
import { createUnit } from '@/lib/units/service';
import { storeUpload } from '@/lib/files/service';
import type { SubjectInput } from '@/lib/subjects/schemas';
import type { Actor } from '@/lib/auth/policy';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, dataCodes, providerAccounts } from '@/db/schema';
import { createProvider } from '@/lib/providers/service';
import { linkProviderAccount } from '@/lib/service-providers/accounts';
import { codeHmacOf } from '@/lib/data-codes/service';

/** GB 11643 check character appended to a 17-digit body. */
export function idWithCheck(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

/** GB 32100 check character appended to a 17-character body. */
export function usccWithCheck(body17: string): string {
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + A.indexOf(c) * w[i], 0);
  return body17 + A[(31 - (sum % 31)) % 31];
}

let seq = 0;
export function seedUnits() {
  const office = createUnit({ name: '北京市公安局网安总队', code: '110000', isDefault: true }, null);
  const chaoyang = createUnit({ name: '朝阳分局网安大队', code: '110105' }, null);
  return { office, chaoyang };
}

export async function makeApplicant(name = '张伟') {
  seq++;
  const phone = `1390000${String(seq).padStart(4, '0')}`;
  const idNumber = idWithCheck(`11010519900101${String(seq).padStart(3, '0')}`);
  const { id } = await createUser({ role: 'applicant', name, phone, idType: '居民身份证', idNumber, email: `u${seq}@example.com`, password: 'Secret#2026' });
  return { id, phone, idNumber, name };
}

/** An applicant as services see the signed-in user. */
export function applicantActor(id: number, phoneVerified = false): Actor {
  return { id, role: 'applicant', unitId: null, phoneVerified };
}

export async function uploadPng(ownerId: number, name = '证件.png') {
  const bytes = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#246' } }).png().toBuffer();
  return storeUpload({ ownerId, kind: 'image', originalName: name, bytes });
}

/** A complete 个人 subject form with the three 文件认证 images uploaded by `ownerId`. */
export async function personSubjectInput(ownerId: number, over: Partial<SubjectInput> = {}): Promise<SubjectInput> {
  const [a, b, c] = [await uploadPng(ownerId, '人像面.png'), await uploadPng(ownerId, '国徽面.png'), await uploadPng(ownerId, '手持.png')];
  return {
    nature: '个人',
    principalName: '张伟',
    principalIdType: '居民身份证',
    principalIdNumber: idWithCheck('11010519850312003'),
    principalIdExpiry: '9999-12-31',
    principalRegion: '110105',
    principalAddress: '建国路88号院3号楼1201室',
    principalPhone: '13912345678',
    principalEmail: 'zw@example.com',
    authMethod: '文件认证',
    idFrontFileId: a.id,
    idBackFileId: b.id,
    idHandheldFileId: c.id,
    ...over,
  };
}

/** A complete 单位 (企业单位) subject form. */
export async function orgSubjectInput(ownerId: number, over: Partial<SubjectInput> = {}): Promise<SubjectInput> {
  const base = await personSubjectInput(ownerId);
  const license = await uploadPng(ownerId, '营业执照.png');
  return {
    ...base,
    nature: '单位',
    unitType: '企业单位',
    nationalLevel: '否',
    orgName: '北京云帆网络科技有限公司',
    orgCertType: '统一社会信用代码证',
    orgCertNumber: usccWithCheck('91110105MA01C8K2X'),
    orgCertFileId: license.id,
    legalRepName: '李强',
    officeRegion: '110108',
    officeAddress: '中关村南大街5号院2号楼801室',
    faceRecognition: '否',
    generativeAi: '否',
    officePhone: '010-62751234',
    ...over,
  };
}

/** A complete 新办网站 wizard submission for a subject owned by `ownerId`. */
export async function websiteInput(ownerId: number, over: { name?: string; domain?: string; interactive?: boolean } = {}) {
  const cert = await uploadPng(ownerId, '域名证书.png');
  const domain = over.domain ?? `site${++seq}.com.cn`;
  const registrable = domain.split('.').slice(-3).join('.');
  const self = { mode: '同主体负责人信息' as const };
  return {
    basic: {
      name: over.name ?? '张伟摄影作品集',
      hasIcp: '是' as const,
      icpNumber: '京ICP备12345678号-1',
      openDate: '2026-01-15',
      domains: [{ domain: `www.${domain}`, primary: true }],
      domainCertificates: { [registrable]: cert.id },
      ipRanges: [{ start: '47.93.12.8', end: '47.93.12.8' }],
      accessScope: '境内' as const,
      accessRegion: '330106',
      accessName: '阿里云计算有限公司',
      accessMethod: '云服务器' as const,
      registrarScope: '境内' as const,
      registrarRegion: '110108',
      registrarName: '北京新网数码信息技术有限公司',
      interactive: over.interactive ? ('是' as const) : ('否' as const),
      siteTypes: over.interactive ? (['D'] as 'D'[]) : [],
      controlled: '否' as const,
      controlledItems: [],
      permitsNeeded: '否' as const,
      permits: [],
      languages: ['中文简体' as const],
    },
    contacts: { securityOwner: self, emergencyContact: self },
    notice: { agree: true as const },
  };
}

/** The newest SMS verification code sent to `phone`, read from the outbox's sms.log. */
export function lastSmsCode(phone: string): string {
  const log = fs.readFileSync(path.join(dataDir(), 'outbox', 'sms.log'), 'utf8').trim().split('\n');
  const line = log.filter((l) => l.split('\t')[1] === phone).at(-1)!;
  return line.match(/验证码为 (\d{6})/)![1];
}

/** A complete 新增APP submission (安卓 + iOS, 3 screenshots, one SDK) with uploads of `ownerId`. */
export async function appInput(ownerId: number, over: { name?: string; packageName?: string; interactive?: boolean; platforms?: ('安卓' | 'iOS')[] } = {}) {
  const icon = await uploadPng(ownerId, '图标.png');
  const shots = [await uploadPng(ownerId, '截图1.png'), await uploadPng(ownerId, '截图2.png'), await uploadPng(ownerId, '截图3.png')];
  const pkg = over.packageName ?? `cn.example.app${++seq}`;
  const self = { mode: '同主体负责人信息' as const };
  const signatures = { 安卓: 'A4:0D:A8:0A:59:D1:70:CA:A9:50:CF:15:C1:8C:45:4D', iOS: '5e8f16062ea3cd2c4a0d547876baa6f38cabf625' };
  return {
    basic: {
      name: over.name ?? '张伟摄影助手',
      iconFileId: icon.id,
      hasIcp: '是' as const,
      icpNumber: '京ICP备12345678号-1A',
      platforms: (over.platforms ?? ['安卓', 'iOS']).map((platform) => ({ platform, packageName: pkg, signature: signatures[platform] })),
      downloads: [{ store: '华为应用市场', url: 'https://appgallery.huawei.com/app/C100000001' }],
      domains: [{ domain: 'api.example-app.cn' }],
      ipRanges: [{ start: '101.200.35.17', end: '101.200.35.17' }],
      accessScope: '境内' as const,
      accessRegion: '110108',
      accessName: '阿里云计算有限公司',
      interactive: over.interactive ? ('是' as const) : ('否' as const),
      siteTypes: over.interactive ? (['D'] as 'D'[]) : [],
      controlled: '否' as const,
      controlledItems: [],
      permitsNeeded: '否' as const,
      permits: [],
      languages: ['中文简体' as const],
      intro: '摄影作品展示与修图工具。',
      screenshotFileIds: shots.map((s) => s.id),
      userScale: '一万以下' as const,
      sdks: [{ name: '高德地图SDK', vendor: '高德软件有限公司', functionType: '地图定位' }],
    },
    contacts: { securityOwner: self, emergencyContact: self },
    notice: { agree: true as const },
  };
}

/** A complete 新增小程序 submission (微信) with uploads of `ownerId`. */
export async function miniProgramInput(ownerId: number, over: { name?: string; appId?: string; interactive?: boolean } = {}) {
  const icon = await uploadPng(ownerId, '图标.png');
  const shots = [await uploadPng(ownerId, '截图1.png'), await uploadPng(ownerId, '截图2.png'), await uploadPng(ownerId, '截图3.png')];
  const self = { mode: '同主体负责人信息' as const };
  return {
    basic: {
      name: over.name ?? '张伟摄影预约',
      iconFileId: icon.id,
      platform: '微信' as const,
      platformOther: '',
      appId: over.appId ?? `wx${(0x1000000000000000n + BigInt(++seq)).toString(16)}`,
      hasIcp: '是' as const,
      icpNumber: '京ICP备12345678号-2X',
      category: '生活服务',
      intro: '摄影预约与作品浏览。',
      screenshotFileIds: shots.map((s) => s.id),
      userScale: '一万以下' as const,
      interactive: over.interactive ? ('是' as const) : ('否' as const),
      siteTypes: over.interactive ? (['D'] as 'D'[]) : [],
      controlled: '否' as const,
      controlledItems: [],
      permitsNeeded: '否' as const,
      permits: [],
      languages: ['中文简体' as const],
    },
    contacts: { securityOwner: self, emergencyContact: self },
    notice: { agree: true as const },
  };
}

/** A complete 新增应用市场 submission (one 网址 with its certificate) with uploads of `ownerId`. */
export async function appStoreInput(ownerId: number, over: { name?: string; domain?: string; interactive?: boolean } = {}) {
  const cert = await uploadPng(ownerId, '域名证书.png');
  const domain = over.domain ?? `store${++seq}.cn`;
  const self = { mode: '同主体负责人信息' as const };
  return {
    basic: {
      name: over.name ?? '张伟应用商店',
      domains: [{ domain: `www.${domain}`, primary: true }],
      domainCertificates: { [domain]: cert.id },
      ipRanges: [{ start: '47.93.12.9', end: '47.93.12.9' }],
      accessScope: '境内' as const,
      accessRegion: '330106',
      accessName: '阿里云计算有限公司',
      appCount: '120',
      reviewMechanism: '上架前核验APP的公安联网备案编号。',
      interactive: over.interactive ? ('是' as const) : ('否' as const),
      siteTypes: over.interactive ? (['G'] as 'G'[]) : [],
      controlled: '否' as const,
      controlledItems: [],
      permitsNeeded: '否' as const,
      permits: [],
      languages: ['中文简体' as const],
    },
    contacts: { securityOwner: self, emergencyContact: self },
    notice: { agree: true as const },
  };
}

/** A complete 新增服务商 submission (云服务 + CDN, one 机房) with uploads of `ownerId`. */
export async function serviceProviderInput(
  ownerId: number,
  over: { name?: string; licenceNumber?: string; serviceTypes?: ('网络接入服务' | '互联网数据中心(IDC)' | '云服务' | '内容分发网络(CDN)' | '域名注册服务' | '其他')[] } = {},
) {
  const scan = await uploadPng(ownerId, '许可证.png');
  const self = { mode: '同主体负责人信息' as const };
  return {
    basic: {
      name: over.name ?? '北京云帆数据科技有限公司',
      serviceTypes: over.serviceTypes ?? ['云服务', '内容分发网络(CDN)'],
      licenceNumber: over.licenceNumber ?? `B1-2018${String(++seq).padStart(4, '0')}`,
      licenceFileId: scan.id,
      regions: ['110000'],
      rooms: [{ name: '亦庄一号机房', address: '北京市大兴区经海路1号', start: '101.200.0.0', end: '101.200.255.255' }],
    },
    contacts: { securityOwner: self, emergencyContact: self },
    notice: { agree: true as const },
  };
}

/** A provider account acting for a new 接入服务商 of the directory, as 关联服务商 leaves it. */
export function linkNewDirectoryProvider(userId: number, name: string) {
  const d = createProvider({ kind: '接入服务商', name, scope: '境内', regionCode: '110000' }, null);
  linkProviderAccount(userId, { directoryId: d.id }, null);
}

/** A link with no provider behind it any more: the account may not issue 数据码. */
export function dropProviderLink(userId: number) {
  getDb().update(providerAccounts).set({ directoryId: null }).where(eq(providerAccounts.userId, userId)).run();
}

// Rows read back as stored, for tests that check what the data must be.

export function applicationRow(id: number) {
  return getDb().select().from(applications).where(eq(applications.id, id)).get()!;
}

/** The stored 数据码 of a code as its provider got it (with or without dashes). */
export function dataCodeRow(code: string) {
  return getDb().select().from(dataCodes).where(eq(dataCodes.codeHmac, codeHmacOf(code.replaceAll('-', '')))).get()!;
}

export function dataCodeCount(): number {
  return getDb().select({ n: count() }).from(dataCodes).get()!.n;
}
