'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { checkPlacementNow } from '@/lib/websites/placement';

const schema = z.object({ id: z.number().int().positive() });

/** 立即检测 of the 备案号放置检查 (the service checks the website is the applicant's own). */
export const checkPlacementAction = defineAction({ schema, permission: 'websites.placement-check' }, async ({ id }, { user }) => {
  const r = await checkPlacementNow(user, id);
  return { ok: r.ok, checkedAt: r.checkedAt };
});
