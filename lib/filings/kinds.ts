/**
 * What the filing service needs to know per kind of filing object (APP, 小程序; 应用市场 and 服务商
 * next): its registry entry, its three business types, its identifiers (one live filing each), the
 * files it refers to, its readable values. Adding a kind is one more entry here.
 */
import type { BusinessType, FilingKind } from '@/db/schema';
import { OBJECT_TYPES } from '@/lib/objects';
import type { AppBasicData } from '@/lib/apps/schemas';
import type { MiniProgramBasicData } from '@/lib/mini-programs/schemas';
import type { AppStoreBasicData } from '@/lib/app-stores/schemas';
import type { ServiceProviderBasicData } from '@/lib/service-providers/schemas';
import { hostToAscii, hostToUnicode } from '@/lib/websites/domains';
import { normalizeFingerprint } from '@/lib/validation/app-identifiers';
import { appBasicValues, appStoreBasicValues, appStoreDomains, miniProgramBasicValues, miniProgramPlatformText, serviceProviderBasicValues } from './display';
import type { StoredFilingOf } from './types';

type BasicOf<K extends FilingKind> = StoredFilingOf<K>['basic'];

/** An identifier of a filing and the form path its "already filed" error goes to. */
export type FilingKey = { platform: string; ident: string; label: string; path: string };

export type FilingKindSpec<K extends FilingKind = FilingKind> = {
  kind: K;
  label: string;
  types: { new: BusinessType; change: BusinessType; cancel: BusinessType };
  /** The identifiers that may belong to one live filing only. */
  keys(b: BasicOf<K>): FilingKey[];
  /** Uploaded files the basic information refers to (they must be the applicant's). */
  fileIds(b: BasicOf<K>): number[];
  /** Answers hidden behind a 否 are dropped, fingerprints normalized: what is stored. */
  normalize(b: BasicOf<K>): BasicOf<K>;
  /** Readable values keyed like the registry's field labels. */
  values(b: BasicOf<K>): Record<string, string>;
  /** Uploads per field: a re-upload shows in the 变更 comparison even when the readable value is the same. */
  fileFields(b: BasicOf<K>): Record<string, (number | null | undefined)[]>;
  /** 是否提供互联网交互服务 = 是: a 安全评估 and 面审 / 实地检查 come before filing. */
  interactive(b: BasicOf<K>): boolean;
  /** 工信部备案号, when the object has one. */
  icpNumber(b: BasicOf<K>): string | null;
  /** The icon shown in lists and the public record, when the kind has one. */
  iconFileId(b: BasicOf<K>): number | null;
  /** The 前置许可 held (the naming rules allow some words with them). */
  permits(b: BasicOf<K>): string[];
  /** The queue's and lists' 标识: 包名 / 小程序ID. */
  identText(b: BasicOf<K>): string;
  /** 运行平台 / 所属平台 as shown. */
  platformText(b: BasicOf<K>): string;
  /** What the 标识 and 平台 are called: 包名 / 小程序ID, 运行平台 / 所属平台. */
  identLabel: string;
  platformLabel: string;
  contactTitles: { securityOwner: string; emergencyContact: string };
  /**
   * How the filed object shows its number: an app's 关于 screen takes a line of text; a site (an
   * 应用市场's pages, a 服务商's) takes the badge's HTML snippet as websites do.
   */
  numberShown: 'about' | 'snippet';
  /** 注销 checks that the object's 网址 no longer answer (as 注销网站): the 应用市场. */
  closedOnCancel: boolean;
};

function serviceFiles(b: Pick<AppBasicData, 'controlledItems' | 'permits'>): (number | null | undefined)[] {
  return [...b.controlledItems.map((c) => c.fileId), ...b.permits.map((p) => p.fileId)];
}

/** Answers hidden behind a 否 are dropped (they stay in the form for switching back). */
function normalizeService<B extends Pick<AppBasicData, 'interactive' | 'siteTypes' | 'controlled' | 'controlledItems' | 'permitsNeeded' | 'permits'>>(b: B): B {
  return {
    ...b,
    siteTypes: b.interactive === '是' ? b.siteTypes : [],
    controlledItems: b.controlled === '是' ? b.controlledItems : [],
    permits: b.permitsNeeded === '是' ? b.permits : [],
  };
}

