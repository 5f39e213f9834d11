import { z } from 'zod';

/** 注销网站 input, shared by the dialog (checked before sending) and the action. */
export const cancelWebsiteSchema = z.object({
  websiteId: z.number().int().positive(),
  principalName: z.string().trim().min(1, '请填写负责人姓名').max(50, '负责人姓名不能超过50个字'),
  middleFour: z.string().trim().regex(/^\d{4}$/, '请填写手机号码中间四位'),
  code: z.string().trim().regex(/^\d{6}$/, '请填写6位短信验证码'),
  reason: z.string().trim().min(1, '请填写注销原因').max(500, '注销原因不能超过500个字'),
  attachmentFileId: z.number().int().positive().nullable(),
  draftId: z.number().int().positive().nullable().optional(),
});
export type CancelWebsiteInput = z.input<typeof cancelWebsiteSchema>;

export const websiteIdSchema = z.object({ websiteId: z.number().int().positive() });

/** 保存草稿 of the dialog: what was typed so far, unchecked (a draft may be incomplete). */
export const cancelWebsiteDraftSchema = z.object({
  websiteId: z.number().int().positive(),
  draftId: z.number().int().positive().nullable(),
  principalName: z.string().max(50, '负责人姓名不能超过50个字'),
  reason: z.string().max(500, '注销原因不能超过500个字'),
  attachmentFileId: z.number().int().positive().nullable(),
});
