'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { createUnit, deleteUnit, updateUnit } from '@/lib/units/service';

// The service checks the values (all field errors at once); this is only the shape.
const unitShape = z.object({
  name: z.string().max(200),
  code: z.string().max(20),
  covers: z.array(z.string().max(20)).max(500),
  isDefault: z.boolean(),
});

// /admin lists the units too, and /admin/users offers them in its filters.
function refresh() {
  revalidatePath('/admin/units');
  revalidatePath('/admin/users');
  revalidatePath('/admin');
}

export const createUnitAction = defineAction({ schema: unitShape, permission: 'admin.area' }, async (input, { user }) => {
  const unit = createUnit(input, user.id);
  refresh();
  return { id: unit.id };
});

export const updateUnitAction = defineAction(
  { schema: unitShape.extend({ id: z.number().int().positive() }), permission: 'admin.area' },
  async ({ id, ...input }, { user }) => {
    updateUnit(id, input, user.id);
    refresh();
    return { id };
  },
);

export const deleteUnitAction = defineAction({ schema: z.object({ id: z.number().int().positive() }), permission: 'admin.area' }, async ({ id }, { user }) => {
  deleteUnit(id, user.id);
  refresh();
  return null;
});
