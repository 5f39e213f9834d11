'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { deleteDraft } from '@/lib/drafts/service';

/** 删除 in 我的草稿: only the user's own draft (the service checks). */
export const deleteDraftAction = defineAction(
  { schema: z.object({ id: z.number().int().positive() }), permission: 'applicant.area' },
  async ({ id }, { user }) => {
    deleteDraft(user.id, id);
    revalidatePath('/my/drafts');
    return null;
  },
);
