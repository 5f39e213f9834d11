/**
 * The readable values of an APP's or 小程序's 基本信息, keyed like the registry's field labels: the
 * detail pages, the 变更 comparison table, the reviewer's view and the receipts show these. Pure:
 * client components use it too.
 */
import { SITE_TYPES } from '@/lib/websites/schemas';
import { regionFullName } from '@/lib/regions/regions';
import type { AppBasicData } from '@/lib/apps/schemas';
import type { MiniProgramBasicData } from '@/lib/mini-programs/schemas';
import { APP_FIELD_LABELS } from '@/lib/apps/labels';
import { MINI_PROGRAM_FIELD_LABELS } from '@/lib/mini-programs/labels';
import type { AppStoreBasicData } from '@/lib/app-stores/schemas';
import type { ServiceProviderBasicData } from '@/lib/service-providers/schemas';
import { APP_STORE_FIELD_LABELS } from '@/lib/app-stores/labels';
import { SERVICE_PROVIDER_FIELD_LABELS } from '@/lib/service-providers/labels';
import { hostToUnicode } from '@/lib/websites/domains';

type BasicField<L> = Extract<keyof L, `basic.${string}`>;
export type AppBasicField = BasicField<typeof APP_FIELD_LABELS>;
export type MiniProgramBasicField = BasicField<typeof MINI_PROGRAM_FIELD_LABELS>;
export type AppStoreBasicField = BasicField<typeof APP_STORE_FIELD_LABELS>;
export type ServiceProviderBasicField = BasicField<typeof SERVICE_PROVIDER_FIELD_LABELS>;

const fileRef = (id: number | null | undefined) => (id ? `文件 ${id}` : '未上传');
const regionText = (scope: string, region: string | undefined) => (scope === '境外' ? '境外' : region ? regionFullName(region) || region : '');

type Service = Pick<AppBasicData, 'interactive' | 'siteTypes' | 'controlled' | 'controlledItems' | 'permitsNeeded' | 'permits' | 'languages'>;

function serviceValues(b: Service) {
  return {
    'basic.interactive': b.interactive,
    'basic.siteTypes': b.interactive === '是' ? b.siteTypes.map((c) => SITE_TYPES.find((t) => t.code === c)?.label ?? c).join('、') : '',
    'basic.controlled': b.controlled,
    'basic.controlledItems': b.controlled === '是' ? b.controlledItems.map((c) => `${c.item}（资质证明：${fileRef(c.fileId)}）`).join('；') : '',
    'basic.permits': b.permitsNeeded === '是' ? b.permits.map((p) => `${p.item}（许可证号：${p.licenseNumber}；许可证件：${fileRef(p.fileId)}）`).join('；') : '否',
    'basic.languages': b.languages.join('、'),
  } as const;
}

/** The 运行平台 rows as one line each: 安卓：com.example.app（签名MD5：…）. */
export function appPlatformLines(b: Pick<AppBasicData, 'platforms'>): string[] {
  return b.platforms.map((p) => `${p.platform}：${p.packageName}（签名${p.platform === 'iOS' ? 'SHA-1' : 'MD5'}：${p.signature}）`);
}

export function appBasicValues(b: AppBasicData): Record<AppBasicField, string> {
  const where = regionText(b.accessScope, b.accessRegion);
  return {
    'basic.name': b.name,
    'basic.iconFileId': b.iconFileId ? '已上传' : '',
    'basic.icpNumber': b.hasIcp === '是' ? b.icpNumber : '无',
    'basic.platforms': appPlatformLines(b).join('；'),
    'basic.downloads': b.downloads.map((d) => `${d.store}：${d.url}`).join('；'),
    'basic.domains': b.domains.map((d) => d.domain).join('、'),
    'basic.ipRanges': b.ipRanges.map((r) => (r.start === r.end ? r.start : `${r.start} – ${r.end}`)).join('、'),
    'basic.access': where ? `${b.accessName}（${where}）` : b.accessName,
    ...serviceValues(b),
    'basic.intro': b.intro,
    'basic.screenshotFileIds': `${b.screenshotFileIds.filter(Boolean).length}张`,
    'basic.userScale': b.userScale,
    'basic.sdks': b.sdks.map((s) => `${s.name}（${s.vendor}，${s.functionType}）`).join('；'),
  };
}

export function miniProgramPlatformText(b: Pick<MiniProgramBasicData, 'platform' | 'platformOther'>): string {
  return b.platform === '其他' && b.platformOther ? `其他（${b.platformOther}）` : b.platform;
}

export function miniProgramBasicValues(b: MiniProgramBasicData): Record<MiniProgramBasicField, string> {
  return {
    'basic.name': b.name,
    'basic.iconFileId': b.iconFileId ? '已上传' : '',
    'basic.platform': miniProgramPlatformText(b),
    'basic.appId': b.appId,
    'basic.icpNumber': b.hasIcp === '是' ? b.icpNumber : '无',
    'basic.category': b.category,
    'basic.intro': b.intro,
    'basic.screenshotFileIds': `${b.screenshotFileIds.filter(Boolean).length}张`,
    'basic.userScale': b.userScale,
    ...serviceValues(b),
  };
}

const ipText = (r: { start: string; end: string }) => (r.start === r.end ? r.start : `${r.start} – ${r.end}`);
const unicode = (d: string) => hostToUnicode(d) ?? d;

/** 网址 of an 应用市场: its domains, the 主域名 first. */
export function appStoreDomains(b: Pick<AppStoreBasicData, 'domains'>): string[] {
  return [...b.domains].sort((x, y) => Number(y.primary) - Number(x.primary)).map((d) => unicode(d.domain));
}

export function appStoreBasicValues(b: AppStoreBasicData): Record<AppStoreBasicField, string> {
  const where = regionText(b.accessScope, b.accessRegion);
  return {
    'basic.name': b.name,
    'basic.domains': appStoreDomains(b).join('、'),
    'basic.domainCertificates': Object.keys(b.domainCertificates).map(unicode).join('、'),
    'basic.ipRanges': b.ipRanges.map(ipText).join('、'),
    'basic.access': where ? `${b.accessName}（${where}）` : b.accessName,
    'basic.appCount': `${b.appCount}个`,
    'basic.reviewMechanism': b.reviewMechanism,
    ...serviceValues(b),
  };
}

export function serviceProviderBasicValues(b: ServiceProviderBasicData): Record<ServiceProviderBasicField, string> {
  return {
    'basic.name': b.name,
    'basic.serviceTypes': b.serviceTypes.join('、'),
    'basic.licenceNumber': b.licenceNumber,
    'basic.licenceFileId': b.licenceFileId ? '已上传' : '',
    'basic.regions': b.regions.map((r) => regionFullName(r) || r).join('、'),
    'basic.rooms': b.rooms.map((r) => `${r.name}（${r.address}；IP段：${ipText(r)}）`).join('；'),
  };
}
