/**
 * 02 APP基本信息 as the wizard holds it, and how it maps to the schema (lib/apps/schemas.ts), to
 * drafts and back from a stored APP (变更APP). Pure: the wizard (browser) and its actions use it.
 */
import { APP_PLATFORMS, USER_SCALES, type AppBasicData, type AppBasicInput, type AppPlatform } from './schemas';
import { fileId, list, obj, oneOf, orUndefined, region, scope, text, yesNo, type Scope, type YesNo } from '@/lib/forms/draft-values';
import { emptyServiceValues, serviceFileIds, serviceInput, serviceValuesOf, type ServiceFormValues } from '@/lib/forms/service-values';

export type AppPlatformRow = { platform: AppPlatform; packageName: string; signature: string; publicKey: string };

export type AppFormBasic = {
  name: string;
  iconFileId: number | null;
  hasIcp: YesNo;
  icpNumber: string;
  /** Chosen platforms only, in APP_PLATFORMS order (server error paths index into this list). */
  platforms: AppPlatformRow[];
  downloads: { store: string; url: string }[];
  domains: { domain: string }[];
  ipRanges: { start: string; end: string }[];
  accessScope: Scope;
  accessRegion: string;
  accessName: string;
  intro: string;
  /** Upload slots (objects: react-hook-form's field arrays); empty slots are not submitted. */
  screenshots: { fileId: number | null }[];
  userScale: string;
  sdks: { name: string; vendor: string; functionType: string }[];
} & ServiceFormValues;

export const SCREENSHOT_SLOTS = 3;

export function emptyAppBasic(): AppFormBasic {
  return {
    name: '',
    iconFileId: null,
    hasIcp: '',
    icpNumber: '',
    platforms: [],
    downloads: [{ store: '', url: '' }],
    domains: [],
    ipRanges: [],
    accessScope: '境内',
    accessRegion: '',
    accessName: '',
    intro: '',
    screenshots: Array.from({ length: SCREENSHOT_SLOTS }, () => ({ fileId: null })),
    userScale: '',
    sdks: [],
    ...emptyServiceValues(),
  };
}

/** A platform's row, keeping what was filled when it is unticked and ticked again. */
export function platformRows(chosen: readonly string[], current: readonly AppPlatformRow[]): AppPlatformRow[] {
  return APP_PLATFORMS.filter((p) => chosen.includes(p)).map((platform) => current.find((r) => r.platform === platform) ?? { platform, packageName: '', signature: '', publicKey: '' });
}

/** 02 of a saved draft (or a stored APP): unknown keys dropped, wrong types emptied. */
export function appBasicOf(src: unknown): AppFormBasic {
  const b = obj(src);
  const e = emptyAppBasic();
  const rows = list(b.platforms).map(obj);
  const screenshots = list(b.screenshots ?? (Array.isArray(b.screenshotFileIds) ? b.screenshotFileIds.map((f) => ({ fileId: f })) : []), 5).map((x) => ({ fileId: fileId(obj(x).fileId) }));
  while (screenshots.length < SCREENSHOT_SLOTS) screenshots.push({ fileId: null });
  const downloads = list(b.downloads).map((x) => ({ store: text(obj(x).store, 100), url: text(obj(x).url, 500) }));
  return {
    name: text(b.name, 50),
    iconFileId: fileId(b.iconFileId),
    hasIcp: yesNo(b.hasIcp),
    icpNumber: text(b.icpNumber, 50),
    platforms: APP_PLATFORMS.filter((p) => rows.some((r) => r.platform === p)).map((platform) => {
      const r = rows.find((x) => x.platform === platform)!;
      return { platform, packageName: text(r.packageName, 255), signature: text(r.signature, 80), publicKey: text(r.publicKey, 4000) };
    }),
    downloads: downloads.length ? downloads : e.downloads,
    domains: list(b.domains).map((x) => ({ domain: text(obj(x).domain, 253) })),
    ipRanges: list(b.ipRanges).map((x) => ({ start: text(obj(x).start, 64), end: text(obj(x).end, 64) })),
    accessScope: scope(b.accessScope),
    accessRegion: region(b.accessRegion),
    accessName: text(b.accessName, 100),
    intro: text(b.intro, 500),
    screenshots,
    userScale: oneOf(USER_SCALES, b.userScale),
    sdks: list(b.sdks, 50).map((x) => ({ name: text(obj(x).name, 100), vendor: text(obj(x).vendor, 100), functionType: text(obj(x).functionType, 50) })),
    ...serviceValuesOf(b),
  };
}

/** The schema's input: 工信部备案号 only with 是, the region only 境内, filled screenshots only. */
export function appBasicInput(b: AppFormBasic): AppBasicInput {
  return {
    name: b.name,
    iconFileId: b.iconFileId,
    hasIcp: orUndefined(b.hasIcp),
    icpNumber: b.hasIcp === '是' ? b.icpNumber : '',
    platforms: b.platforms.map((p) => ({ platform: p.platform, packageName: p.packageName, signature: p.signature, publicKey: p.publicKey })),
    downloads: b.downloads,
    domains: b.domains,
    ipRanges: b.ipRanges,
    accessScope: b.accessScope,
    accessRegion: b.accessScope === '境内' ? b.accessRegion : '',
    accessName: b.accessName,
    intro: b.intro,
    screenshotFileIds: b.screenshots.map((s) => s.fileId).filter((f): f is number => !!f),
    userScale: orUndefined(b.userScale) as AppBasicInput['userScale'],
    sdks: b.sdks,
    ...serviceInput(b),
  } as AppBasicInput;
}

/** Files 02 refers to. */
export function appBasicFileIds(b: AppFormBasic): number[] {
  return [b.iconFileId, ...b.screenshots.map((s) => s.fileId), ...serviceFileIds(b)].filter((f): f is number => !!f);
}

/** A stored APP's 02 as the wizard holds it (变更APP). */
export function appBasicFromStored(b: AppBasicData): AppFormBasic {
  return appBasicOf({ ...b, screenshots: b.screenshotFileIds.map((f) => ({ fileId: f })) });
}

/** A schema error path of 02 → the form path showing it. */
export function appFormPath(p: string): string {
  if (p === 'basic.screenshotFileIds' || p.startsWith('basic.screenshotFileIds.')) return 'basic.screenshots.root';
  if (p === 'basic.platforms') return 'basic.platforms.root';
  if (['basic.downloads', 'basic.domains', 'basic.ipRanges', 'basic.sdks', 'basic.controlledItems', 'basic.permits'].includes(p)) return `${p}.root`;
  return p;
}
