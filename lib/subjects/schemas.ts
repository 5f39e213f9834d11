import { z } from 'zod';
import { ID_TYPES, idCardError, idNumberError, isValidMobile, mobileError, emailError, officePhoneError, normalizeIdNumber } from '@/lib/validation/identifiers';
import { isCounty } from '@/lib/regions/regions';
import { addressText, nameText, plainText } from '@/lib/validation/text';
import { tolerant } from '@/lib/zod-errors';
import { SUBJECT_FIELD_LABELS, type SubjectField } from './labels';
import { offersOrgCredential } from '@/lib/identity/labels';
import {
  UNIT_TYPES,
  ORG_CERT_TYPES,
  asksNationalLevel,
  AUTH_METHODS,
  LONG_TERM,
  personNameError,
  orgNameError,
  orgCertNumberError,
  certTypeError,
  detailedAddressError,
  idExpiryError,
} from './rules';


const L = SUBJECT_FIELD_LABELS;
const yesNo = z.enum(['是', '否'], { error: '请选择是或否' });
const fileId = z.coerce.number({ error: '请重新上传文件' }).int('请重新上传文件').positive('请重新上传文件').nullable().optional();
const opt = (s: z.ZodType<string, string>) => s.optional().default('');

/**
 * 新增主体 / 变更主体 input. Conditional groups (单位 only, 文件认证 images) are checked
 * in one refinement that runs even when other fields failed, so every error shows at once.
 */
function buildSubjectSchema(inheritedPii: boolean) {
  return z
  .object({
    nature: z.enum(['个人', '单位'], { error: '请选择开办主体性质' }),
    unitType: z.enum(UNIT_TYPES, { error: '请选择单位性质' }).optional(),
    nationalLevel: yesNo.optional(),
    orgCredentialToken: opt(z.string().trim().max(1000, '机关事业单位网络身份认证凭证已失效，请重新认证')),
    orgName: opt(nameText(L.orgName)),
    orgCertType: z.enum(ORG_CERT_TYPES, { error: '请选择主办单位证件类型' }).optional(),
    orgCertNumber: opt(nameText(L.orgCertNumber, 50)),
    orgCertFileId: fileId,
    legalRepName: opt(nameText(L.legalRepName, 50)),
    officeRegion: opt(nameText(L.officeRegion, 12)),
    officeAddress: opt(addressText(L.officeAddress)),
    regRegion: opt(nameText(L.regRegion, 12)),
    regAddress: opt(addressText(L.regAddress)),
    faceRecognition: yesNo.optional(),
    generativeAi: yesNo.optional(),
    principalName: nameText(L.principalName, 50),
    principalIdType: z.enum(ID_TYPES, { error: '请选择负责人证件类型' }),
    principalIdNumber: nameText(L.principalIdNumber, 40).transform(normalizeIdNumber),
    principalIdExpiry: nameText(L.principalIdExpiry, 20),
    principalRegion: nameText(L.principalRegion, 12),
    principalAddress: addressText(L.principalAddress),
    principalPhone: nameText(L.principalPhone, 20),
    officePhone: opt(nameText(L.officePhone, 30)),
    principalEmail: opt(nameText(L.principalEmail, 100)),
    authMethod: z.enum(AUTH_METHODS, { error: '请选择认证方式' }),
    idFrontFileId: fileId,
    idBackFileId: fileId,
    idHandheldFileId: fileId,
    identityToken: opt(z.string().trim().max(1000, '国家网络身份认证已失效，请重新认证')),
  })
  .superRefine(
    tolerant((v, ctx) => {
      const err = (path: SubjectField, message: string | null) => {
        if (message) ctx.addIssue({ code: 'custom', path: [path], message });
      };
      const foreignId = v.principalIdType === '护照' || v.principalIdType === '外国人永久居留身份证';
      err('principalName', personNameError(v.principalName ?? '', foreignId));
      const keep = (value: string | undefined) => inheritedPii && !value;
      if (!keep(v.principalIdNumber)) err('principalIdNumber', idNumberError(ID_TYPES.includes(v.principalIdType) ? v.principalIdType : '居民身份证', v.principalIdNumber ?? ''));
      err('principalIdExpiry', idExpiryError(v.principalIdExpiry ?? ''));
      err('principalRegion', v.principalRegion && isCounty(v.principalRegion) ? null : '请选择负责人常住地址（省/市/区县）');
      err('principalAddress', detailedAddressError(v.principalAddress ?? ''));
      if (!keep(v.principalPhone)) err('principalPhone', mobileError(v.principalPhone ?? ''));
      if (v.principalEmail) err('principalEmail', emailError(v.principalEmail));
      if (v.authMethod === '文件认证') {
        if (!v.idFrontFileId) err('idFrontFileId', '请上传身份证人像面');
        if (!v.idBackFileId) err('idBackFileId', '请上传身份证国徽面');
        if (!v.idHandheldFileId) err('idHandheldFileId', '请上传身份证手持照片');
      } else if (v.authMethod === '国家网络身份认证公共服务认证' && !v.identityToken) {
        err('identityToken', '请先完成国家网络身份认证');
      }
      if (v.nature !== '单位') return;
      if (!v.unitType) return err('unitType', '请选择单位性质');
      if (asksNationalLevel(v.unitType) && !v.nationalLevel) err('nationalLevel', '请选择是否中央/国家级单位');
      err('orgName', orgNameError(v.orgName ?? '', v.unitType));
      if (!v.orgCertType) err('orgCertType', '请选择主办单位证件类型');
      else {
        err('orgCertType', certTypeError(v.unitType, v.orgCertType));
        err('orgCertNumber', orgCertNumberError(v.orgCertType, v.orgCertNumber ?? ''));
      }
      if (v.orgCredentialToken && !offersOrgCredential(v.unitType))
        err('orgCredentialToken', '仅大中院校、事业单位、政府机构可通过机关事业单位网络身份认证凭证填报');
      // The credential vouches for the organisation: its 有效证件 scan is then optional.
      if (!v.orgCertFileId && !v.orgCredentialToken) err('orgCertFileId', '请上传主办单位有效证件');
      err('legalRepName', v.legalRepName ? personNameError(v.legalRepName, true) : '请填写法定代表人姓名');
      err('officeRegion', v.officeRegion && isCounty(v.officeRegion) ? null : '请选择单位办公地址（省/市/区县）');
      err('officeAddress', detailedAddressError(v.officeAddress ?? ''));
      if (v.regRegion && !isCounty(v.regRegion)) err('regRegion', '请选择完整的单位注册地址（省/市/区县）');
      if (v.regAddress) err('regAddress', detailedAddressError(v.regAddress));
      if (!v.faceRecognition) err('faceRecognition', '请选择是否应用人脸识别技术');
      if (!v.generativeAi) err('generativeAi', '请选择是否利用生成式人工智能技术提供服务');
      err('officePhone', v.officePhone ? officePhoneError(v.officePhone) : '单位主体须填写办公室电话');
    }),
    { when: () => true },
  );
}

