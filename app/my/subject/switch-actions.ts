'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { listMySubjects, setCurrentSubject, getSubjectView } from '@/lib/subjects/service';
import { AppError } from '@/lib/errors';
import { searchText } from '@/lib/validation/text';

/** 切换主体 list: the user's own subjects, 10 a page, searchable by 主体名称 (no PII in the rows). */
export const listMySubjectsAction = defineAction(
  {
    schema: z.object({ name: searchText('主体名称', 100).optional(), page: z.number().int().positive().max(1_000_000).optional() }),
    permission: 'applicant.area',
  },
  async ({ name, page }, { user }) => {
    const r = listMySubjects(user.id, { name, page });
    return {
      rows: r.rows.map((s) => ({ id: s.id, nature: s.nature, name: s.name, status: s.status, createdAt: s.createdAt, isCurrent: s.isCurrent })),
      total: r.total,
      page: r.page,
      pageSize: r.pageSize,
    };
  },
);

/** 点击切换: makes one of the user's own subjects the current one. */
export const switchSubjectAction = defineAction(
  { schema: z.object({ subjectId: z.number().int().positive() }), permission: 'applicant.area' },
  async ({ subjectId }, { user }) => {
    const s = getSubjectView(user.id, subjectId);
    if (s.status === '已注销') throw new AppError('conflict', '该主体已注销，不能切换为当前主体');
    setCurrentSubject(user.id, subjectId);
    revalidatePath('/', 'layout');
    return { name: s.name };
  },
);
