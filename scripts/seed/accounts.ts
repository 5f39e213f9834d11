/** Demo accounts and directory entries, and the small helpers that make their numbers valid. */
import sharp from 'sharp';
import { OFFICE_NAME } from '@/lib/site/config';

export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_ACCOUNTS = [
  { role: 'admin', name: '王建国', phone: '13800000001', email: 'admin@beian.example.cn', unit: null, label: '管理员' },
  { role: 'reviewer', name: '李明', phone: '13800000002', email: 'liming@beian.example.cn', unit: '110105', label: '网安民警（朝阳分局网安大队）' },
  { role: 'reviewer', name: '赵磊', phone: '13800000005', email: 'zhaolei@beian.example.cn', unit: '110000', label: `网安民警（${OFFICE_NAME}）` },
  { role: 'applicant', name: '张伟', phone: '13800000003', email: 'zhangwei@example.com', unit: null, label: '开办者（已有备案网站）', idNumber: withIdCheck('11010519850312003') },
  { role: 'applicant', name: '陈静', phone: '13800000006', email: 'chenjing@example.com', unit: null, label: '开办者（个人主体）', idNumber: withIdCheck('11010819920716004') },
  { role: 'provider', name: '刘洋', phone: '13800000004', email: 'liuyang@cloud.example.cn', unit: null, label: '接入服务商' },
  { role: 'applicant', name: '王芳', phone: '13800000007', email: 'wangfang@example.com', unit: null, label: '开办者（申请待审核）', idNumber: withIdCheck('11010519880520006') },
  {
    role: 'applicant',
    name: '北京长城文旅科技有限公司',
    phone: '13800000008',
    email: 'service@changcheng-travel.example.cn',
    unit: null,
    label: '法人账号（企业法人）',
    // 法人注册 (seed 003): logs in by 统一社会信用代码 or phone; 新增主体 offers 主办单位信息 同当前账号信息.
    creditCode: withUsccCheck('91110105MA01CW8R3'),
    legal: { legalType: '企业法人', repName: '赵长城', repIdType: '居民身份证', repIdNumber: withIdCheck('11010519790101005'), validFrom: '2020-01-01', validTo: null },
  },
] as const;

/** GB 11643 check character for a 17-digit body. */
export function withIdCheck(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

/** GB 32100 check character for a 17-character body. */
export function withUsccCheck(body17: string): string {
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + A.indexOf(c) * w[i], 0);
  return body17 + A[(31 - (sum % 31)) % 31];
}

export const PROVIDERS: { kind: '接入服务商' | '域名注册服务商'; name: string; scope: '境内' | '境外'; regionCode: string | null }[] = [
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

/** A plain demo scan (a bordered card with a caption) for seeded certificates. */
export async function demoImage(caption: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320"><rect width="480" height="320" fill="#f8f3e6"/><rect x="12" y="12" width="456" height="296" fill="none" stroke="#b8860b" stroke-width="6"/><text x="240" y="170" font-size="32" text-anchor="middle" fill="#8b0000" font-family="Noto Sans CJK SC, sans-serif">${caption}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
