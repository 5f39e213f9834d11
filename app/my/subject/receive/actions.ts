'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { acceptTransfer } from '@/lib/subjects/service';
import { acceptTransferSchema } from './schema';

export const acceptTransferAction = defineAction({ schema: acceptTransferSchema, permission: 'applicant.area' }, async ({ transferId }, { user }) => {
  const res = acceptTransfer(user.id, transferId);
  // The subject, its websites and applications now show under this account.
  revalidatePath('/my', 'layout');
  return res;
});
