import { z } from 'zod';
import { NOTICE_CATEGORIES } from '@/db/schema/notices';
import { nameText, plainCharsError, tooLongMessage } from '@/lib/validation/text';

export { NOTICE_CATEGORIES };
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 20_000;

/** `?category=` as one of the four 栏目, anything else is none. */
export function parseNoticeCategory(v: string | string[] | undefined): NoticeCategory | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return (NOTICE_CATEGORIES as readonly string[]).includes(s ?? '') ? (s as NoticeCategory) : undefined;
}

/** 新建公告 / 编辑公告: the form, the action and the service parse the same schema. */
export const noticeInputSchema = z.object({
  category: z.enum(NOTICE_CATEGORIES, { error: '请选择栏目' }),
  title: nameText('标题', NOTICE_TITLE_MAX).min(1, '请填写标题'),
  // Leading spaces mean something in Markdown (an indented code block), so only the end is trimmed.
  body: z
    .string({ error: '请填写正文' })
    .transform((v) => v.replace(/\r\n?/g, '\n').trimEnd())
    .pipe(
      z
        .string()
        .min(1, '请填写正文')
        .max(NOTICE_BODY_MAX, tooLongMessage('正文', NOTICE_BODY_MAX))
        .superRefine((v, ctx) => {
          const message = plainCharsError(v, '正文');
          if (message) ctx.addIssue({ code: 'custom', message });
        }),
    ),
});

export type NoticeInput = z.input<typeof noticeInputSchema>;
export type NoticeValues = z.output<typeof noticeInputSchema>;

export const noticeIdSchema = z.object({ id: z.number({ error: '公告不存在' }).int().positive() });

export const updateNoticeSchema = noticeInputSchema.extend(noticeIdSchema.shape);
