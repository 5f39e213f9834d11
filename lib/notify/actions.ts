'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { markRead, resendDelivery } from '@/lib/notify/service';

export const markReadAction = defineAction(
  { schema: z.object({ id: z.union([z.number().int().positive(), z.literal('all')]) }), permission: 'notifications.self' },
  async ({ id }, { user }) => {
    markRead(user.id, id);
    revalidatePath('/my/notifications');
    return null;
  },
);

export const resendDeliveryAction = defineAction(
  { schema: z.object({ id: z.number().int().positive() }), permission: 'deliveries.manage' },
  async ({ id }, { user }) => {
    const result = await resendDelivery(user, id);
    revalidatePath('/admin/deliveries');
    return result;
  },
);
