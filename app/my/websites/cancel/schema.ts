import { z } from 'zod';
import { nameText, plainText } from '@/lib/validation/text';

/** 注销网站 input, shared by the dialog (checked before sending) and the action. */
export const cancelWebsiteSchema = z.object({
  websiteId: z.number().int().positive(),
  principalName: nameText('负责人姓名', 50).min(1, '请填写负责人姓名'),
  middleFour: z.string({ error: '请填写手机号码中间四位' }).trim().regex(/^\d{4}$/, '请填写手机号码中间四位'),
  code: z.string({ error: '请填写6位短信验证码' }).trim().regex(/^\d{6}$/, '请填写6位短信验证码'),
  reason: plainText('注销原因', 500).min(1, '请填写注销原因'),
  attachmentFileId: z.number().int().positive().nullable(),
  draftId: z.number().int().positive().nullable().optional(),
});
export type CancelWebsiteInput = z.input<typeof cancelWebsiteSchema>;

export const websiteIdSchema = z.object({ websiteId: z.number().int().positive() });

/** 保存草稿 of the dialog: what was typed so far, unchecked (a draft may be incomplete). */
export const cancelWebsiteDraftSchema = z.object({
  websiteId: z.number().int().positive(),
  draftId: z.number().int().positive().nullable(),
  principalName: nameText('负责人姓名', 50),
  reason: plainText('注销原因', 500),
  attachmentFileId: z.number().int().positive().nullable(),
});
