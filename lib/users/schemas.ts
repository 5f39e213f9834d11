import { captchaField } from '@/lib/captcha/schemas';
import { z } from 'zod';
import { ID_TYPES, idNumberError, mobileError, emailError, normalizeIdNumber } from '@/lib/validation/identifiers';
import { passwordError } from '@/lib/auth/rules';
import { tolerant } from '@/lib/zod-errors';
import { LONG_TERM, idExpiryError, orgNameError, personNameError } from '@/lib/subjects/rules';
import { usccError } from '@/lib/validation/identifiers';
import { LEGAL_TYPES } from '@/db/schema/users';
import { beijingDate } from '@/lib/time';

/** 真实姓名: Chinese name (with · for minority names) or a Latin name for foreign documents. */
export function realNameError(name: string): string | null {
  const n = name.trim();
  if (!n) return '请填写真实姓名';
  if (n.length < 2 || n.length > 30) return '真实姓名长度应为2-30个字符';
  if (/\d/.test(n)) return '真实姓名不能包含数字';
  if (!/^([\u3400-\u9fff\u{20000}-\u{2ffff}]+(·[\u3400-\u9fff\u{20000}-\u{2ffff}]+)*|[A-Za-z][A-Za-z .'-]*[A-Za-z])$/u.test(n))
    return '请填写与证件一致的真实姓名';
  return null;
}

/**
 * 注册's 真实姓名 (an applicant's account): SPEC §11 gives no rule for it, so it takes the subject
 * form's 负责人姓名 rule too (the stricter one: no 王先生, 李小姐, 个人, company names), and
 * 同当前账号信息 never fills a 负责人姓名 the subject form refuses.
 */
export function applicantNameError(name: string): string | null {
  return realNameError(name) ?? personNameError(name.trim(), true);
}

const refineWith = (fn: (v: string) => string | null) => (v: string, ctx: z.RefinementCtx) => {
  const msg = fn(v);
  if (msg) ctx.addIssue({ code: 'custom', message: msg });
};

/** Length limits of the account forms (checked before anything else looks at the text). */
export const ACCOUNT_LIMITS = { name: 30, idNumber: 30, phone: 20, email: 100, password: 32 } as const;

/** A string field whose over-long input is refused before any other check looks at it. */
const limited = (max: number, label: string) => z.string({ error: `请填写${label}` }).max(max, { message: `${label}不能超过${max}个字符`, abort: true });

/** 手机号码 of the account forms. */
export const phoneField = limited(ACCOUNT_LIMITS.phone, '手机号码').trim().superRefine(refineWith(mobileError));
/** 短信验证码: six digits. */
export const smsCodeField = z.string({ error: '请填写6位短信验证码' }).trim().regex(/^\d{6}$/, '请填写6位短信验证码');
const passwordField = (label = '登录密码') =>
  z
    .string({ error: `请填写${label}` })
    .max(ACCOUNT_LIMITS.password, { message: `${label}长度应为8-32位`, abort: true })
    .superRefine(refineWith((v) => passwordError(v)?.replace('登录密码', label) ?? null));
const confirmField = z.string({ error: '请再次输入密码' }).max(ACCOUNT_LIMITS.password, { message: '两次输入的密码不一致', abort: true });

export const registerSchema = z
  .object({
    name: limited(ACCOUNT_LIMITS.name, '真实姓名').trim().superRefine(refineWith(applicantNameError)),
    idType: z.enum(ID_TYPES, { error: '请选择证件类型' }),
    idNumber: limited(ACCOUNT_LIMITS.idNumber, '证件号码').transform(normalizeIdNumber),
    phone: phoneField,
    smsCode: smsCodeField,
    email: limited(ACCOUNT_LIMITS.email, '电子邮件地址')
      .trim()
      .superRefine(refineWith((v) => (v ? emailError(v) : '请填写电子邮件地址'))),
    password: passwordField(),
    confirmPassword: confirmField,
    agree: z.literal(true, { error: '请阅读并同意《用户服务协议》' }),
    captcha: captchaField,
  })
  .superRefine(
    tolerant((v, ctx) => {
      const idMsg = idNumberError(ID_TYPES.includes(v.idType) ? v.idType : '居民身份证', v.idNumber ?? '');
      if (idMsg) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: idMsg });
      if (v.confirmPassword !== v.password) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
    }),
    // Cross-field checks run even when other fields failed, so every error shows at once.
    { when: () => true },
  );

export type RegisterInput = z.input<typeof registerSchema>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 法人注册 (seed 003): 法人类型, 企业名称, 统一社会信用代码, 法定代表人证件类型 / 姓名 / 证件号码,
 * 证件有效期 (开始时间, 结束时间 or 长期有效 = 9999-12-31), 法人代表手机号码 + 手机验证码, 设置密码 twice.
 */
export const registerLegalSchema = z
  .object({
    legalType: z.enum(LEGAL_TYPES, { error: '请选择法人类型' }),
    orgName: limited(60, '企业名称')
      .trim()
      .superRefine(refineWith((v) => orgNameError(v, undefined)?.replace('主办单位名称', '企业名称') ?? null)),
    creditCode: limited(ACCOUNT_LIMITS.idNumber, '统一社会信用代码').transform(normalizeIdNumber).superRefine(refineWith(usccError)),
    repIdType: z.enum(ID_TYPES, { error: '请选择法定代表人证件类型' }),
    repName: limited(ACCOUNT_LIMITS.name, '法定代表人姓名')
      .trim()
      .superRefine(refineWith((v) => applicantNameError(v)?.replace('真实姓名', '法定代表人姓名') ?? null)),
    repIdNumber: limited(ACCOUNT_LIMITS.idNumber, '法定代表人证件号码').transform(normalizeIdNumber),
    validFrom: z.string({ error: '请选择证件有效期开始时间' }).regex(DATE, '请选择证件有效期开始时间'),
    validTo: z.string({ error: '请选择证件有效期结束时间' }).regex(DATE, '请选择证件有效期结束时间'),
    phone: phoneField,
    smsCode: smsCodeField,
    password: passwordField('设置密码'),
    confirmPassword: confirmField,
    agree: z.literal(true, { error: '请阅读并同意《用户服务协议》' }),
    captcha: captchaField,
  })
  .superRefine(
    tolerant((v, ctx) => {
      const idMsg = idNumberError(ID_TYPES.includes(v.repIdType) ? v.repIdType : '居民身份证', v.repIdNumber ?? '');
      if (idMsg) ctx.addIssue({ code: 'custom', path: ['repIdNumber'], message: idMsg.replace('证件号码', '法定代表人证件号码') });
      if (v.validFrom && DATE.test(v.validFrom) && v.validFrom > beijingDate(new Date())) ctx.addIssue({ code: 'custom', path: ['validFrom'], message: '证件有效期开始时间不能晚于今天' });
      if (v.validTo && DATE.test(v.validTo)) {
        const expiry = idExpiryError(v.validTo);
        if (expiry) ctx.addIssue({ code: 'custom', path: ['validTo'], message: expiry });
        else if (v.validFrom && v.validTo !== LONG_TERM && v.validTo <= v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: '证件有效期结束时间应晚于开始时间' });
      }
      if (v.confirmPassword !== v.password) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
    }),
    { when: () => true },
  );

export type RegisterLegalInput = z.input<typeof registerLegalSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, '请填写当前密码').max(128, '当前密码不正确'),
    newPassword: passwordField(),
    confirmPassword: confirmField,
  })
  .superRefine(
    tolerant((v, ctx) => {
      if (v.confirmPassword !== v.newPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
    }),
    { when: () => true },
  );

/** 获取验证码 (注册, 忘记密码). */
export const sendCodeSchema = z.object({ phone: phoneField });

/** 忘记密码: 手机号码 + 短信验证码 + the new password twice. */
export const resetPasswordSchema = z
  .object({
    phone: phoneField,
    smsCode: smsCodeField,
    newPassword: passwordField('新密码'),
    confirmPassword: confirmField,
    captcha: captchaField,
  })
  .superRefine(
    (v, ctx) => {
      if (v.confirmPassword !== v.newPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
    },
    { when: () => true },
  );
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