/** The complete, stored form of a subject: every rule applies. */
export const subjectSchema = buildSubjectSchema(false);
/**
 * What the form sends when 负责人证件号码 / 负责人手机号码 may stay empty because the server
 * fills them (同当前账号信息, 变更主体 keeping the old values, 重新提交): full values never
 * travel to the browser.
 */
export const subjectFormSchema = buildSubjectSchema(true);

export type SubjectInput = z.input<typeof subjectSchema>;
export type SubjectData = z.output<typeof subjectSchema>;

/** The subject's display name: the organisation, or the person. */
export function subjectName(d: Pick<SubjectData, 'nature' | 'orgName' | 'principalName'>): string {
  return d.nature === '单位' ? (d.orgName ?? '').trim() : d.principalName.trim();
}

/** 管辖地: 单位 → county of 单位办公地址; 个人 → county of 负责人常住地址. */
export function jurisdictionOf(d: Pick<SubjectData, 'nature' | 'officeRegion' | 'principalRegion'>): string {
  return d.nature === '单位' ? d.officeRegion! : d.principalRegion;
}

/** Drops fields that do not apply (单位 fields of a 个人, images of the other 认证方式) before storing. */
export function normalizeSubject(d: SubjectData): SubjectData {
  const out = { ...d };
  if (out.nature === '个人') {
    for (const k of ['unitType', 'nationalLevel', 'orgCertType', 'faceRecognition', 'generativeAi'] as const) out[k] = undefined;
    for (const k of ['orgName', 'orgCertNumber', 'legalRepName', 'officeRegion', 'officeAddress', 'regRegion', 'regAddress', 'officePhone', 'orgCredentialToken'] as const) out[k] = '';
    out.orgCertFileId = null;
  } else {
    if (out.orgCertNumber) out.orgCertNumber = out.orgCertNumber.toUpperCase();
    if (!asksNationalLevel(out.unitType)) out.nationalLevel = undefined;
  }
  if (out.authMethod === '文件认证') out.identityToken = '';
  else out.idFrontFileId = out.idBackFileId = out.idHandheldFileId = null;
  return out;
}

export { LONG_TERM };

// 注销主体

/** 注销主体 input, shared by the form (checked before the confirm dialog) and the action. */
export const cancelSubjectSchema = z.object({
  subjectId: z.number().int().positive(),
  principalName: nameText('负责人姓名', 50).min(1, '请填写负责人姓名'),
  middleFour: z.string({ error: '请填写手机号码中间四位' }).trim().regex(/^\d{4}$/, '请填写手机号码中间四位'),
  code: z.string({ error: '请填写6位短信验证码' }).trim().regex(/^\d{6}$/, '请填写6位短信验证码'),
  reason: plainText('注销原因', 500).min(1, '请填写注销原因'),
  attachmentFileId: z.number().int().positive().nullable(),
});
export type CancelSubjectInput = z.input<typeof cancelSubjectSchema>;

export const subjectIdSchema = z.object({ subjectId: z.number().int().positive() });

// 移交主体 / 接收主体

/** 移交主体 input, shared by the form and the action (the service re-checks everything). */
export const transferSubjectSchema = z.object({
  subjectId: z.number().int().positive(),
  middleFour: z.string({ error: '请填写手机号码中间四位' }).trim().regex(/^\d{4}$/, '请填写手机号码中间四位'),
  toPhone: nameText('接收人手机号', 20)
    .min(1, '请填写接收人手机号')
    .refine((v) => v === '' || isValidMobile(v), '请填写正确的手机号码'),
  toIdNumber: nameText('接收人身份证号', 40)
    .min(1, '请填写接收人身份证号')
    .superRefine((v, ctx) => {
      const e = v === '' ? null : idCardError(v);
      if (e) ctx.addIssue({ code: 'custom', message: e.replace('证件号码', '身份证号') });
    }),
  code: z.string({ error: '请填写6位短信验证码' }).trim().regex(/^\d{6}$/, '请填写6位短信验证码'),
});
export type TransferSubjectInput = z.input<typeof transferSubjectSchema>;

export const transferIdSchema = z.object({ transferId: z.number().int().positive() });
export const acceptTransferSchema = z.object({ transferId: z.number().int().positive() });
