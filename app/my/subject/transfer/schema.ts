import { z } from 'zod';
import { idCardError, isValidMobile } from '@/lib/validation/identifiers';
import { nameText } from '@/lib/validation/text';

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
export const subjectIdSchema = z.object({ subjectId: z.number().int().positive() });
