'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { revokeApplication } from '@/lib/applications/service';

/** 撤销申请: the service re-checks ownership, 待审核 and the 30-minute window against the clock. */
export const revokeApplicationAction = defineAction(
  { schema: z.object({ id: z.number().int().positive() }), permission: 'applicant.area' },
  async ({ id }, { user }) => {
    revokeApplication(user.id, id);
    revalidatePath('/my', 'layout');
    return null;
  },
);
