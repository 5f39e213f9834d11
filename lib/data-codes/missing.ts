/**
 * The prompt on a form opened from a 数据码 draft (SPEC §8.1: “a prompt listing the missing
 * fields such as 办公地址, 法人姓名, 证件照片”): the labels of the fields the form's own schema
 * still refuses, in page order. Pure; the pages call it with the restored draft values.
 */
import { subjectSchema } from '@/lib/subjects/schemas';
import { SUBJECT_FIELD_LABELS, type SubjectField } from '@/lib/subjects/labels';
import { toSubjectInput, type SubjectFormValues } from '@/lib/subjects/form-values';
import { basicInfoSchema } from '@/lib/websites/schemas';
import { toWebsiteInput, type WizardValues } from '@/lib/websites/form-values';
import { WEBSITE_FIELD_LABELS } from '@/lib/websites/labels';

/** The key drafts made from a code carry (lib/data-codes/drafts.ts), so the form can say what is still missing. */
export const FROM_DATA_CODE = 'fromDataCode';

const unique = (xs: string[]) => [...new Set(xs)];

export function missingSubjectFields(values: SubjectFormValues): string[] {
  // The 单位 fields are only checked once a 单位性质 is chosen: list them as for a 企业单位.
  const noUnitType = values.nature === '单位' && !values.unitType;
  const r = subjectSchema.safeParse(toSubjectInput(noUnitType ? { ...values, unitType: '企业单位' } : values));
  const issues = r.success ? [] : r.error.issues.map((i) => String(i.path[0] ?? ''));
  const order = Object.keys(SUBJECT_FIELD_LABELS);
  const fields = unique([...(noUnitType ? ['unitType'] : []), ...issues]).filter((f) => f in SUBJECT_FIELD_LABELS);
  return fields.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((f) => SUBJECT_FIELD_LABELS[f as SubjectField]);
}

/** A 基本信息 error path → the row label it belongs to ('basic.accessRegion' → 网络接入服务商). */
function websiteLabel(path: (string | number | symbol)[]): string | null {
  const key = String(path[0] ?? '');
  const direct = WEBSITE_FIELD_LABELS[`basic.${key}` as keyof typeof WEBSITE_FIELD_LABELS];
  if (direct) return direct;
  if (key.startsWith('access')) return WEBSITE_FIELD_LABELS['basic.access'];
  if (key.startsWith('registrar')) return WEBSITE_FIELD_LABELS['basic.registrar'];
  if (key === 'hasIcp') return WEBSITE_FIELD_LABELS['basic.icpNumber'];
  if (key === 'permitsAnswer' || key.startsWith('permit')) return WEBSITE_FIELD_LABELS['basic.permits'];
  return null;
}

export function missingWebsiteFields(values: WizardValues): string[] {
  const r = basicInfoSchema.safeParse(toWebsiteInput(values).basic);
  const basic = r.success ? [] : r.error.issues.map((i) => websiteLabel(i.path)).filter((l): l is string => !!l);
  // 网站安全负责人 and 网站应急联络人 are never in a code. In page order:
  const order: string[] = Object.values(WEBSITE_FIELD_LABELS);
  return unique([...basic, WEBSITE_FIELD_LABELS['contacts.securityOwner'], WEBSITE_FIELD_LABELS['contacts.emergencyContact']]).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * The prompt over a form opened from a draft that a 数据码 created (the draft's `fromDataCode`
 * key, lib/data-codes/drafts.ts); null for any other draft.
 */
export function fromDataCodeNotice(data: Record<string, unknown>, missing: () => string[]): string | null {
  if (typeof data[FROM_DATA_CODE] !== 'number') return null;
  const m = missing();
  return m.length ? `本草稿由数据码生成，以下信息仍需补充：${m.join('、')}。` : '本草稿由数据码生成，请核对信息后提交。';
}
