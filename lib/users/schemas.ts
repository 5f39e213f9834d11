import { z } from 'zod';
import { ID_TYPES, idNumberError, mobileError, emailError, normalizeIdNumber } from '@/lib/validation/identifiers';
import { passwordError } from '@/lib/auth/rules';

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

const refineWith = (fn: (v: string) => string | null) => (v: string, ctx: z.RefinementCtx) => {
  const msg = fn(v);
  if (msg) ctx.addIssue({ code: 'custom', message: msg });
};

export const registerSchema = z
  .object({
    name: z.string().trim().superRefine(refineWith(realNameError)),
    idType: z.enum(ID_TYPES, { error: '请选择证件类型' }),
    idNumber: z.string().transform(normalizeIdNumber),
    phone: z.string().trim().superRefine(refineWith(mobileError)),
    email: z.string().trim().superRefine(refineWith((v) => (v ? emailError(v) : '请填写电子邮件地址'))),
    password: z.string().superRefine(refineWith(passwordError)),
    confirmPassword: z.string(),
    agree: z.literal(true, { error: '请阅读并同意《用户服务协议》' }),
  })
  .superRefine(
    (v, ctx) => {
      const idMsg = idNumberError(ID_TYPES.includes(v.idType) ? v.idType : '居民身份证', v.idNumber ?? '');
      if (idMsg) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: idMsg });
      if (v.confirmPassword !== v.password) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
    },
    // Cross-field checks run even when other fields failed, so every error shows at once.
    { when: () => true },
  );

export type RegisterInput = z.input<typeof registerSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, '请填写当前密码'),
    newPassword: z.string().superRefine(refineWith(passwordError)),
    confirmPassword: z.string(),
  })
  .superRefine(
    (v, ctx) => {
      if (v.confirmPassword !== v.newPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
    },
    { when: () => true },
  );

export const loginSchema = z.object({
  identifier: z.string().trim().min(1, '请填写手机号码、证件号码或电子邮件地址'),
  password: z.string().min(1, '请填写登录密码'),
});
