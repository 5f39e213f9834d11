/**
 * The 新增主体 / 变更主体 form's values and how they map to and from stored subjects and
 * drafts. Pure: shared by the pages (server) and the form (client).
 */
import { ID_TYPES } from '@/lib/validation/identifiers';
import { AUTH_METHODS, ORG_CERT_TYPES, UNIT_TYPES, certTypesFor, type UnitType } from '@/lib/subjects/rules';
import { SUBJECT_FIELD_LABELS, type SubjectField } from '@/lib/subjects/labels';

export type SubjectFormMode = 'new' | 'change' | 'resubmit';

/** What the inputs hold: strings ('' = not chosen) and file ids. */
export type SubjectFormValues = {
  nature: '' | '个人' | '单位';
  unitType: string;
  nationalLevel: '' | '是' | '否';
  /** 机关事业单位网络身份认证凭证: the pass for the four 主办单位 fields it filled. */
  orgCredentialToken: string;
  orgName: string;
  orgCertType: string;
  orgCertNumber: string;
  orgCertFileId: number | null;
  legalRepName: string;
  officeRegion: string;
  officeAddress: string;
  regRegion: string;
  regAddress: string;
  faceRecognition: '' | '是' | '否';
  generativeAi: '' | '是' | '否';
  principalName: string;
  principalIdType: string;
  principalIdNumber: string;
  principalIdExpiry: string;
  principalRegion: string;
  principalAddress: string;
  principalPhone: string;
  officePhone: string;
  principalEmail: string;
  authMethod: '' | (typeof AUTH_METHODS)[number];
  idFrontFileId: number | null;
  idBackFileId: number | null;
  idHandheldFileId: number | null;
  identityToken: string;
};

export const FILE_FIELDS = ['orgCertFileId', 'idFrontFileId', 'idBackFileId', 'idHandheldFileId'] as const;
/** Never stored in a draft and never sent back to the browser in full. */
export const PII_FIELDS = ['principalIdNumber', 'principalPhone'] as const;
/** The form's fields in page order (the order of SUBJECT_FIELD_LABELS): the first error gets focus. */
export const FORM_FIELD_ORDER = Object.keys(SUBJECT_FIELD_LABELS) as SubjectField[];

export const EMPTY_SUBJECT_VALUES: SubjectFormValues = {
  nature: '',
  unitType: '',
  nationalLevel: '',
  orgCredentialToken: '',
  orgName: '',
  orgCertType: '统一社会信用代码证',
  orgCertNumber: '',
  orgCertFileId: null,
  legalRepName: '',
  officeRegion: '',
  officeAddress: '',
  regRegion: '',
  regAddress: '',
  faceRecognition: '',
  generativeAi: '',
  principalName: '',
  principalIdType: '居民身份证',
  principalIdNumber: '',
  principalIdExpiry: '',
  principalRegion: '',
  principalAddress: '',
  principalPhone: '',
  officePhone: '',
  principalEmail: '',
  authMethod: '文件认证',
  idFrontFileId: null,
  idBackFileId: null,
  idHandheldFileId: null,
  identityToken: '',
};

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | '' => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : '');
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const fileId = (v: unknown) => {
  const n = typeof v === 'string' && v !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
};

/**
 * Form values from anything shaped like a subject (masked stored data, a draft): unknown
 * keys dropped, wrong types emptied, and the PII fields always empty (the page shows the
 * masked values as hints instead).
 */
export function toFormValues(src: Record<string, unknown> | null | undefined): SubjectFormValues {
  const s = src ?? {};
  const v: SubjectFormValues = { ...EMPTY_SUBJECT_VALUES };
  for (const k of Object.keys(EMPTY_SUBJECT_VALUES) as (keyof SubjectFormValues)[]) {
    if ((FILE_FIELDS as readonly string[]).includes(k)) (v as Record<string, unknown>)[k] = fileId(s[k]);
    else (v as Record<string, unknown>)[k] = text(s[k]);
  }
  v.nature = oneOf(['个人', '单位'] as const, s.nature);
  v.unitType = oneOf(UNIT_TYPES, s.unitType);
  v.orgCertType = oneOf(ORG_CERT_TYPES, s.orgCertType) || certTypesFor((v.unitType || '企业单位') as UnitType)[0];
  v.nationalLevel = oneOf(['是', '否'] as const, s.nationalLevel);
  v.faceRecognition = oneOf(['是', '否'] as const, s.faceRecognition);
  v.generativeAi = oneOf(['是', '否'] as const, s.generativeAi);
  v.principalIdType = oneOf(ID_TYPES, s.principalIdType) || '居民身份证';
  v.authMethod = oneOf(AUTH_METHODS, s.authMethod) || '文件认证';
  for (const f of PII_FIELDS) v[f] = '';
  return v;
}

/** What 保存草稿 stores: the form without 证件号码, 手机号码 and the passes (they vouch for what was checked). */
export function draftPayload(values: SubjectFormValues, extra: { sameAsAccount: boolean; resubmitOf: number | null }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values, sameAsAccount: extra.sameAsAccount };
  for (const f of PII_FIELDS) delete out[f];
  delete out.identityToken;
  delete out.orgCredentialToken;
  if (extra.resubmitOf) out.resubmitOf = extra.resubmitOf;
  return out;
}

export type RestoredDraft = {
  id: number;
  savedAt: number;
  values: SubjectFormValues;
  sameAsAccount: boolean;
};

export function restoreDraft(d: { id: number; savedAt: number; data: Record<string, unknown> }): RestoredDraft {
  return { id: d.id, savedAt: d.savedAt, values: { ...toFormValues(d.data), identityToken: '', orgCredentialToken: '' }, sameAsAccount: d.data.sameAsAccount === true };
}

/** The enum fields the form leaves '' when nothing is chosen: zod wants them absent. */
const OPTIONAL_CHOICES = ['nature', 'unitType', 'nationalLevel', 'orgCertType', 'faceRecognition', 'generativeAi', 'authMethod'] as const;

/** Form values → the subject schema's input. */
export function toSubjectInput(values: SubjectFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const k of OPTIONAL_CHOICES) if (out[k] === '') out[k] = undefined;
  return out;
}

export function fileIdsOf(...sets: (SubjectFormValues | null | undefined)[]): number[] {
  const ids = new Set<number>();
  for (const v of sets) for (const f of FILE_FIELDS) if (v?.[f]) ids.add(v[f]!);
  return [...ids];
}
