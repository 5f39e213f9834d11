'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { resendDelivery } from '@/lib/notify/service';

export const resendDeliveryAction = defineAction(
  { schema: z.object({ id: z.number().int().positive() }), permission: 'deliveries.manage' },
  async ({ id }, { user }) => {
    const result = await resendDelivery(user, id);
    revalidatePath('/admin/deliveries');
    return result;
  },
);
