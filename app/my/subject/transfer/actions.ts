'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { createTransfer, sendPrincipalCode, undoTransfer } from '@/lib/subjects/service';
import { subjectIdSchema, transferIdSchema, transferSubjectSchema } from './schema';

export const sendTransferCodeAction = defineAction({ schema: subjectIdSchema, permission: 'applicant.area' }, async ({ subjectId }, { user }) => {
  return sendPrincipalCode(user.id, subjectId, 'subject_transfer');
});

export const createTransferAction = defineAction({ schema: transferSubjectSchema, permission: 'applicant.area' }, async ({ subjectId, ...input }, { user }) => {
  const res = createTransfer(user.id, subjectId, input);
  // The header and 我的主体 show the subject as 移交中.
  revalidatePath('/my', 'layout');
  return res;
});

export const undoTransferAction = defineAction({ schema: transferIdSchema, permission: 'applicant.area' }, async ({ transferId }, { user }) => {
  undoTransfer(user.id, transferId);
  revalidatePath('/my', 'layout');
  return { undone: true };
});
