'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { websiteSchema } from '@/lib/websites/schemas';
import { domainsInUse, submitNewWebsite, wizardSubject } from '@/lib/websites/service';
import { PROVIDER_KINDS, searchProviders } from '@/lib/providers/service';
import { regionFullName } from '@/lib/regions/regions';
import { saveDraft } from '@/lib/drafts/service';
import { bindIdentityToken, getIdentityVerifier, IDENTITY_UNAVAILABLE } from '@/lib/identity/verifier';
import { draftPayload, toWizardValues, type WizardStep } from '@/lib/websites/form-values';
import { nameText, searchText } from '@/lib/validation/text';
import { after } from 'next/server';
import type { WebsiteInput } from '@/lib/websites/schemas';
import { loadWebsiteForChange, previewWebsiteChange, submitWebsiteChange } from '@/lib/websites/change';
import { saveWebsiteCancelDraft, sendWebsiteCancelCode, submitWebsiteCancel } from '@/lib/websites/cancel';
import { cancelWebsiteDraftSchema, cancelWebsiteSchema, websiteIdSchema } from '@/lib/websites/schemas';
import { checkPlacementNow } from '@/lib/websites/placement';

const id = z.number().int().positive();

/** 查询网络接入服务商 / 查询域名注册服务商: 10 a page; a 境内 search needs a region (any level). */
export const searchProvidersAction = defineAction(
  {
    schema: z
      .object({
        kind: z.enum(PROVIDER_KINDS, { error: '请选择服务商类型' }),
        scope: z.enum(['境内', '境外'], { error: '请选择所属地区管辖' }),
        regionCode: z.string({ error: '请选择所属地区' }).regex(/^\d{6}$/, '请选择所属地区').optional(),
        name: searchText('服务商名称', 100).optional(),
        page: z.number({ error: '页码格式不正确' }).int('页码格式不正确').min(1, '页码格式不正确').max(100_000, '页码格式不正确'),
      })
      .superRefine((v, ctx) => {
        if (v.scope === '境内' && !v.regionCode)
          ctx.addIssue({ code: 'custom', path: ['regionCode'], message: v.kind === '接入服务商' ? '请选择接入商所属地区' : '请选择域名服务商所属地区' });
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
    schema: z.object({ subjectId: id, data: websiteSchema, draftId: id.nullable(), claim: id.nullable().optional() }),
    permission: 'applicant.area',
  },
  async ({ subjectId, data, draftId, claim }, { user }) => {
    // claim: 网站认领 of that legacy filing (the service checks it is this user's to claim).
    const r = submitNewWebsite(user.id, subjectId, data, { draftId, claim });
    revalidatePath('/my');
    return { applicationId: r.applicationId, code: r.code };
  },
);

/**
 * 网站负责人 (自主填写) → 国家网络身份认证 through the configured IdentityVerifier. The pass is bound to
 * the 姓名 / 证件类型 / 证件号码 sent here; submitting checks it against the contact's own values.
 * Errors are keyed name / idNumber / identityToken (the wizard puts them on that contact's fields).
 */
export const verifyContactIdentityAction = defineAction(
  {
    schema: z.object({
      name: nameText('姓名', 50),
      idType: nameText('证件类型', 20),
      idNumber: nameText('证件号码', 40),
    }),
    permission: 'applicant.area',
  },
  async (input) => {
    const missing: Record<string, string> = {};
    if (!input.name) missing.name = '请先填写姓名';
    if (!input.idNumber) missing.idNumber = '发起认证需要填写完整的证件号码';
    if (Object.keys(missing).length) throw new AppError('invalid', Object.values(missing)[0], missing);
    const verifier = getIdentityVerifier();
    if (!verifier) throw new AppError('invalid', IDENTITY_UNAVAILABLE, { identityToken: IDENTITY_UNAVAILABLE });
    const r = await verifier.verify(input);
    if (!r.ok) throw new AppError('invalid', r.message, { identityToken: r.message });
    return { token: bindIdentityToken(input, r.token), sandbox: !!verifier.sandbox };
  },
);

// 变更网站

const MAX_INPUT_CHARS = 100_000;

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

// 注销网站

export const sendWebsiteCancelCodeAction = defineAction({ schema: websiteIdSchema, permission: 'applicant.area' }, async ({ websiteId }, { user }) => {
  return sendWebsiteCancelCode(user.id, websiteId);
});

export const cancelWebsiteAction = defineAction({ schema: cancelWebsiteSchema, permission: 'applicant.area' }, async ({ websiteId, ...input }, { user }) => {
  const { liveness, ...res } = submitWebsiteCancel(user.id, websiteId, input);
  // The liveness check (up to ~5 s) finishes after the response; it never rejects.
  after(() => liveness);
  // 我的网站, 注销网站 and 我的申请 all show the website's new status.
  revalidatePath('/my', 'layout');
  return res;
});

/** 保存草稿: 负责人姓名, 注销原因 and the PDF (never the phone digits or the code). */
export const saveWebsiteCancelDraftAction = defineAction(
  { schema: cancelWebsiteDraftSchema, permission: 'applicant.area' },
  async ({ websiteId, draftId, ...data }, { user }) => {
    const id = saveWebsiteCancelDraft(user.id, websiteId, data, draftId);
    // 我的草稿 lists it, and this page hands it to the dialog when it is opened again.
    revalidatePath('/my', 'layout');
    return { draftId: id };
  },
);

/** 立即检测 of the 备案号放置检查 (the service checks the website is the applicant's own). */
export const checkPlacementAction = defineAction({ schema: z.object({ id }), permission: 'websites.placement-check' }, async ({ id }, { user }) => {
  const r = await checkPlacementNow(user, id);
  return { ok: r.ok, checkedAt: r.checkedAt };
});

/** 下一步 of step 02: domains already filed or in progress, as field errors (lib/websites/service domainsInUse). */
export const checkDomainsAction = defineAction(
  { schema: z.object({ domains: z.array(z.string().max(300)).max(50), websiteId: id.nullable() }), permission: 'applicant.area' },
  async ({ domains, websiteId }, { user }) => domainsInUse(user.id, domains, websiteId),
);
