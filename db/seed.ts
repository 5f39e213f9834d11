import { eq, sql } from 'drizzle-orm';
import { getDb } from './client';
import { users, policeUnits, unitCoverage, providerDirectory, subjects, websites, applications, files, notifications, notices, appMeta } from './schema';
import { createUser } from '@/lib/users/service';
import { beijingDistricts } from '@/lib/regions/regions';
import sharp from 'sharp';
import { storeUpload } from '@/lib/files/service';
import { subjectColumns } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { decideApplication } from '@/lib/review/service';
import type { SubjectData } from '@/lib/subjects/schemas';
import { bindIdentityToken, DEMO_META_KEY } from '@/lib/identity/verifier';
import { FEEDBACK_EMAIL, OFFICE_NAME } from '@/lib/site/config';
import { createNotice, publishNotice } from '@/lib/notices/service';
import type { NoticeCategory } from '@/lib/notices/schemas';
import type { Actor } from '@/lib/auth/policy';

export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_ACCOUNTS = [
  { role: 'admin', name: '王建国', phone: '13800000001', email: 'admin@beian.example.cn', unit: null, label: '管理员' },
  { role: 'reviewer', name: '李明', phone: '13800000002', email: 'liming@beian.example.cn', unit: '110105', label: '网安民警（朝阳分局网安大队）' },
  { role: 'reviewer', name: '赵磊', phone: '13800000005', email: 'zhaolei@beian.example.cn', unit: '110000', label: `网安民警（${OFFICE_NAME}）` },
  { role: 'applicant', name: '张伟', phone: '13800000003', email: 'zhangwei@example.com', unit: null, label: '开办者（已有备案网站）', idNumber: withIdCheck('11010519850312003') },
  { role: 'applicant', name: '陈静', phone: '13800000006', email: 'chenjing@example.com', unit: null, label: '开办者（个人主体）', idNumber: withIdCheck('11010819920716004') },
  { role: 'provider', name: '刘洋', phone: '13800000004', email: 'liuyang@cloud.example.cn', unit: null, label: '接入服务商' },
  { role: 'applicant', name: '王芳', phone: '13800000007', email: 'wangfang@example.com', unit: null, label: '开办者（申请待审核）', idNumber: withIdCheck('11010519880520006') },
] as const;

/** GB 11643 check character for a 17-digit body. */
function withIdCheck(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

/** GB 32100 check character for a 17-character body. */
function withUsccCheck(body17: string): string {
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + A.indexOf(c) * w[i], 0);
  return body17 + A[(31 - (sum % 31)) % 31];
}

const PROVIDERS: { kind: '接入服务商' | '域名注册服务商'; name: string; scope: '境内' | '境外'; regionCode: string | null }[] = [
  { kind: '接入服务商', name: '阿里云计算有限公司', scope: '境内', regionCode: '330106' },
  { kind: '接入服务商', name: '腾讯云计算（北京）有限责任公司', scope: '境内', regionCode: '110108' },
  { kind: '接入服务商', name: '北京百度网讯科技有限公司', scope: '境内', regionCode: '110108' },
  { kind: '接入服务商', name: '华为云计算技术有限公司', scope: '境内', regionCode: '520115' },
  { kind: '接入服务商', name: '北京世纪互联宽带数据中心有限公司', scope: '境内', regionCode: '110105' },
  { kind: '接入服务商', name: '中国电信股份有限公司北京分公司', scope: '境内', regionCode: '110102' },
  { kind: '接入服务商', name: '中国联合网络通信有限公司北京市分公司', scope: '境内', regionCode: '110102' },
  { kind: '接入服务商', name: '北京金山云网络技术有限公司', scope: '境内', regionCode: '110108' },
  { kind: '接入服务商', name: '厦门三五互联信息有限公司', scope: '境内', regionCode: '350203' },
  { kind: '接入服务商', name: '成都西维数码科技有限公司', scope: '境内', regionCode: '510107' },
  { kind: '接入服务商', name: 'Amazon Web Services, Inc.', scope: '境外', regionCode: null },
  { kind: '接入服务商', name: 'Cloudflare, Inc.', scope: '境外', regionCode: null },
  { kind: '域名注册服务商', name: '阿里云计算有限公司（万网）', scope: '境内', regionCode: '330106' },
  { kind: '域名注册服务商', name: '北京新网数码信息技术有限公司', scope: '境内', regionCode: '110108' },
  { kind: '域名注册服务商', name: '厦门易名科技股份有限公司', scope: '境内', regionCode: '350206' },
  { kind: '域名注册服务商', name: '腾讯云计算（北京）有限责任公司', scope: '境内', regionCode: '110108' },
  { kind: '域名注册服务商', name: '北京东方网景信息科技有限公司', scope: '境内', regionCode: '110105' },
  { kind: '域名注册服务商', name: '成都西维数码科技有限公司', scope: '境内', regionCode: '510107' },
  { kind: '域名注册服务商', name: 'GoDaddy.com, LLC', scope: '境外', regionCode: null },
  { kind: '域名注册服务商', name: 'NameCheap, Inc.', scope: '境外', regionCode: null },
];

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
      idType: 'idNumber' in a ? '居民身份证' : null,
      idNumber: 'idNumber' in a ? a.idNumber : null,
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
  });
  const yunfan: SubjectData = {
    nature: '单位',
    unitType: '企业单位',
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
      const unit = tx.select().from(policeUnits).where(eq(policeUnits.id, f.unitId)).get()!;
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
}