/** The same, and the 工信部备案号 only with 是. */
function normalizeWithIcp<B extends Parameters<typeof normalizeService>[0] & Pick<AppBasicData, 'hasIcp' | 'icpNumber'>>(b: B): B {
  return { ...normalizeService(b), icpNumber: b.hasIcp === '是' ? b.icpNumber : '' };
}

const nonEmpty = (ids: (number | null | undefined)[]) => ids.filter((v): v is number => !!v);

export const APP_KIND: FilingKindSpec<'APP'> = {
  kind: 'APP',
  label: 'APP',
  types: { new: '新增APP', change: '变更APP', cancel: '注销APP' },
  keys: (b: AppBasicData) =>
    b.platforms.map((p, i) => ({ platform: p.platform, ident: p.packageName.trim().toLowerCase(), label: `运行平台“${p.platform}”的包名 ${p.packageName}`, path: `basic.platforms.${i}.packageName` })),
  fileIds: (b) => nonEmpty([b.iconFileId, ...b.screenshotFileIds, ...serviceFiles(b)]),
  normalize: (b) => ({
    ...normalizeWithIcp(b),
    accessRegion: b.accessScope === '境内' ? b.accessRegion : '',
    platforms: b.platforms.map((p) => ({ ...p, packageName: p.packageName.trim(), signature: normalizeFingerprint(p.signature) })),
  }),
  values: appBasicValues,
  interactive: (b) => b.interactive === '是',
  icpNumber: (b) => (b.hasIcp === '是' ? b.icpNumber : null),
  iconFileId: (b) => b.iconFileId ?? null,
  permits: (b) => (b.permitsNeeded === '是' ? b.permits.map((p) => p.item) : []),
  fileFields: (b) => ({ 'basic.iconFileId': [b.iconFileId], 'basic.screenshotFileIds': b.screenshotFileIds }),
  identText: (b) => [...new Set(b.platforms.map((p) => p.packageName))].join('、'),
  platformText: (b) => b.platforms.map((p) => p.platform).join('、'),
  identLabel: '包名',
  platformLabel: '运行平台',
  contactTitles: { securityOwner: 'APP安全负责人', emergencyContact: 'APP应急联络人' },
  numberShown: 'about',
  closedOnCancel: false,
};

export const MINI_PROGRAM_KIND: FilingKindSpec<'小程序'> = {
  kind: '小程序',
  label: '小程序',
  types: { new: '新增小程序', change: '变更小程序', cancel: '注销小程序' },
  keys: (b: MiniProgramBasicData) => [
    { platform: b.platform === '其他' ? `其他:${b.platformOther.trim()}` : b.platform, ident: b.appId.trim().toLowerCase(), label: `${miniProgramPlatformText(b)}小程序ID ${b.appId}`, path: 'basic.appId' },
  ],
  fileIds: (b) => nonEmpty([b.iconFileId, ...b.screenshotFileIds, ...serviceFiles(b)]),
  normalize: (b) => ({ ...normalizeWithIcp(b), appId: b.appId.trim(), platformOther: b.platform === '其他' ? b.platformOther : '' }),
  values: miniProgramBasicValues,
  interactive: (b) => b.interactive === '是',
  icpNumber: (b) => (b.hasIcp === '是' ? b.icpNumber : null),
  iconFileId: (b) => b.iconFileId ?? null,
  permits: (b) => (b.permitsNeeded === '是' ? b.permits.map((p) => p.item) : []),
  fileFields: (b) => ({ 'basic.iconFileId': [b.iconFileId], 'basic.screenshotFileIds': b.screenshotFileIds }),
  identText: (b) => b.appId,
  platformText: miniProgramPlatformText,
  identLabel: '小程序ID',
  platformLabel: '所属平台',
  contactTitles: { securityOwner: '小程序安全负责人', emergencyContact: '小程序应急联络人' },
  numberShown: 'about',
  closedOnCancel: false,
};

