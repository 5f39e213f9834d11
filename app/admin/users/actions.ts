'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { createStaffUser, newStaffSchema, setUserStatus, setUserUnit, USER_STATUSES } from '@/lib/users/service';

// /admin counts accounts and /admin/units counts each unit's 民警.
function refresh() {
  revalidatePath('/admin/users');
  revalidatePath('/admin/units');
  revalidatePath('/admin');
}

export const createUserAction = defineAction({ schema: newStaffSchema, permission: 'admin.area' }, async (input, { user, ip }) => {
  const { id } = await createStaffUser(input, { actorId: user.id, ip });
  refresh();
  return { id };
});

export const setUserStatusAction = defineAction(
  { schema: z.object({ id: z.number().int().positive(), status: z.enum(USER_STATUSES) }), permission: 'admin.area' },
  async ({ id, status }, { user }) => {
    // The service refuses an administrator disabling his own account.
    setUserStatus(id, status, user.id);
    refresh();
    return null;
  },
);

export const setUserUnitAction = defineAction(
  { schema: z.object({ id: z.number().int().positive(), unitId: z.number({ error: '请选择审核单位' }).int().positive('请选择审核单位') }), permission: 'admin.area' },
  async ({ id, unitId }, { user }) => {
    setUserUnit(id, unitId, user.id);
    refresh();
    return null;
  },
);
