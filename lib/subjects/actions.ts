'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { subjectFormSchema } from '@/lib/subjects/schemas';
import { SUBJECT_FIELD_LABELS } from '@/lib/subjects/labels';
import { submitNewSubject, previewSubjectChange, submitSubjectChange, getSubjectView } from '@/lib/subjects/service';
import { saveDraft } from '@/lib/drafts/service';
import { correctNationalLevel } from '@/lib/subjects/national-level';
import { bindIdentityToken, getIdentityVerifier, IDENTITY_UNAVAILABLE } from '@/lib/identity/verifier';
import { bindOrgCredential, getOrgCredentialVerifier } from '@/lib/identity/org-verifier';
import { ORG_CREDENTIAL_UNAVAILABLE, offersOrgCredential } from '@/lib/identity/labels';
import { UNIT_TYPES } from '@/lib/subjects/rules';
import { getUserIdentity } from '@/lib/users/service';
import { nameText, searchText } from '@/lib/validation/text';
import { listMySubjects, setCurrentSubject, sendPrincipalCode, submitSubjectCancel, createTransfer, undoTransfer, acceptTransfer } from '@/lib/subjects/service';
import { acceptTransferSchema, cancelSubjectSchema, subjectIdSchema, transferIdSchema, transferSubjectSchema } from '@/lib/subjects/schemas';

const id = z.number().int().positive();

export const submitNewSubjectAction = defineAction(
  {
    schema: z.object({ data: subjectFormSchema, sameAsAccount: z.boolean(), draftId: id.nullable(), resubmitOf: id.nullable() }),
    permission: 'applicant.area',
  },
  async (input, { user }) => {
    const r = submitNewSubject(user.id, input);
    revalidatePath('/my');
    return { applicationId: r.applicationId, code: r.code };
  },
);

const changeSchema = z.object({ subjectId: id, data: subjectFormSchema, draftId: id.nullable() });

/** 变更主体 提交审核, step 1: the comparison table (nothing is stored). */
export const previewSubjectChangeAction = defineAction({ schema: changeSchema, permission: 'applicant.area' }, async ({ subjectId, data }, { user }) =>
  previewSubjectChange(user.id, subjectId, data),
);

/** 变更主体 提交审核, step 2 (确认). */
export const submitSubjectChangeAction = defineAction({ schema: changeSchema, permission: 'applicant.area' }, async ({ subjectId, data, draftId }, { user }) => {
  const r = submitSubjectChange(user.id, subjectId, { data, draftId });
  revalidatePath('/my');
  return { applicationId: r.applicationId, code: r.code };
});

// A draft keeps only the form's own keys; 证件号码 and 手机号码 are never stored in drafts.
const DRAFT_KEYS = new Set<string>([...Object.keys(SUBJECT_FIELD_LABELS), 'sameAsAccount', 'resubmitOf']);
const DRAFT_DROPPED = ['principalIdNumber', 'principalPhone', 'identityToken', 'orgCredentialToken'];
const MAX_DRAFT_CHARS = 20_000;

export const saveSubjectDraftAction = defineAction(
  {
    schema: z.object({
      type: z.enum(['新增主体', '变更主体']),
      data: z.record(z.string(), z.unknown()),
      draftId: id.nullable(),
      subjectId: id.nullable(),
    }),
    permission: 'applicant.area',
  },
  async ({ type, data, draftId, subjectId }, { user }) => {
    const clean = Object.fromEntries(Object.entries(data).filter(([k]) => DRAFT_KEYS.has(k) && !DRAFT_DROPPED.includes(k)));
    if (JSON.stringify(clean).length > MAX_DRAFT_CHARS) throw new AppError('invalid', '草稿内容过长，无法保存');
    if (type === '变更主体') {
      if (!subjectId) throw new AppError('invalid', '请先选择要变更的主体');
      getSubjectView(user.id, subjectId); // throws unless the subject is the user's own
    }
    const saved = saveDraft(user.id, type, clean, { draftId, subjectId: type === '变更主体' ? subjectId : null });
    revalidatePath('/my');
    return { draftId: saved };
  },
);

/**
 * 国家网络身份认证公共服务认证 through the configured IdentityVerifier. With 同当前账号信息
 * the account's own name and number are used (they never reach the browser).
 */
export const verifyIdentityAction = defineAction(
  {
    schema: z.object({
      name: nameText('负责人姓名', 50),
      idType: nameText('负责人证件类型', 20),
      idNumber: nameText('负责人证件号码', 40),
      sameAsAccount: z.boolean({ error: '同当前账号信息格式不正确' }),
    }),
    permission: 'applicant.area',
  },
  async (input, { user }) => {
    let p = { name: input.name, idType: input.idType, idNumber: input.idNumber };
    if (input.sameAsAccount) {
      const u = getUserIdentity(user.id);
      if (!u) throw new AppError('invalid', '当前账号未登记证件号码，请取消“同当前账号信息”后填写', { identityToken: '当前账号未登记证件号码' });
      p = u;
    } else {
      const missing: Record<string, string> = {};
      if (!p.name) missing.principalName = '请先填写负责人姓名';
      if (!p.idNumber) missing.principalIdNumber = '发起认证需要填写负责人证件号码';
      if (Object.keys(missing).length) throw new AppError('invalid', Object.values(missing)[0], missing);
    }
    const verifier = getIdentityVerifier();
    if (!verifier) throw new AppError('invalid', IDENTITY_UNAVAILABLE, { identityToken: IDENTITY_UNAVAILABLE });
    const r = await verifier.verify(p);
    if (!r.ok) throw new AppError('invalid', r.message, { identityToken: r.message });
    return { token: bindIdentityToken(p, r.token), sandbox: !!verifier.sandbox };
  },
);

