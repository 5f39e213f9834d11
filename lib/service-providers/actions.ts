'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { linkProviderAccount } from './accounts';

/** 关联服务商 on /admin/users: `filing:<filings.id>` (已备案服务商) or `directory:<provider_directory.id>` (服务商名录). */
export const linkProviderAccountAction = defineAction(
  {
    schema: z.object({
      id: z.number().int().positive(),
      provider: z.string({ error: '请选择服务商' }).regex(/^(filing|directory):[1-9]\d{0,15}$/, '请选择服务商'),
    }),
    permission: 'admin.area',
  },
  async ({ id, provider }, { user }) => {
    const [kind, raw] = provider.split(':');
    const n = Number(raw);
    linkProviderAccount(id, kind === 'filing' ? { filingId: n } : { directoryId: n }, user.id);
    revalidatePath('/admin/users');
    revalidatePath('/provider');
    return null;
  },
);
