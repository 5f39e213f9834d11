'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { sendPrincipalCode, submitSubjectCancel } from '@/lib/subjects/service';
import { cancelSubjectSchema, subjectIdSchema } from './schema';

export const sendCancelCodeAction = defineAction({ schema: subjectIdSchema, permission: 'applicant.area' }, async ({ subjectId }, { user }) => {
  return sendPrincipalCode(user.id, subjectId, 'subject_cancel');
});

export const cancelSubjectAction = defineAction({ schema: cancelSubjectSchema, permission: 'applicant.area' }, async ({ subjectId, ...input }, { user }) => {
  const res = submitSubjectCancel(user.id, subjectId, input);
  // The header, 我的主体 and 我的申请 all show the subject's new status.
  revalidatePath('/my', 'layout');
  return res;
});