// 通过机关事业单位网络身份认证凭证填报 (seed 004 §5.1.1)

/** Starts a credential scan: the QR code to show (none in the sandbox, whose panel stands in for the phone). */
export const beginOrgCredentialAction = defineAction({ schema: z.object({}), permission: 'applicant.area' }, async () => {
  const verifier = getOrgCredentialVerifier();
  if (!verifier) throw new AppError('invalid', ORG_CREDENTIAL_UNAVAILABLE, { orgCredentialToken: ORG_CREDENTIAL_UNAVAILABLE });
  const scan = await verifier.begin();
  return { ...scan, sandbox: !!verifier.sandbox };
});

/**
 * The scan's outcome: still waiting, or the organisation's fields with a pass bound to exactly
 * them (the server re-checks the binding on 提交审核). The sandbox's typed data is passed on only
 * to the sandbox.
 */
export const orgCredentialResultAction = defineAction(
  {
    schema: z.object({
      ticket: z.string().trim().min(1, '认证已过期，请重新扫码').max(200, '认证已过期，请重新扫码'),
      unitType: z.enum(UNIT_TYPES, { error: '请选择单位性质' }),
      sandboxScan: z
        .object({ orgName: nameText('主办单位名称'), orgCertNumber: nameText('统一社会信用代码', 50), legalRepName: nameText('法定代表人姓名', 50) })
        .optional(),
    }),
    permission: 'applicant.area',
  },
  async ({ ticket, unitType, sandboxScan }) => {
    if (!offersOrgCredential(unitType)) throw new AppError('invalid', '仅大中院校、事业单位、政府机构可通过机关事业单位网络身份认证凭证填报', { orgCredentialToken: '仅大中院校、事业单位、政府机构可通过机关事业单位网络身份认证凭证填报' });
    const verifier = getOrgCredentialVerifier();
    if (!verifier) throw new AppError('invalid', ORG_CREDENTIAL_UNAVAILABLE, { orgCredentialToken: ORG_CREDENTIAL_UNAVAILABLE });
    const r = await verifier.result(ticket, verifier.sandbox && sandboxScan ? { ...sandboxScan, unitType } : undefined);
    if (r.state === 'failed') throw new AppError('invalid', r.message, { orgCredentialToken: r.message });
    if (r.state === 'waiting') return { state: 'waiting' as const };
    return { state: 'passed' as const, org: r.org, token: bindOrgCredential(r.org, r.token), sandbox: !!verifier.sandbox };
  },
);

// 切换主体

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

// 注销主体

export const sendCancelCodeAction = defineAction({ schema: subjectIdSchema, permission: 'applicant.area' }, async ({ subjectId }, { user }) => {
  return sendPrincipalCode(user.id, subjectId, 'subject_cancel');
});

export const cancelSubjectAction = defineAction({ schema: cancelSubjectSchema, permission: 'applicant.area' }, async ({ subjectId, ...input }, { user }) => {
  const res = submitSubjectCancel(user.id, subjectId, input);
  // The header, 我的主体 and 我的申请 all show the subject's new status.
  revalidatePath('/my', 'layout');
  return res;
});

// 移交主体 / 接收主体

export const sendTransferCodeAction = defineAction({ schema: subjectIdSchema, permission: 'applicant.area' }, async ({ subjectId }, { user }) => {
  return sendPrincipalCode(user.id, subjectId, 'subject_transfer');
});

export const createTransferAction = defineAction({ schema: transferSubjectSchema, permission: 'applicant.area' }, async ({ subjectId, ...input }, { user }) => {
  const res = createTransfer(user.id, subjectId, input);
  // The header and 我的主体 show the subject as 移交中.
  revalidatePath('/my', 'layout');
  return res;
});

export const undoTransferAction = defineAction({ schema: transferIdSchema, permission: 'applicant.area' }, async ({ transferId }, { user }) => {
  undoTransfer(user.id, transferId);
  revalidatePath('/my', 'layout');
  return { undone: true };
});

export const acceptTransferAction = defineAction({ schema: acceptTransferSchema, permission: 'applicant.area' }, async ({ transferId }, { user }) => {
  const res = acceptTransfer(user.id, transferId);
  // The subject, its websites and applications now show under this account.
  revalidatePath('/my', 'layout');
  return res;
});

/** 是否中央/国家级单位 corrected by the reviewer of a 新增主体 / 变更主体 (lib/subjects/national-level.ts). */
export const correctNationalLevelAction = defineAction(
  { schema: z.object({ applicationId: id, nationalLevel: z.enum(['是', '否'], { error: '请选择是或否' }) }), permission: 'review.decide' },
  async ({ applicationId, nationalLevel }, { user }) => {
    const r = correctNationalLevel(user, applicationId, nationalLevel);
    revalidatePath(`/review/${applicationId}`);
    return r;
  },
);
