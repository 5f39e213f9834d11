'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import type { WebsiteInput } from '@/lib/websites/schemas';
import { loadWebsiteForChange, previewWebsiteChange, submitWebsiteChange } from '@/lib/websites/change';
import { saveDraft } from '@/lib/drafts/service';
import { draftPayload, toWizardValues, type WizardStep } from '@/components/websites/wizard-values';

const id = z.number().int().positive();
const MAX_INPUT_CHARS = 100_000;
const MAX_DRAFT_CHARS = 50_000;

/**
 * The wizard's submission. Self-filled contacts may leave 证件号码 / 手机号码 empty to keep the
 * registered ones, which the website schema would refuse; the service completes and re-checks it all.
 */
const changeInput = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_INPUT_CHARS, '提交内容过长')
  // Checked whole by the service (lib/websites/change.ts) once the kept PII is filled in.
  .pipe(z.custom<WebsiteInput>());

const changeSchema = z.object({ websiteId: id, data: changeInput, draftId: id.nullable() });

/** 04 提示说明 → 提交, step 1: the comparison table (nothing is stored). */
export const previewWebsiteChangeAction = defineAction({ schema: changeSchema, permission: 'applicant.area' }, async ({ websiteId, data }, { user }) =>
  previewWebsiteChange(user.id, websiteId, data),
);

/** 变更信息确认 → 确认: the 变更网站 application. */
export const submitWebsiteChangeAction = defineAction({ schema: changeSchema, permission: 'applicant.area' }, async ({ websiteId, data, draftId }, { user }) => {
  const r = submitWebsiteChange(user.id, websiteId, { data, draftId });
  revalidatePath('/my');
  return { applicationId: r.applicationId, code: r.code };
});

/** 保存草稿 of 变更网站: the form re-shaped on the server, never with 证件号码 / 手机号码. */
export const saveWebsiteChangeDraftAction = defineAction(
  {
    schema: z.object({ websiteId: id, data: z.record(z.string(), z.unknown()), step: z.number().int().min(1).max(4), draftId: id.nullable() }),
    permission: 'applicant.area',
  },
  async ({ websiteId, data, step, draftId }, { user }) => {
    // Only the user's own website, while a change may be started (the message says why not).
    const w = loadWebsiteForChange(user.id, websiteId);
    const clean = draftPayload(toWizardValues(data), step as WizardStep);
    if (JSON.stringify(clean).length > MAX_DRAFT_CHARS) throw new AppError('invalid', '草稿内容过长，无法保存');
    const saved = saveDraft(user.id, '变更网站', clean, { draftId, subjectId: w.subjectId, websiteId });
    revalidatePath('/my');
    return { draftId: saved };
  },
);