/** The home page's columns (SPEC §10.1): published through the real service, as the administrator would. */
const DEMO_NOTICES: { category: NoticeCategory; title: string; daysAgo: number; body: string }[] = [
  {
    category: '通知公告',
    title: '关于开展互联网站公安联网备案工作的通知',
    daysAgo: 60,
    body: `各网站开办者：

根据《中华人民共和国网络安全法》和《计算机信息网络国际联网安全保护管理办法》（公安部令第33号）等有关规定，为维护网络安全和社会公共利益，${OFFICE_NAME}依托本平台开展互联网站公安联网备案工作。现将有关事项通知如下：

## 一、备案对象

在本辖区内开办、并已接入互联网的网站，包括单位网站和个人网站，均应办理公安联网备案手续。

## 二、办理时限

网站开办者应当自网站开通之日起 **30日内**，通过本平台提交备案申请。已开通但尚未备案的网站，请尽快补办。

## 三、办理方式

1. 登录本平台，注册账号并完成手机验证、邮箱验证；
2. 新增开办主体，如实填写主办单位（个人）及负责人信息；
3. 提交新办网站申请，填写网站基本信息、网站负责人信息；
4. 审核通过后，下载备案编号图标并复制备案编号HTML代码，放置在网站首页底部。

## 四、有关要求

网站开办者应当保证所填报信息真实、准确、完整。备案信息发生变化的，应当及时办理变更手续；网站关闭的，应当及时办理注销手续。

对不按规定履行备案义务的，公安机关将依法予以处理。

咨询邮箱：[${FEEDBACK_EMAIL}](mailto:${FEEDBACK_EMAIL})

${OFFICE_NAME}`,
  },
  {
    category: '通知公告',
    title: '关于联网备案平台系统维护的公告',
    daysAgo: 6,
    body: `为进一步提升服务质量，本平台将于近期在夜间进行系统维护，维护期间备案申请、公共查询等功能可能短暂无法使用。

已保存的草稿和已提交的申请不受影响，审核办理时限顺延。给您带来的不便，敬请谅解。`,
  },
  {
    category: '备案须知',
    title: '备案流程与所需材料',
    daysAgo: 58,
    body: `## 办理流程

1. **注册登录**：点击首页“注册”，使用真实身份信息注册账号；登录后在“个人中心”完成手机验证与邮箱验证。
2. **新增主体**：首次备案须先新增开办主体。开办主体性质分为“个人”和“单位”，请如实填写主办单位及负责人信息，并上传证件。
3. **新办网站申请**：依次填写“开办主体、网站基本信息、网站负责人、提示说明”四个步骤，阅读《互联网信息服务单位网络安全责任告知书》后提交。
4. **安全评估**：提供互联网交互服务的网站，须提交安全评估，评估通过后方可备案。
5. **等待审核**：申请由属地公安机关网安部门审核，结果将通过系统通知、短信和电子邮件告知。
6. **放置备案号**：审核通过后，在“我的网站”详情页点击“下载备案编号图标”和“复制备案编号HTML代码”，将备案号放置在网站首页底部，图标显示于备案编号之前。

## 所需材料

必需材料：

- 负责人证件（正面、反面、手持）
- 主办单位有效证件（单位主体）
- 域名证书
- 网站安全负责人证件（正面、反面、手持）
- 网站应急联络人证件（正面、反面、手持）

涉及时提供：

- 相关前置许可（新闻、出版、教育、医疗保健等）
- 管制物品资质证明

> 证件图片仅支持 PNG、JPEG 格式，证明文件可为 PDF 格式，单个文件不超过 5 MB。

## 温馨提示

- 网站名称应与网站内容相符，不得使用域名或纯数字、纯字母作为网站名称；
- 服务器IP地址须填写公网IP；
- 申请提交后 30 分钟内、尚未审核时可撤销申请。`,
  },
  {
    category: '政策法规',
    title: '《计算机信息网络国际联网安全保护管理办法》（公安部令第33号）要点',
    daysAgo: 57,
    body: `《计算机信息网络国际联网安全保护管理办法》经国务院批准，于1997年12月16日以公安部令第33号发布，1997年12月30日起施行，2011年1月8日根据《国务院关于废止和修改部分行政法规的决定》修订。与网站备案相关的主要规定如下：

## 备案义务

**第十一条** 用户在接入单位办理入网手续时，应当填写用户备案表。备案表由公安部监制。

**第十二条** 互联单位、接入单位、使用计算机信息网络国际联网的法人和其他组织（包括跨省、自治区、直辖市联网的单位和所属的分支机构），应当自网络正式联通之日起三十日内，到所在地的省、自治区、直辖市人民政府公安机关指定的受理机关办理备案手续。

前款所列单位应当负责将接入本网络的接入单位和用户情况报当地公安机关备案，并及时报告本网络中接入单位和用户的变更情况。

## 法律责任

**第二十三条** 违反本办法第十一条、第十二条规定，不履行备案职责的，由公安机关给予警告或者停机整顿不超过六个月的处罚。

## 其他要求

任何单位和个人不得利用国际联网危害国家安全、泄露国家秘密，不得侵犯国家的、社会的、集体的利益和公民的合法权益，不得从事违法犯罪活动；不得利用国际联网制作、复制、查阅和传播法律、行政法规禁止的信息，不得从事危害计算机信息网络安全的活动。

*以上为要点摘录，以正式发布的文本为准。*`,
  },
  {
    category: '备案须知',
    title: '网站名称填写规范',
    daysAgo: 56,
    body: `网站名称应当与网站内容相符，并符合以下要求，否则申请将被退回：

1. 不得使用域名作为网站名称，不得仅由数字或英文字母组成，不得含有特殊符号；
2. 非中央或国家级主体，网站名称不得使用“中国”“中华”“中央”“全国”“国家”“人民”“人大”等字样；非政府主体不得使用“人民政府”“监察”“公安”等涉及公共事务的字样；
3. 个人网站不得以公司、集团等单位名义命名，不得使用“反腐”“纪检”“监察”“信访”“维权”“投诉”“论坛”“社区”“在线”“交流”“博客”等字样；
4. 网站名称涉及新闻、出版、教育、医疗、药品、文化、广电等内容的，须在申请中选择并上传相应的前置许可；
5. 名称含“论坛”“社区”“bbs”或域名含“bbs”的网站，应当选择提供互联网交互服务。

填写网站名称时，系统会即时提示不符合规范之处。`,
  },
  {
    category: '政策法规',
    title: '《中华人民共和国网络安全法》相关条款摘录',
    daysAgo: 56,
    body: `《中华人民共和国网络安全法》于2016年11月7日经第十二届全国人民代表大会常务委员会第二十四次会议通过，自2017年6月1日起施行。与网站开办者相关的部分条款摘录如下：

**第二十一条** 国家实行网络安全等级保护制度。网络运营者应当按照网络安全等级保护制度的要求，履行下列安全保护义务，保障网络免受干扰、破坏或者未经授权的访问，防止网络数据泄露或者被窃取、篡改：

1. 制定内部安全管理制度和操作规程，确定网络安全负责人，落实网络安全保护责任；
2. 采取防范计算机病毒和网络攻击、网络侵入等危害网络安全行为的技术措施；
3. 采取监测、记录网络运行状态、网络安全事件的技术措施，并按照规定留存相关的网络日志不少于六个月；
4. 采取数据分类、重要数据备份和加密等措施；
5. 法律、行政法规规定的其他义务。

**第二十四条** 网络运营者为用户办理网络接入、域名注册服务，办理固定电话、移动电话等入网手续，或者为用户提供信息发布、即时通讯等服务，在与用户签订协议或者确认提供服务时，应当要求用户提供真实身份信息。用户不提供真实身份信息的，网络运营者不得为其提供相关服务。

*以上为摘录，以全国人民代表大会常务委员会公布的现行文本为准。*`,
  },
  {
    category: '常见问题',
    title: '备案需要多长时间？',
    daysAgo: 53,
    body: `新增主体、新办网站、变更和注销申请，审核单位一般在 **5个工作日** 内办理完毕；安全评估的办理时限为 **10个工作日**。工作日按国家法定节假日安排计算。

提供互联网交互服务的网站，在安全评估通过后还需进行面审或实地检查，所需时间以审核单位的通知为准。审核结果会通过系统通知、短信和电子邮件告知，也可在“我的申请”中查看办理进度。`,
  },
  {
    category: '常见问题',
    title: '备案号放在哪里？',
    daysAgo: 54,
    body: `审核通过后，请登录本平台，在“我的网站”中打开该网站的详情页：

1. 点击“复制备案编号HTML代码”，将代码粘贴到网站首页源代码的底部位置；
2. 点击“下载备案编号图标”，将图标显示在备案编号之前。

请在审核通过之日起 **30个工作日内** 完成放置。备案编号链接指向本平台的公共查询页面，公众可据此核实网站的备案信息。`,
  },
  {
    category: '常见问题',
    title: '网站信息发生变化或网站关闭了怎么办？',
    daysAgo: 55,
    body: `- **信息变化**：网站名称、域名、服务器IP地址、接入服务商或负责人等信息发生变化的，请在“变更网站”中提交变更申请，审核期间原备案号继续有效，公安备案号不会改变。
- **网站关闭**：请在“注销网站”中提交注销申请。注销前请确认网站已经处于关闭状态；注销后备案号作废，不再重复使用。
- **主体信息变化**：开办主体（单位或个人）信息变化的，请通过“变更主体”办理。`,
  },
];

