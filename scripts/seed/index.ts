/**
 * The demo database (SEED_DEMO=1, scripts/prepare.ts): units, providers and accounts
 * (./accounts.ts), filed websites and waiting work through the real services, and the home
 * page's notices (./notices.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, policeUnits, unitCoverage, providerDirectory, subjects, files, notifications, appMeta } from '@/db/schema';
import { createUser } from '@/lib/users/service';
import { beijingDistricts } from '@/lib/regions/regions';
import { storeUpload } from '@/lib/files/service';
import { subjectColumns } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { decideApplication } from '@/lib/review/service';
import type { SubjectData } from '@/lib/subjects/schemas';
import { OFFICE_NAME } from '@/lib/site/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, PROVIDERS, demoImage, withUsccCheck } from './accounts';
import { seedNotices } from './notices';
import { seedDataCodes } from './data-codes';
import { seedImports } from './imports';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedNotices };
import { bindIdentityToken, DEMO_META_KEY } from '@/lib/identity/verifier';

export function isSeeded(): boolean {
  return getDb().select({ n: sql<number>`count(*)` }).from(users).get()!.n > 0;
}

/** Demo data for an empty database: the office, its units, providers, accounts and a few filed websites. */
export async function seedDemo(): Promise<void> {
  const db = getDb();
  const now = Date.now();
  db.transaction((tx) => {
    // The demo database: the 国家网络身份认证 sandbox is offered here (lib/identity/verifier.ts).
    tx.insert(appMeta).values({ key: DEMO_META_KEY, value: new Date(now).toISOString() }).onConflictDoNothing().run();
    const office = tx.insert(policeUnits).values({ name: OFFICE_NAME, code: '110000', isDefault: true, createdAt: now }).returning().get();
    tx.insert(unitCoverage).values({ unitId: office.id, regionCode: '110000' }).run();
    for (const d of beijingDistricts()) {
      const name = `${d.name.replace(/区$/, '')}分局网安大队`;
      const u = tx.insert(policeUnits).values({ name, code: d.code, createdAt: now }).returning().get();
      tx.insert(unitCoverage).values({ unitId: u.id, regionCode: d.code }).run();
    }
    tx.insert(providerDirectory).values(PROVIDERS.map((p) => ({ ...p, createdAt: now }))).run();
  });

  const unitId = (code: string | null) => (code ? db.select({ id: policeUnits.id }).from(policeUnits).where(eq(policeUnits.code, code)).get()!.id : null);
  const ids: Record<string, number> = {};
  for (const a of DEMO_ACCOUNTS) {
    const { id } = await createUser({
      role: a.role,
      name: a.name,
      phone: a.phone,
      email: a.email,
      password: DEMO_PASSWORD,
      unitId: unitId(a.unit),
      idType: 'idNumber' in a ? '居民身份证' : 'creditCode' in a ? '统一社会信用代码' : null,
      idNumber: 'idNumber' in a ? a.idNumber : 'creditCode' in a ? a.creditCode : null,
      legal: 'legal' in a ? a.legal : undefined,
      phoneVerified: a.role === 'admin' || a.role === 'reviewer',
    });
    ids[a.phone] = id;
  }

  // Filed websites so the public pages have something to show.
  const chaoyang = unitId('110105')!;
  const haidian = unitId('110108')!;
  const license = await storeUpload({ ownerId: ids['13800000003'], kind: 'image', originalName: '营业执照（演示）.png', bytes: await demoImage('营业执照（演示）') });
  const national = (name: string, idNumber: string) => ({
    authMethod: '国家网络身份认证公共服务认证' as const,
    identityToken: bindIdentityToken({ name, idType: '居民身份证', idNumber }, 'sandbox:demo-seed'),
    orgCredentialToken: '',
  });
  const yunfan: SubjectData = {
    nature: '单位',
    unitType: '企业单位',
    nationalLevel: '否',
    orgName: '北京云帆网络科技有限公司',
    orgCertType: '统一社会信用代码证',
    orgCertNumber: withUsccCheck('91110105MA01C8K2X'),
    orgCertFileId: license.id,
    legalRepName: '张伟',
    officeRegion: '110105',
    officeAddress: '建国路88号SOHO现代城3号楼1201室',
    regRegion: '110105',
    regAddress: '建国路88号SOHO现代城3号楼1201室',
    faceRecognition: '否',
    generativeAi: '否',
    principalName: '张伟',
    principalIdType: '居民身份证',
    principalIdNumber: DEMO_ACCOUNTS[3].idNumber,
    principalIdExpiry: '2036-03-12',
    principalRegion: '110105',
    principalAddress: '朝阳路66号院2号楼502室',
    principalPhone: '13800000003',
    officePhone: '010-85861234',
    principalEmail: 'zhangwei@example.com',
    idFrontFileId: null,
    idBackFileId: null,
    idHandheldFileId: null,
    ...national('张伟', DEMO_ACCOUNTS[3].idNumber),
  };
  const chenjing: SubjectData = {
    nature: '个人',
    orgName: '',
    orgCertNumber: '',
    legalRepName: '',
    officeRegion: '',
    officeAddress: '',
    regRegion: '',
    regAddress: '',
    officePhone: '',
    orgCertFileId: null,
    principalName: '陈静',
    principalIdType: '居民身份证',
    principalIdNumber: DEMO_ACCOUNTS[4].idNumber,
    principalIdExpiry: '9999-12-31',
    principalRegion: '110108',
    principalAddress: '中关村南大街5号院3号楼801室',
    principalPhone: '13800000006',
    principalEmail: 'chenjing@example.com',
    idFrontFileId: null,
    idBackFileId: null,
    idHandheldFileId: null,
    ...national('陈静', DEMO_ACCOUNTS[4].idNumber),
  };
  const filed = [
      {
        owner: ids['13800000003'],
        data: yunfan,
        unitId: chaoyang,
        sites: [
          { name: '云帆科技官网', domain: 'yunfan-tech.cn', ip: '47.93.12.8', seq: 1, daysAgo: 40, icp: '京ICP备20261234号-1' },
          { name: '云帆开发者文档中心', domain: 'docs.yunfan-tech.cn', ip: '47.93.12.9', seq: 2, daysAgo: 12, icp: '京ICP备20261234号-2' },
        ],
      },
      {
        owner: ids['13800000006'],
        data: chenjing,
        unitId: haidian,
        sites: [{ name: '陈静摄影作品集', domain: 'chenjing-photo.cn', ip: '121.41.77.20', seq: 1, daysAgo: 5, icp: '京ICP备20265678号-1' }],
      },
  ];
  const subjectIds: { subjectId: number; owner: number; unitId: number; sites: (typeof filed)[number]['sites'] }[] = [];
  db.transaction((tx) => {
    for (const f of filed) {
      const subject = tx
        .insert(subjects)
        .values({ ...subjectColumns(f.data), ownerId: f.owner, unitId: f.unitId, status: '有效', createdAt: now - 60 * 86_400_000, updatedAt: now - 60 * 86_400_000 })
        .returning({ id: subjects.id })
        .get();
      if (f.data.orgCertFileId) tx.update(files).set({ subjectId: subject.id }).where(eq(files.id, f.data.orgCertFileId)).run();
      tx.update(users).set({ currentSubjectId: subject.id, identityVerifiedAt: now }).where(eq(users.id, f.owner)).run();
      subjectIds.push({ subjectId: subject.id, owner: f.owner, unitId: f.unitId, sites: f.sites });
    }
  });

  // Websites go through the real 新办网站 submission and the real review.
  const admin = { id: ids['13800000001'], role: 'admin' as const, unitId: null, phoneVerified: true };
  for (const f of subjectIds) {
    const unit = db.select().from(policeUnits).where(eq(policeUnits.id, f.unitId)).get()!;
    for (const site of f.sites) {
      const filedAt = now - site.daysAgo * 86_400_000;
      const registrable = site.domain.split('.').slice(-2).join('.');
      const cert = await storeUpload({ ownerId: f.owner, kind: 'image', originalName: `域名证书-${registrable}.png`, bytes: await demoImage(`域名证书 ${registrable}`) });
      const self = { mode: '同主体负责人信息' as const };
      const r = submitNewWebsite(
        f.owner,
        f.subjectId,
        {
          basic: {
            name: site.name,
            hasIcp: '是',
            icpNumber: site.icp,
            openDate: new Date(filedAt - 20 * 86_400_000).toISOString().slice(0, 10),
            domains: [{ domain: site.domain, primary: true }],
            domainCertificates: { [registrable]: cert.id },
            ipRanges: [{ start: site.ip, end: site.ip }],
            accessScope: '境内',
            accessRegion: '330106',
            accessName: '阿里云计算有限公司',
            accessMethod: '云服务器',
            registrarScope: '境内',
            registrarRegion: '110108',
            registrarName: '北京新网数码信息技术有限公司',
            interactive: '否',
            siteTypes: [],
            controlled: '否',
            controlledItems: [],
            permitsNeeded: '否',
            permits: [],
            languages: ['中文简体'],
          },
          contacts: { securityOwner: self, emergencyContact: self },
          notice: { agree: true },
        },
        {},
        filedAt - 3 * 86_400_000,
      );
      // Approved through the review service by the office's administrator, on the day it was filed.
      const filing = decideApplication(admin, r.applicationId, { decision: '通过' }, filedAt);
      if (filing.filingNumber !== `京公网安备${unit.code}02${String(site.seq).padStart(6, '0')}号`) throw new Error(`unexpected demo number ${filing.filingNumber}`);
    }
  }

  // Work waiting in 朝阳分局网安大队's queue: a 个人 subject with its first website, one of them overdue.
  const wangfang = DEMO_ACCOUNTS[6];
  const wfOwner = ids[wangfang.phone];
  const submittedAt = now - 10 * 86_400_000;
  const wfSubject = submitNewSubject(
    wfOwner,
    {
      data: {
        nature: '个人',
        principalName: wangfang.name,
        principalIdType: '居民身份证',
        principalIdNumber: wangfang.idNumber,
        principalIdExpiry: '2034-05-20',
        principalRegion: '110105',
        principalAddress: '望京街道阜通东大街6号院3号楼1502室',
        principalPhone: wangfang.phone,
        principalEmail: wangfang.email,
        ...national(wangfang.name, wangfang.idNumber),
      },
    },
    submittedAt,
  );
  const wfCert = await storeUpload({ ownerId: wfOwner, kind: 'image', originalName: '域名证书-wangfang-bakery.cn.png', bytes: await demoImage('域名证书 wangfang-bakery.cn') });
  submitNewWebsite(
    wfOwner,
    wfSubject.subjectId,
    {
      basic: {
        name: '王芳的烘焙日记',
        hasIcp: '是',
        icpNumber: '京ICP备20269876号-1',
        openDate: new Date(submittedAt - 30 * 86_400_000).toISOString().slice(0, 10),
        domains: [{ domain: 'www.wangfang-bakery.cn', primary: true }],
        domainCertificates: { 'wangfang-bakery.cn': wfCert.id },
        ipRanges: [{ start: '101.200.35.17', end: '101.200.35.17' }],
        accessScope: '境内',
        accessRegion: '110108',
        accessName: '腾讯云计算（北京）有限责任公司',
        accessMethod: '虚拟主机',
        registrarScope: '境内',
        registrarRegion: '330106',
        registrarName: '阿里云计算有限公司（万网）',
        interactive: '否',
        siteTypes: [],
        controlled: '否',
        controlledItems: [],
        permitsNeeded: '否',
        permits: [],
        languages: ['中文简体'],
      },
      contacts: { securityOwner: { mode: '同主体负责人信息' }, emergencyContact: { mode: '同主体负责人信息' } },
      notice: { agree: true },
    },
    {},
    submittedAt,
  );
  // The submissions above left "已提交" notices; a demo account starts with a clean inbox.
  db.update(notifications).set({ readAt: now }).run();

  seedNotices(admin, now);
  seedDataCodes(ids, now);
  seedImports(ids, now);
}

export function demoAccountsTable(): string {
  const lines = ['演示账号（登录密码均为 ' + DEMO_PASSWORD + '）：'];
  for (const a of DEMO_ACCOUNTS)
    lines.push(`  ${a.label.padEnd(16, '　')}  ${a.name}  手机号码 ${a.phone}${'idNumber' in a ? `  证件号码 ${a.idNumber}` : ''}${'creditCode' in a ? `  统一社会信用代码 ${a.creditCode}` : ''}`);
  return lines.join('\n');
}
