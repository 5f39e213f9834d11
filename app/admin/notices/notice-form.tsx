'use client';

import { useDeferredValue, useId, useState } from 'react';
import { Link } from '@/components/ui/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { NoticeMarkdown } from '@/components/notices/markdown';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { NOTICE_BODY_MAX, NOTICE_CATEGORIES, NOTICE_TITLE_MAX, noticeInputSchema, type NoticeCategory } from '@/lib/notices/schemas';
import { createNoticeAction, updateNoticeAction } from '@/lib/notices/actions';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { useAction } from '@/components/forms/use-action';

export type NoticeFormValues = { id?: number; category: NoticeCategory; title: string; body: string; published?: boolean };

const FIELDS = ['category', 'title', 'body'];

/** 新建公告 (no id) or 编辑公告: 栏目, 标题, 正文（Markdown） with a live 预览. */
export function NoticeForm({ notice }: { notice?: NoticeFormValues }) {
  const base = useId();
  const ids = { category: `${base}-category`, title: `${base}-title`, body: `${base}-body` };
  const [category, setCategory] = useState<string>(notice?.category ?? '');
  const [title, setTitle] = useState(notice?.title ?? '');
  const [body, setBody] = useState(notice?.body ?? '');
  const {
    run,
    pending,
    formError,
    setFormError,
    fieldErrors: errors,
    setFieldErrors: setErrors,
  } = useAction(
    async (input: Parameters<typeof createNoticeAction>[0]) => {
      const res = await (notice?.id ? updateNoticeAction({ id: notice.id, ...input }) : createNoticeAction(input));
      return res.ok ? { ok: true as const, data: null } : res;
    },
    { fields: FIELDS, redirect: () => '/admin/notices', failureText: '保存失败，请稍后重试' },
  );
  // Typing stays quick in a long text: the preview follows when React has time.
  const preview = useDeferredValue(body);

  const describedBy = (k: keyof typeof ids) => (errors[k] ? `${ids[k]}-error` : `${ids[k]}-hint`);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const input = { category: category as NoticeCategory, title, body };
    // The same schema as the server: errors show without a round trip; the server checks again.
    const local = noticeInputSchema.safeParse(input);
    if (!local.success) {
      setErrors(fieldErrorsOf(local.error));
      return;
    }
    setErrors({});
    await run(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="min-w-0 space-y-5">
      {formError && <Alert variant="destructive">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field id={ids.category} label="栏目" required error={errors.category} hint="公告显示在首页的哪个栏目">
          <NativeSelect
            id={ids.category}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            aria-invalid={!!errors.category}
            aria-describedby={describedBy('category')}
          >
            <NativeSelectOption value="" disabled>
              请选择
            </NativeSelectOption>
            {NOTICE_CATEGORIES.map((c) => (
              <NativeSelectOption key={c} value={c}>
                {c}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id={ids.title} label="标题" required error={errors.title} hint={`不超过${NOTICE_TITLE_MAX}个字符`}>
          <Input
            id={ids.title}
            value={title}
            maxLength={NOTICE_TITLE_MAX}
            autoComplete="off"
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={!!errors.title}
            aria-describedby={describedBy('title')}
          />
        </Field>
      </div>
      <div className="grid min-w-0 gap-4 lg:grid-cols-2">
        <Field
          id={ids.body}
          label="正文（Markdown）"
          required
          error={errors.body}
          hint={`支持 Markdown：# 标题、**加粗**、- 列表、[链接文字](https://…)。不支持 HTML 代码。已输入 ${body.length} / ${NOTICE_BODY_MAX} 个字符`}
          className="min-w-0"
        >
          <Textarea
            id={ids.body}
            value={body}
            rows={18}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={!!errors.body}
            aria-describedby={describedBy('body')}
            className="min-h-72 font-mono md:text-sm"
          />
        </Field>
        <section aria-labelledby={`${base}-preview`} className="min-w-0 space-y-1.5">
          <h2 id={`${base}-preview`} className="text-sm font-medium">
            预览
          </h2>
          <div className="max-h-[32rem] min-h-72 overflow-y-auto rounded-md border bg-card px-4 py-2">
            {preview.trim() ? <NoticeMarkdown>{preview}</NoticeMarkdown> : <p className="py-6 text-center text-sm text-muted-foreground">输入正文后在此预览</p>}
          </div>
        </section>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? '保存中…' : '保存'}
        </Button>
        <Button variant="outline" asChild>
          <Link href="/admin/notices">取消</Link>
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">
        {notice?.published ? '该公告已发布，保存后首页和公告页面立即显示修改后的内容。' : '保存后公告为“未发布”状态，请在公告管理列表中点击“发布”后对外显示。'}
      </p>
    </form>
  );
}
