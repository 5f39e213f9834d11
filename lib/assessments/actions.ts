'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { assessmentSubmitSchema, isFilingTarget } from '@/lib/assessments/schemas';
import { submitAssessment } from '@/lib/assessments/service';
import { saveDraft } from '@/lib/drafts/service';
import { currentSubjectId } from '@/lib/subjects/service';
import { draftPayload, toAssessmentValues, type AssessmentStep } from '@/lib/assessments/form-values';

const id = z.number().int().positive();
const MAX_DRAFT_CHARS = 20_000;

/** The current subject, or the error the wizard shows (it was switched or cancelled meanwhile). */
function subjectOf(userId: number): number {
  const subjectId = currentSubjectId(userId);
  if (!subjectId) throw new AppError('conflict', '请先申请开办主体');
  return subjectId;
}

/** 保存草稿 at any step: the form re-shaped on the server, without 我已阅读并同意. */
export const saveAssessmentDraftAction = defineAction(
  {
    schema: z.object({
      data: z.record(z.string(), z.unknown()),
      step: z.number().int().min(1).max(4),
      draftId: id.nullable(),
    }),
    permission: 'applicant.area',
  },
  async ({ data, step, draftId }, { user }) => {
    const subjectId = subjectOf(user.id);
    const values = toAssessmentValues(data);
    const clean = draftPayload(values, step as AssessmentStep);
    if (JSON.stringify(clean).length > MAX_DRAFT_CHARS) throw new AppError('invalid', '草稿内容过长，无法保存');
    // The draft names the object of the chosen 类型 only.
    const r = values.report;
    const websiteId = !isFilingTarget(r.targetType) && r.websiteId ? Number(r.websiteId) : null;
    const filingId = isFilingTarget(r.targetType) && r.filingId ? Number(r.filingId) : null;
    const saved = saveDraft(user.id, '安全评估', clean, { draftId, subjectId, websiteId, filingId });
    revalidatePath('/my/drafts');
    return { draftId: saved };
  },
);

/** 提示说明 → 提交: one 安全评估 application (the service re-checks everything). */
export const submitAssessmentAction = defineAction(
  {
    schema: z.object({ data: assessmentSubmitSchema, draftId: id.nullable() }),
    permission: 'applicant.area',
  },
  async ({ data, draftId }, { user }) => {
    const r = submitAssessment(user.id, subjectOf(user.id), data, { draftId });
    revalidatePath('/my', 'layout');
    return { applicationId: r.applicationId, assessmentId: r.assessmentId, code: r.code };
  },
);
