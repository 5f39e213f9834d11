'use server';

import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { sendWebsiteCancelCode, submitWebsiteCancel } from '@/lib/websites/cancel';
import { cancelWebsiteSchema, websiteIdSchema } from './schema';

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
