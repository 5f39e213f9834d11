'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import {
  createProvider,
  updateProvider,
  deleteProvider,
  importProvidersCsv,
  isProviderImportError,
  providerInputSchema,
  providerUpdateSchema,
} from '@/lib/providers/service';

// /admin shows the directory's size too.
function refresh() {
  revalidatePath('/admin/providers');
  revalidatePath('/admin');
}

export const createProviderAction = defineAction({ schema: providerInputSchema, permission: 'admin.area' }, async (input, { user }) => {
  const row = createProvider(input, user.id);
  refresh();
  return { id: row.id };
});

export const updateProviderAction = defineAction({ schema: providerUpdateSchema, permission: 'admin.area' }, async ({ id, ...input }, { user }) => {
  updateProvider(id, input, user.id);
  refresh();
  return { id };
});

export const deleteProviderAction = defineAction(
  { schema: z.object({ id: z.number().int().positive() }), permission: 'admin.area' },
  async ({ id }, { user }) => {
    deleteProvider(id, user.id);
    refresh();
    return null;
  },
);

export type ImportOutcome = { imported: number; skipped: number; errors?: undefined } | { errors: string[] };

/** 批量导入: the row errors come back as data so the page can list them all. */
export const importProvidersAction = defineAction(
  { schema: z.object({ text: z.string().max(5_000_000, 'CSV文件不能超过5MB') }), permission: 'admin.area' },
  async ({ text }, { user }): Promise<ImportOutcome> => {
    try {
      const res = importProvidersCsv(text, user.id);
      refresh();
      return res;
    } catch (e) {
      if (isProviderImportError(e)) return { errors: e.errors };
      throw e;
    }
  },
);
