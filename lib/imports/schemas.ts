import { z } from 'zod';
import { IMPORT_KINDS } from '@/db/schema/imports';

/** 预览 and 导入 of /admin/imports: the kind, the file's name and its text (read in the browser). */
export const importInputSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: '请选择导入类型' }),
  fileName: z.string().max(200, '文件名过长'),
  text: z.string().min(1, '请选择导入文件').max(2_200_000, '文件不能超过2MB'),
});
export type ImportInput = z.infer<typeof importInputSchema>;
