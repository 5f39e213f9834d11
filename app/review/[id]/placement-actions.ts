'use server';

import { defineAction } from '@/lib/actions';
import { checkPlacementNow } from '@/lib/websites/placement';
import { idSchema } from '../schema';

/**
 * 立即检测 of the 备案号放置检查 (id = website id; the service checks the reviewer's unit). No
 * revalidatePath: re-rendering /review/[id] claims the application, the client refreshes instead.
 */
export const reviewCheckPlacementAction = defineAction({ schema: idSchema, permission: 'websites.placement-check' }, async ({ id }, { user }) => {
  const r = await checkPlacementNow(user, id);
  return { ok: r.ok, checkedAt: r.checkedAt };
});
