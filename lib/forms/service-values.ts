/**
 * The form values of the fields every filing object shares (lib/filings/service-fields.ts):
 * 是否提供互联网交互服务 with its types, 管制物品 with their proofs, 相关前置许可 and 语种. Pure:
 * the website, APP and 小程序 wizards use it in the browser and their actions on the server.
 */
import { CONTROLLED_ITEMS, LANGUAGES } from '@/lib/filings/service-fields';
import { SITE_TYPES } from '@/lib/websites/schemas';
import { PERMIT_ITEMS } from '@/lib/websites/naming';
import { fileId, list, obj, orUndefined, pick, text, yesNo, type YesNo } from './draft-values';

export type ServiceFormValues = {
  interactive: YesNo;
  siteTypes: string[];
  controlled: YesNo;
  /** Selected items only, in CONTROLLED_ITEMS order (server error paths index into this list). */
  controlledItems: { item: string; fileId: number | null }[];
  permitsNeeded: YesNo;
  /** Selected items only, in PERMIT_ITEMS order. */
  permits: { item: string; licenseNumber: string; fileId: number | null }[];
  languages: string[];
};

export function emptyServiceValues(): ServiceFormValues {
  return { interactive: '', siteTypes: [], controlled: '', controlledItems: [], permitsNeeded: '', permits: [], languages: [] };
}

/** The shared fields of a saved draft's `basic`. */
export function serviceValuesOf(b: Record<string, unknown>): ServiceFormValues {
  const controlledRows = list(b.controlledItems).map(obj);
  const permitRows = list(b.permits).map(obj);
  return {
    interactive: yesNo(b.interactive),
    siteTypes: pick(
      SITE_TYPES.map((t) => t.code),
      b.siteTypes,
    ),
    controlled: yesNo(b.controlled),
    controlledItems: CONTROLLED_ITEMS.filter((item) => controlledRows.some((r) => r.item === item)).map((item) => ({
      item,
      fileId: fileId(controlledRows.find((r) => r.item === item)!.fileId),
    })),
    permitsNeeded: yesNo(b.permitsNeeded),
    permits: PERMIT_ITEMS.filter((item) => permitRows.some((r) => r.item === item)).map((item) => {
      const r = permitRows.find((x) => x.item === item)!;
      return { item, licenseNumber: text(r.licenseNumber, 100), fileId: fileId(r.fileId) };
    }),
    languages: pick(LANGUAGES, b.languages),
  };
}

/** The schema's input: answers hidden by a 否 are left out (they stay in the form for switching back). */
export function serviceInput(b: ServiceFormValues) {
  return {
    interactive: orUndefined<'是' | '否'>(b.interactive),
    siteTypes: b.interactive === '是' ? b.siteTypes : [],
    controlled: orUndefined<'是' | '否'>(b.controlled),
    controlledItems: b.controlled === '是' ? b.controlledItems : [],
    permitsNeeded: orUndefined<'是' | '否'>(b.permitsNeeded),
    permits: b.permitsNeeded === '是' ? b.permits : [],
    languages: b.languages,
  };
}

/** Files the shared fields refer to. */
export function serviceFileIds(b: ServiceFormValues): number[] {
  return [...b.controlledItems.map((c) => c.fileId), ...b.permits.map((p) => p.fileId)].filter((f): f is number => !!f);
}

/** The schema's bare "请选择" of the 是/否 questions, said in full where the error is shown. */
export const SERVICE_CHOOSE_MESSAGES: Record<string, string> = {
  'basic.hasIcp': '请选择是否有工信部备案号',
  'basic.interactive': '请选择是否提供互联网交互服务',
  'basic.controlled': '请选择是否提供涉及管制物品信息发布服务',
  'basic.permitsNeeded': '请选择是否需要相关前置许可',
};
