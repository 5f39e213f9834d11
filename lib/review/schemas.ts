/**
 * Inputs of the reviewer's forms, shared by the client forms (checked before the confirmation
 * dialog) and the server actions (the authority). No server imports: the browser loads this.
 */
import { z } from 'zod';
import { addressText, nameText, plainText } from '@/lib/validation/text';

/** Refusal for a reviewer or admin without a verified phone (SPEC §1). */
export const PHONE_REQUIRED = '审核人员须完成手机验证后方可审核';

export const REASON_MAX = 500;
export const COMMENT_MAX = 200;
export const NOTE_MAX = 500;

const id = z.number().int().positive();

export const fieldCommentSchema = z
  .object({
    field: nameText('字段', 100),
    comment: plainText('审核意见', COMMENT_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.field && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: '请填写审核意见' });
    if (!v.field && v.comment) ctx.addIssue({ code: 'custom', path: ['field'], message: '请选择字段' });
  });

const reason = plainText('退回原因', REASON_MAX).default('');

function requireReason(v: { decision: string; reason: string }, ctx: z.RefinementCtx) {
  if (v.decision === '退回' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写退回原因' });
}

/** 审核结果 of an application (通过 / 退回 with 退回原因 and optional per-field comments). */
export const decisionSchema = z
  .object({
    id,
    decision: z.enum(['通过', '退回'], { error: '请选择审核结果' }),
    reason,
    fieldComments: z.array(fieldCommentSchema, { error: '字段审核意见格式不正确' }).max(50, '字段审核意见过多').default([]),
  })
  .superRefine(requireReason);
export type DecisionFormInput = z.input<typeof decisionSchema>;

/** 面审 / 实地检查 result. */
export const interviewOutcomeSchema = z
  .object({
    id,
    decision: z.enum(['通过', '退回'], { error: '请选择结果' }),
    reason,
    note: plainText('说明', NOTE_MAX).default(''),
  })
  .superRefine(requireReason);
export type InterviewOutcomeFormInput = z.input<typeof interviewOutcomeSchema>;

/** datetime-local values are Beijing time (lib/time). */
import { beijingLocalToMs, msToBeijingLocal } from '@/lib/time';
export { beijingLocalToMs, msToBeijingLocal };

export const INTERVIEW_KIND_OPTIONS = ['面审', '实地检查'] as const;

/** 安排面审 / 实地检查: 时间 is required, 地点 and 需携带材料 for 面审. */
export const scheduleInterviewSchema = z
  .object({
    id,
    kind: z.enum(INTERVIEW_KIND_OPTIONS, { error: '请选择面审或实地检查' }),
    scheduledAt: nameText('时间', 20).default(''),
    place: addressText('地点').default(''),
    materials: plainText('材料说明', 500).default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.scheduledAt) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: '请选择时间' });
    else if (Number.isNaN(beijingLocalToMs(v.scheduledAt))) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: '时间格式不正确' });
    if (v.kind === '面审' && !v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: '请填写面审地点' });
    if (v.kind === '面审' && !v.materials) ctx.addIssue({ code: 'custom', path: ['materials'], message: '请填写需携带的材料' });
  });
export type ScheduleInterviewFormInput = z.input<typeof scheduleInterviewSchema>;

export const idSchema = z.object({ id });

/** 审核备注: internal, for the unit's reviewers and admins only. */
export const reviewNoteSchema = z
  .object({ id, body: plainText('备注内容', NOTE_MAX).default('') })
  .superRefine((v, ctx) => {
    if (!v.body) ctx.addIssue({ code: 'custom', path: ['body'], message: '请填写备注内容' });
  });
export type ReviewNoteFormInput = z.input<typeof reviewNoteSchema>;

export const TRANSFER_REASON_MAX = 200;

/** 转办 (admin): the unit the application goes to, and why. */
export const transferSchema = z
  .object({
    id,
    unitId: z.number({ error: '请选择转办单位' }).int().positive('请选择转办单位'),
    reason: plainText('转办原因', TRANSFER_REASON_MAX).default(''),
  })
  .superRefine((v, ctx) => {
    if (!v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写转办原因' });
  });
export type TransferFormInput = z.input<typeof transferSchema>;

/** 注销备案 by the police: SPEC §6.3's examples, and 其他 with a required 注销说明. */
export const POLICE_CANCEL_OTHER = '其他';
export const POLICE_CANCEL_REASONS = ['网站已关闭', '违法违规', '主体已注销', '备案信息不真实', '长期无法访问', POLICE_CANCEL_OTHER] as const;
export type PoliceCancelReason = (typeof POLICE_CANCEL_REASONS)[number];

export const policeCancelSchema = z
  .object({
    object: z.enum(['website', 'filing']),
    id,
    reason: z.enum(POLICE_CANCEL_REASONS, { error: '请选择注销原因' }),
    detail: plainText('注销说明', REASON_MAX).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.reason === POLICE_CANCEL_OTHER && !v.detail) ctx.addIssue({ code: 'custom', path: ['detail'], message: '请填写注销说明' });
  });
export type PoliceCancelFormInput = z.input<typeof policeCancelSchema>;
