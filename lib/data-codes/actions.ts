'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { bindDataCode } from './bind';
import { createSubjectDraftFromCode, createWebsiteDraftsFromCode } from './drafts';

/** 绑定数据码 → 确认 (and the home pop-up's 确认). */
export const bindDataCodeAction = defineAction(
  {
    schema: z.object({
      code: z.string().max(64, '请填写正确的数据码（16位字母和数字）').trim().min(1, '请填写数据码'),
      match: z.string().max(40, '负责人手机号/身份证号格式不正确').optional().default(''),
    }),
    permission: 'applicant.area',
  },
  ({ code, match }, { user }) => {
    const id = bindDataCode(user.id, { code, match });
    revalidatePath('/my');
    return { id };
  },
);

const codeId = z.number().int().positive();

/** 详情 → 创建主体: the draft opens in 新增主体. */
export const createSubjectDraftAction = defineAction({ schema: z.object({ codeId }), permission: 'applicant.area' }, ({ codeId }, { user }) => ({
  draftId: createSubjectDraftFromCode(user.id, codeId),
}));

/** 详情 → 创建网站 (one website, `index`) or 批量创建网站 (every website). */
export const createWebsiteDraftsAction = defineAction(
  { schema: z.object({ codeId, index: z.union([z.number().int().min(0).max(99), z.literal('all')]) }), permission: 'applicant.area' },
  ({ codeId, index }, { user }) => {
    const ids = createWebsiteDraftsFromCode(user.id, codeId, index);
    revalidatePath('/my/drafts');
    return { draftIds: ids };
  },
);