/** An 应用市场's domains are its identifiers: one live 应用市场 per domain (ASCII, lower case). */
export const APP_STORE_KIND: FilingKindSpec<'应用市场'> = {
  kind: '应用市场',
  label: '应用市场',
  types: { new: '新增应用市场', change: '变更应用市场', cancel: '注销应用市场' },
  keys: (b: AppStoreBasicData) =>
    b.domains.map((d, i) => {
      const ascii = (hostToAscii(d.domain.trim()) ?? d.domain.trim()).toLowerCase();
      return { platform: '网址', ident: ascii, label: `网址 ${hostToUnicode(ascii) ?? ascii}`, path: `basic.domains.${i}.domain` };
    }),
  fileIds: (b) => nonEmpty([...Object.values(b.domainCertificates), ...serviceFiles(b)]),
  normalize: (b) => ({ ...normalizeService(b), accessRegion: b.accessScope === '境内' ? b.accessRegion : '', appCount: String(Number(b.appCount.trim())) }),
  values: appStoreBasicValues,
  fileFields: (b) => ({ 'basic.domainCertificates': Object.values(b.domainCertificates) }),
  interactive: (b) => b.interactive === '是',
  icpNumber: () => null,
  iconFileId: () => null,
  permits: (b) => (b.permitsNeeded === '是' ? b.permits.map((p) => p.item) : []),
  identText: (b) => appStoreDomains(b).join('、'),
  platformText: (b) => `${b.appCount}个应用`,
  identLabel: '网址',
  platformLabel: '上架应用数量',
  contactTitles: { securityOwner: '应用市场安全负责人', emergencyContact: '应用市场应急联络人' },
  numberShown: 'snippet',
  closedOnCancel: true,
};

/** A 服务商 is identified by its 增值电信业务经营许可证编号: one live 服务商 per licence. */
export const SERVICE_PROVIDER_KIND: FilingKindSpec<'服务商'> = {
  kind: '服务商',
  label: '服务商',
  types: { new: '新增服务商', change: '变更服务商', cancel: '注销服务商' },
  keys: (b: ServiceProviderBasicData) => [{ platform: '许可证', ident: b.licenceNumber.toLowerCase(), label: `增值电信业务经营许可证编号 ${b.licenceNumber}`, path: 'basic.licenceNumber' }],
  fileIds: (b) => nonEmpty([b.licenceFileId]),
  normalize: (b) => b,
  values: serviceProviderBasicValues,
  fileFields: (b) => ({ 'basic.licenceFileId': [b.licenceFileId] }),
  interactive: () => false,
  icpNumber: () => null,
  iconFileId: () => null,
  permits: () => [],
  identText: (b) => b.licenceNumber,
  platformText: (b) => b.serviceTypes.join('、'),
  identLabel: '许可证编号',
  platformLabel: '服务类型',
  contactTitles: { securityOwner: '网络安全负责人', emergencyContact: '应急联络人' },
  numberShown: 'snippet',
  closedOnCancel: false,
};

export const FILING_KIND_SPECS: { readonly [K in FilingKind]: FilingKindSpec<K> } = { APP: APP_KIND, 小程序: MINI_PROGRAM_KIND, 应用市场: APP_STORE_KIND, 服务商: SERVICE_PROVIDER_KIND };

export function kindSpec<K extends FilingKind>(kind: K): FilingKindSpec<K> {
  return FILING_KIND_SPECS[kind];
}

/** The registry entry of a kind (steps, schema, labels, mark, public fields). */
export function kindObject(kind: FilingKind) {
  return OBJECT_TYPES[kind];
}

/** The kind a business type files, changes or cancels, if it is one of these. */
export function kindOfType(type: BusinessType): FilingKind | null {
  for (const spec of Object.values(FILING_KIND_SPECS)) if (Object.values(spec.types).includes(type)) return spec.kind;
  return null;
}

/**
 * Calls `fn` with the spec of a stored filing's kind and its basic information, typed together
 * (TypeScript cannot tie `f.kind` to `f.basic` through a lookup: the one cast is here).
 */
export function withSpec<R>(f: { kind: FilingKind; basic: StoredFilingOf<FilingKind>['basic'] }, fn: <K extends FilingKind>(spec: FilingKindSpec<K>, basic: BasicOf<K>) => R): R {
  return fn(FILING_KIND_SPECS[f.kind] as FilingKindSpec, f.basic as never);
}
