'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { websiteSchema } from '@/lib/websites/schemas';
import { submitNewWebsite, wizardSubject } from '@/lib/websites/service';
import { PROVIDER_KINDS, searchProviders } from '@/lib/providers/service';
import { regionFullName } from '@/lib/regions/regions';
import { saveDraft } from '@/lib/drafts/service';
import { draftPayload, toWizardValues, type WizardStep } from '@/components/websites/wizard-values';

const id = z.number().int().positive();

/** 查询网络接入服务商 / 查询域名注册服务商: 10 a page; a 境内 search needs a region (any level). */
export const searchProvidersAction = defineAction(
  {
    schema: z
      .object({
        kind: z.enum(PROVIDER_KINDS),
        scope: z.enum(['境内', '境外']),
        regionCode: z.string().regex(/^\d{6}$/).optional(),
        name: z.string().trim().max(100).optional(),
        page: z.number().int().min(1).max(100_000),
      })
      .superRefine((v, ctx) => {
        if (v.scope === '境内' && !v.regionCode)
          ctx.addIssue({ code: 'custom', path: ['regionCode'], message: v.kind === '接入服务商' ? '请选择接入商所属地区' : '请选择注册商所属地区' });
      }),
    permission: 'applicant.area',
  },
  async (input) => {
    const r = searchProviders({ kind: input.kind, scope: input.scope, regionCode: input.scope === '境内' ? input.regionCode : undefined, name: input.name, page: input.page });
    return {
      ...r,
      rows: r.rows.map((p) => ({ ...p, regionName: p.regionCode ? regionFullName(p.regionCode) || p.regionCode : '' })),
    };
  },
);

const MAX_DRAFT_CHARS = 50_000;

/** 保存草稿 at any step: the form re-shaped on the server, never with 证件号码 / 手机号码. */
export const saveWebsiteDraftAction = defineAction(
  {
    schema: z.object({
      subjectId: id,
      data: z.record(z.string(), z.unknown()),
      step: z.number().int().min(1).max(4),
      draftId: id.nullable(),
    }),
    permission: 'applicant.area',
  },
  async ({ subjectId, data, step, draftId }, { user }) => {
    if (!wizardSubject(user.id, subjectId)) throw new AppError('not_found', '主体不存在');
    const clean = draftPayload(toWizardValues(data), step as WizardStep);
    if (JSON.stringify(clean).length > MAX_DRAFT_CHARS) throw new AppError('invalid', '草稿内容过长，无法保存');
    const saved = saveDraft(user.id, '新办网站', clean, { draftId, subjectId });
    revalidatePath('/my');
    return { draftId: saved };
  },
);

/** 04 提示说明 → 提交: one 新办网站 application (the service re-checks everything). */
export const submitNewWebsiteAction = defineAction(
  {
    schema: z.object({ subjectId: id, data: websiteSchema, draftId: id.nullable() }),
    permission: 'applicant.area',
  },
  async ({ subjectId, data, draftId }, { user }) => {
    const r = submitNewWebsite(user.id, subjectId, data, { draftId });
    revalidatePath('/my');
    return { applicationId: r.applicationId, code: r.code };
  },
);
