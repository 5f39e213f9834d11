'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { canDecide } from '@/lib/auth/policy';
import type { CurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { handlerOf } from '@/lib/applications/handlers';
import { claimApplication, decideApplication, getReviewApplication, recordInterviewOutcome, releaseApplication, scheduleInterview } from '@/lib/review/service';
import { checkFilingClosed } from '@/lib/filings/liveness';
import { checkClosedAfterCancel } from '@/lib/websites/cancel';
import {
  beijingLocalToMs,
  PHONE_REQUIRED,
  decisionSchema,
  idSchema,
  interviewOutcomeSchema,
  policeCancelSchema,
  reviewNoteSchema,
  scheduleInterviewSchema,
  transferSchema,
} from '@/lib/review/schemas';
import { revealApplicationPii } from '@/lib/review/reveal';
import { addReviewNote } from '@/lib/review/notes';
import { transferApplication } from '@/lib/review/transfer';
import { policeCancel } from '@/lib/review/police-cancel';
import { checkPlacementNow } from '@/lib/websites/placement';

/** The service's actor; CurrentUser carries exactly the policy's fields (and a few more). */
function actorOf(user: CurrentUser) {
  if (!canDecide(user)) throw new AppError('forbidden', PHONE_REQUIRED);
  return { id: user.id, role: user.role, unitId: user.unitId, phoneVerified: user.phoneVerified };
}

/** Several comments on one field are joined, as the applicant sees them under that field. */
function commentsRecord(rows: { field: string; comment: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, comment } of rows) if (field && comment) out[field] = out[field] ? `${out[field]}；${comment}` : comment;
  return out;
}

/** 通过 / 退回. Returns the new status and, for a filed website, its 公安备案号. */
export const decideAction = defineAction({ schema: decisionSchema, permission: 'review.decide' }, async (input, { user }) => {
  const actor = actorOf(user);
  const res = decideApplication(actor, input.id, {
    decision: input.decision,
    reason: input.decision === '退回' ? input.reason : undefined,
    fieldComments: input.decision === '退回' ? commentsRecord(input.fieldComments) : undefined,
  });
  revalidatePath('/review', 'layout');
  return res;
});

/**
 * 释放. No revalidatePath: the client goes to /review (dynamic, so it is read fresh) instead of
 * staying on the page, which would claim the application again once shown.
 */
export const releaseAction = defineAction({ schema: idSchema, permission: 'review.decide' }, async ({ id }, { user }) => {
  releaseApplication(actorOf(user), id);
  return null;
});

/** 安排面审 / 实地检查 (时间 entered as Beijing time). */
export const scheduleInterviewAction = defineAction({ schema: scheduleInterviewSchema, permission: 'review.decide' }, async (input, { user }) => {
  const actor = actorOf(user);
  const res = scheduleInterview(actor, input.id, { kind: input.kind, scheduledAt: beijingLocalToMs(input.scheduledAt), place: input.place, materials: input.materials });
  revalidatePath('/review', 'layout');
  return res;
});

/** 登记面审结果: 通过 files the website (the number is shown on the refreshed page). */
export const interviewOutcomeAction = defineAction({ schema: interviewOutcomeSchema, permission: 'review.decide' }, async (input, { user }) => {
  const actor = actorOf(user);
  const res = recordInterviewOutcome(actor, input.id, {
    decision: input.decision,
    reason: input.decision === '退回' ? input.reason : undefined,
    note: input.note,
  });
  revalidatePath('/review', 'layout');
  const filed = input.decision === '通过' ? getReviewApplication(actor, input.id).website?.filingNumber : null;
  return { status: res.status, filingNumber: filed ?? null };
});

/** 重新检测 of a 注销网站: are its domains closed now? (The probe guards against internal addresses.) */
export const recheckLivenessAction = defineAction({ schema: idSchema, permission: 'review.decide' }, async ({ id }, { user }) => {
  const view = getReviewApplication(actorOf(user), id);
  const { websiteId, filingId } = view.app;
  if (!handlerOf(view.app.type).describe.reviewChecks.includes('liveness') || !(websiteId || filingId)) throw new AppError('invalid', '只有注销网站、注销应用市场申请需要检测关闭状态');
  if (view.status === '通过' || view.status === '退回' || view.status === '已撤销') throw new AppError('conflict', '该申请已被处理');
  const record = websiteId ? await checkClosedAfterCancel(websiteId) : await checkFilingClosed(filingId!);
  if (!record) throw new AppError('conflict', '网站关闭状态检测失败，请人工核实');
  return { ok: record.ok, checkedAt: record.checkedAt };
});

/**
 * 立即检测 of the 备案号放置检查 (id = website id; the service checks the reviewer's unit). The
 * client refreshes the page.
 */
export const reviewCheckPlacementAction = defineAction({ schema: idSchema, permission: 'websites.placement-check' }, async ({ id }, { user }) => {
  const r = await checkPlacementNow(user, id);
  return { ok: r.ok, checkedAt: r.checkedAt };
});

/**
 * 领取: the decision page calls this once it is shown (opening the page, a GET, never writes).
 * An application waiting for its 新增主体 is not claimed (lib/review/service claimApplication).
 */
export const claimApplicationAction = defineAction({ schema: idSchema, permission: 'review.decide' }, async ({ id }, { user }) => {
  return claimApplication(actorOf(user), id);
});

/** 查看完整信息: the full 证件号码 / 手机号码 of one application, each reveal audited. */
export const revealPiiAction = defineAction({ schema: idSchema, permission: 'review.reveal' }, async ({ id }, { user }) => {
  return revealApplicationPii(user, id);
});

/** 审核备注 (the page refreshes to show it in the 办理记录). */
export const addReviewNoteAction = defineAction({ schema: reviewNoteSchema, permission: 'review.notes' }, async ({ id, body }, { user }) => {
  const res = addReviewNote(user, id, body);
  revalidatePath(`/review/${id}`);
  return res;
});

/** 转办 (admin): to another unit's queue, due date kept. */
export const transferAction = defineAction({ schema: transferSchema, permission: 'review.transfer' }, async ({ id, unitId, reason }, { user }) => {
  const res = transferApplication(user, id, { unitId, reason });
  revalidatePath('/review', 'layout');
  return res;
});

/** 注销备案 by the police, confirmed in a dialog. */
export const policeCancelAction = defineAction({ schema: policeCancelSchema, permission: 'filings.police-cancel' }, async ({ object, id, reason, detail }, { user }) => {
  const res = policeCancel(user, { object, id }, { reason, detail });
  revalidatePath('/review', 'layout');
  return res;
});
