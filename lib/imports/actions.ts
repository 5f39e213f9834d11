'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { importInputSchema } from './schemas';
import { importFileAs, previewImportAs } from './service';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** 预览: the first rows or the line-numbered errors; nothing is written. */
export const previewImportAction = defineAction({ schema: importInputSchema, permission: 'admin.area' }, async ({ kind, text }, { user }) =>
  previewImportAs(user, kind, bytesOf(text)),
);

/** 导入: the server parses the file again and imports all rows or none. */
export const importAction = defineAction({ schema: importInputSchema, permission: 'admin.area' }, async ({ kind, fileName, text }, { user }) => {
  const r = importFileAs(user, kind, fileName, bytesOf(text));
  if (r.ok) {
    revalidatePath('/admin/imports');
    revalidatePath('/review/dashboard');
  }
  return r;
});
