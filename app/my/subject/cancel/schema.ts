import { z } from 'zod';
import { nameText, plainText } from '@/lib/validation/text';

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
