'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { linkProviderAccount } from './accounts';

/** 关联服务商 on /admin/users. */
export const linkProviderAccountAction = defineAction(
  {
    schema: z.object({ id: z.number().int().positive(), filingId: z.number({ error: '请选择已备案的服务商' }).int().positive('请选择已备案的服务商') }),
    permission: 'admin.area',
  },
  async ({ id, filingId }, { user }) => {
    linkProviderAccount(id, filingId, user.id);
    revalidatePath('/admin/users');
    revalidatePath('/provider');
    return null;
  },
);
