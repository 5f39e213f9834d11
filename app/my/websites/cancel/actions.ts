'use server';

import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { saveWebsiteCancelDraft, sendWebsiteCancelCode, submitWebsiteCancel } from '@/lib/websites/cancel';
import { cancelWebsiteDraftSchema, cancelWebsiteSchema, websiteIdSchema } from './schema';

export const sendWebsiteCancelCodeAction = defineAction({ schema: websiteIdSchema, permission: 'applicant.area' }, async ({ websiteId }, { user }) => {
  return sendWebsiteCancelCode(user.id, websiteId);
});

export const cancelWebsiteAction = defineAction({ schema: cancelWebsiteSchema, permission: 'applicant.area' }, async ({ websiteId, ...input }, { user }) => {
  const { liveness, ...res } = submitWebsiteCancel(user.id, websiteId, input);
  // The liveness check (up to ~5 s) finishes after the response; it never rejects.
  after(() => liveness);
  // 我的网站, 注销网站 and 我的申请 all show the website's new status.
  revalidatePath('/my', 'layout');
  return res;
});

/** 保存草稿: 负责人姓名, 注销原因 and the PDF (never the phone digits or the code). */
export const saveWebsiteCancelDraftAction = defineAction(
  { schema: cancelWebsiteDraftSchema, permission: 'applicant.area' },
  async ({ websiteId, draftId, ...data }, { user }) => {
    const id = saveWebsiteCancelDraft(user.id, websiteId, data, draftId);
    // 我的草稿 lists it, and this page hands it to the dialog when it is opened again.
    revalidatePath('/my', 'layout');
    return { draftId: id };
  },
);
