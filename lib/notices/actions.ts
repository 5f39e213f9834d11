'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { noticeIdSchema, noticeInputSchema, updateNoticeSchema } from '@/lib/notices/schemas';
import { createNotice, publishNotice, unpublishNotice, updateNotice } from '@/lib/notices/service';

// The home page and /notices show published notices.
function refresh(id?: number) {
  revalidatePath('/admin/notices');
  revalidatePath('/');
  revalidatePath('/notices');
  if (id) revalidatePath(`/notices/${id}`);
}

export const createNoticeAction = defineAction({ schema: noticeInputSchema, permission: 'notices.manage' }, (input, { user, ip }) => {
  const { id } = createNotice(user, input, ip);
  refresh();
  return { id };
});

export const updateNoticeAction = defineAction({ schema: updateNoticeSchema, permission: 'notices.manage' }, ({ id, ...input }, { user, ip }) => {
  updateNotice(user, id, input, ip);
  refresh(id);
  return { id };
});

export const publishNoticeAction = defineAction({ schema: noticeIdSchema, permission: 'notices.manage' }, ({ id }, { user, ip }) => {
  publishNotice(user, id, ip);
  refresh(id);
  return null;
});

export const unpublishNoticeAction = defineAction({ schema: noticeIdSchema, permission: 'notices.manage' }, ({ id }, { user, ip }) => {
  unpublishNotice(user, id, ip);
  refresh(id);
  return null;
});
