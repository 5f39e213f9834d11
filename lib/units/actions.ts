'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { createUnit, deleteUnit, updateUnit } from '@/lib/units/service';
import { nameText } from '@/lib/validation/text';

// The service checks the values (all field errors at once); this is only the shape.
const unitShape = z.object({
  name: nameText('单位名称', 50),
  code: nameText('单位区划代码', 20),
  covers: z.array(nameText('管辖区划代码', 20), { error: '管辖区划代码格式不正确' }).max(500, '管辖区划代码过多'),
  isDefault: z.boolean({ error: '默认单位格式不正确' }),
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
