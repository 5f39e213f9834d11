/**
 * 02 小程序基本信息 as the wizard holds it, and how it maps to the schema
 * (lib/mini-programs/schemas.ts), to drafts and back from a stored 小程序. Pure.
 */
import { MINI_PROGRAM_PLATFORMS, type MiniProgramBasicData, type MiniProgramBasicInput } from './schemas';
import { USER_SCALES } from '@/lib/apps/schemas';
import { SCREENSHOT_SLOTS } from '@/lib/apps/form-values';
import { fileId, list, obj, oneOf, orUndefined, text, yesNo, type YesNo } from '@/lib/forms/draft-values';
import { emptyServiceValues, serviceFileIds, serviceInput, serviceValuesOf, type ServiceFormValues } from '@/lib/forms/service-values';

export type MiniProgramFormBasic = {
  name: string;
  iconFileId: number | null;
  platform: string;
  platformOther: string;
  appId: string;
  hasIcp: YesNo;
  icpNumber: string;
  category: string;
  intro: string;
  screenshots: { fileId: number | null }[];
  userScale: string;
} & ServiceFormValues;

export function emptyMiniProgramBasic(): MiniProgramFormBasic {
  return {
    name: '',
    iconFileId: null,
    platform: '',
    platformOther: '',
    appId: '',
    hasIcp: '',
    icpNumber: '',
    category: '',
    intro: '',
    screenshots: Array.from({ length: SCREENSHOT_SLOTS }, () => ({ fileId: null })),
    userScale: '',
    ...emptyServiceValues(),
  };
}

export function miniProgramBasicOf(src: unknown): MiniProgramFormBasic {
  const b = obj(src);
  const screenshots = list(b.screenshots ?? (Array.isArray(b.screenshotFileIds) ? b.screenshotFileIds.map((f) => ({ fileId: f })) : []), 5).map((x) => ({ fileId: fileId(obj(x).fileId) }));
  while (screenshots.length < SCREENSHOT_SLOTS) screenshots.push({ fileId: null });
  return {
    name: text(b.name, 50),
    iconFileId: fileId(b.iconFileId),
    platform: oneOf(MINI_PROGRAM_PLATFORMS, b.platform),
    platformOther: text(b.platformOther, 100),
    appId: text(b.appId, 64),
    hasIcp: yesNo(b.hasIcp),
    icpNumber: text(b.icpNumber, 50),
    category: text(b.category, 100),
    intro: text(b.intro, 500),
    screenshots,
    userScale: oneOf(USER_SCALES, b.userScale),
    ...serviceValuesOf(b),
  };
}

export function miniProgramBasicInput(b: MiniProgramFormBasic): MiniProgramBasicInput {
  return {
    name: b.name,
    iconFileId: b.iconFileId,
    platform: orUndefined(b.platform),
    platformOther: b.platform === '其他' ? b.platformOther : '',
    appId: b.appId,
    hasIcp: orUndefined(b.hasIcp),
    icpNumber: b.hasIcp === '是' ? b.icpNumber : '',
    category: b.category,
    intro: b.intro,
    screenshotFileIds: b.screenshots.map((s) => s.fileId).filter((f): f is number => !!f),
    userScale: orUndefined(b.userScale),
    ...serviceInput(b),
  } as MiniProgramBasicInput;
}

export function miniProgramBasicFileIds(b: MiniProgramFormBasic): number[] {
  return [b.iconFileId, ...b.screenshots.map((s) => s.fileId), ...serviceFileIds(b)].filter((f): f is number => !!f);
}

export function miniProgramBasicFromStored(b: MiniProgramBasicData): MiniProgramFormBasic {
  return miniProgramBasicOf({ ...b, screenshots: b.screenshotFileIds.map((f) => ({ fileId: f })) });
}

export function miniProgramFormPath(p: string): string {
  if (p === 'basic.screenshotFileIds' || p.startsWith('basic.screenshotFileIds.')) return 'basic.screenshots.root';
  if (['basic.controlledItems', 'basic.permits'].includes(p)) return `${p}.root`;
  return p;
}
