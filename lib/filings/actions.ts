'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { defineAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { FILING_KINDS } from '@/db/schema/filings';
import { saveDraft } from '@/lib/drafts/service';
import { wizardSubject } from '@/lib/websites/service';
import { cancelIdentityShape } from '@/lib/websites/schemas';
import { nameText, plainText } from '@/lib/validation/text';
import type { WizardStep } from '@/lib/websites/form-values';
import { filingDraftPayload, toFilingValues } from './form-values';
import { kindSpec } from './kinds';
import { submitNewFiling, type FilingInput } from './service';
import { loadFilingForChange, previewFilingChange, submitFilingChange } from './change';
import { saveFilingCancelDraft, sendFilingCancelCode, submitFilingCancel } from './cancel';

const id = z.number().int().positive();
const kind = z.enum(FILING_KINDS, { error: '业务类型不正确' });
const MAX_DRAFT_CHARS = 50_000;
const MAX_INPUT_CHARS = 100_000;

/**
 * What the wizard submits: checked whole by the service against the kind's schema (a change may
 * leave a registered 负责人's 证件号码 / 手机号码 empty to keep them, which the schema would refuse).
 */
const filingInput = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_INPUT_CHARS, '提交内容过长')
  .pipe(z.custom<FilingInput>());

function cleanDraft(k: (typeof FILING_KINDS)[number], data: Record<string, unknown>, step: number) {
  const clean = filingDraftPayload(toFilingValues(k, data), step as WizardStep);
  if (JSON.stringify(clean).length > MAX_DRAFT_CHARS) throw new AppError('invalid', '草稿内容过长，无法保存');
  return clean;
}

/** 保存草稿 of 新增APP / 新增小程序 at any step: re-shaped on the server, never with the 负责人's PII. */
export const saveFilingDraftAction = defineAction(
  {
    schema: z.object({ kind, subjectId: id, data: z.record(z.string(), z.unknown()), step: z.number().int().min(1).max(4), draftId: id.nullable() }),
    permission: 'applicant.area',
  },
  async ({ kind, subjectId, data, step, draftId }, { user }) => {
    if (!wizardSubject(user.id, subjectId)) throw new AppError('not_found', '主体不存在');
    const saved = saveDraft(user.id, kindSpec(kind).types.new, cleanDraft(kind, data, step), { draftId, subjectId });
    revalidatePath('/my');
    return { draftId: saved };
  },
);

/** 04 提示说明 → 提交: one 新增APP / 新增小程序 application (the service re-checks everything). */
export const submitNewFilingAction = defineAction(
  { schema: z.object({ kind, subjectId: id, data: filingInput, draftId: id.nullable() }), permission: 'applicant.area' },
  async ({ kind, subjectId, data, draftId }, { user }) => {
    const r = submitNewFiling(user.id, subjectId, kind, data, { draftId });
    revalidatePath('/my');
    return { applicationId: r.applicationId, code: r.code };
  },
);

const changeSchema = z.object({ kind, filingId: id, data: filingInput, draftId: id.nullable() });

/** 变更: 提交 shows the comparison table first (nothing is stored). */
export const previewFilingChangeAction = defineAction({ schema: changeSchema, permission: 'applicant.area' }, async ({ kind, filingId, data }, { user }) =>
  previewFilingChange(user.id, kind, filingId, data),
);

/** 变更信息确认 → 确认: the 变更APP / 变更小程序 application. */
export const submitFilingChangeAction = defineAction({ schema: changeSchema, permission: 'applicant.area' }, async ({ kind, filingId, data, draftId }, { user }) => {
  const r = submitFilingChange(user.id, kind, filingId, { data, draftId });
  revalidatePath('/my');
  return { applicationId: r.applicationId, code: r.code };
});

/** 保存草稿 of a change: only the user's own object while a change may be started. */
export const saveFilingChangeDraftAction = defineAction(
  {
    schema: z.object({ kind, filingId: id, data: z.record(z.string(), z.unknown()), step: z.number().int().min(1).max(4), draftId: id.nullable() }),
    permission: 'applicant.area',
  },
  async ({ kind, filingId, data, step, draftId }, { user }) => {
    const f = loadFilingForChange(user.id, kind, filingId);
    const saved = saveDraft(user.id, kindSpec(kind).types.change, cleanDraft(kind, data, step), { draftId, subjectId: f.subjectId, filingId });
    revalidatePath('/my');
    return { draftId: saved };
  },
);

// 注销APP / 注销小程序

export const sendFilingCancelCodeAction = defineAction({ schema: z.object({ kind, filingId: id }), permission: 'applicant.area' }, async ({ kind, filingId }, { user }) =>
  sendFilingCancelCode(user.id, kind, filingId),
);

export const cancelFilingAction = defineAction(
  {
    schema: z.object({
      kind,
      filingId: id,
      ...cancelIdentityShape,
      draftId: id.nullable().optional(),
    }),
    permission: 'applicant.area',
  },
  async ({ kind, filingId, ...input }, { user }) => {
    const { liveness, ...r } = submitFilingCancel(user.id, kind, filingId, input);
    // The 网址 check of an 应用市场 finishes after the response; it never rejects.
    if (liveness) after(() => liveness);
    revalidatePath('/my', 'layout');
    return r;
  },
);

/** 保存草稿 of the 注销 dialog (负责人姓名, 注销原因, 附件说明). */
export const saveFilingCancelDraftAction = defineAction(
  {
    schema: z.object({
      kind,
      filingId: id,
      draftId: id.nullable(),
      principalName: nameText('负责人姓名', 50),
      reason: plainText('注销原因', 500),
      attachmentFileId: id.nullable(),
    }),
    permission: 'applicant.area',
  },
  async ({ kind, filingId, draftId, ...data }, { user }) => {
    const saved = saveFilingCancelDraft(user.id, kind, filingId, data, draftId);
    revalidatePath('/my', 'layout');
    return { draftId: saved };
  },
);