/** Publishes the demo notices; a title that is already there is left alone, so it can run again. */
export function seedNotices(admin: Actor, now = Date.now()): void {
  const existing = new Set(getDb().select({ title: notices.title }).from(notices).all().map((n) => n.title));
  for (const n of DEMO_NOTICES) {
    if (existing.has(n.title)) continue;
    const at = now - n.daysAgo * 86_400_000;
    const { id } = createNotice(admin, { category: n.category, title: n.title, body: n.body }, null, at);
    publishNotice(admin, id, null, at);
  }
}

/** A plain demo scan (a bordered card with a caption) for seeded certificates. */
async function demoImage(caption: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320"><rect width="480" height="320" fill="#f8f3e6"/><rect x="12" y="12" width="456" height="296" fill="none" stroke="#b8860b" stroke-width="6"/><text x="240" y="170" font-size="32" text-anchor="middle" fill="#8b0000" font-family="Noto Sans CJK SC, sans-serif">${caption}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export function demoAccountsTable(): string {
  const lines = ['演示账号（登录密码均为 ' + DEMO_PASSWORD + '）：'];
  for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.label.padEnd(16, '　')}  ${a.name}  手机号码 ${a.phone}${'idNumber' in a ? `  证件号码 ${a.idNumber}` : ''}`);
  return lines.join('\n');
}
