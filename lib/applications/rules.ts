/**
 * The one transition table of SPEC §2 (from × event → to) for applications, subjects
 * and websites. The UI asks `can*` to decide what to offer; services call `next*`,
 * which refuses any other transition with a clear Chinese error.
 */
import type { ApplicationStatus, SubjectStatus, WebsiteStatus } from '@/db/schema';
import { AppError } from '@/lib/errors';

export const REVOKE_WINDOW_MS = 30 * 60_000;

export const APPLICATION_EVENTS = {
  claim: '领取审核',
  release: '释放',
  schedule: '安排面审',
  approve: '审核通过',
  return: '退回',
  revoke: '撤销申请',
  void: '作废',
  /** A business application bundled with a 新增主体 that was returned goes back with it. */
  bundleReturn: '随主体退回',
  /** 转办 (admin): the application goes to another unit's queue, unclaimed; its due date is kept. */
  transfer: '转办',
} as const;
export type ApplicationEvent = keyof typeof APPLICATION_EVENTS;

export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  待审核: { claim: '审核中', revoke: '已撤销', void: '已撤销', bundleReturn: '退回', transfer: '待审核' },
  审核中: { release: '待审核', approve: '通过', return: '退回', schedule: '待面审', void: '已撤销', bundleReturn: '退回', transfer: '待审核' },
  待面审: { approve: '通过', return: '退回', void: '已撤销', bundleReturn: '退回' },
  通过: {},
  退回: {},
  已撤销: {},
};

export const SUBJECT_EVENTS = {
  approve: '审核通过',
  return: '退回',
  revoke: '撤销申请',
  resubmit: '重新提交',
  change: '变更主体',
  cancel: '注销主体',
  transfer: '移交主体',
  undoTransfer: '撤销移交',
  accept: '接收主体',
  changeApproved: '变更通过',
  changeEnded: '变更退回或撤销',
  cancelApproved: '注销通过',
  cancelEnded: '注销退回或撤销',
} as const;
export type SubjectEvent = keyof typeof SUBJECT_EVENTS;

export const SUBJECT_TRANSITIONS: Record<SubjectStatus, Partial<Record<SubjectEvent, SubjectStatus>>> = {
  待审核: { approve: '有效', return: '已退回', revoke: '已退回' },
  已退回: { resubmit: '待审核' },
  有效: { change: '变更中', cancel: '注销中', transfer: '移交中' },
  变更中: { changeApproved: '有效', changeEnded: '有效' },
  注销中: { cancelApproved: '已注销', cancelEnded: '有效' },
  移交中: { undoTransfer: '有效', accept: '有效' },
  已注销: {},
};

export const WEBSITE_EVENTS = {
  approve: '审核通过',
  return: '退回',
  revoke: '撤销申请',
  resubmit: '重新提交',
  change: '变更网站',
  cancel: '注销网站',
  changeEnded: '变更结束',
  cancelApproved: '注销通过',
  cancelEnded: '注销退回或撤销',
  subjectCancelled: '主体注销',
  /** 注销备案 by the police (SPEC §6.3): a filed object ends without an application of its applicant. */
  policeCancel: '注销备案',
} as const;
export type WebsiteEvent = keyof typeof WEBSITE_EVENTS;

export const WEBSITE_TRANSITIONS: Record<WebsiteStatus, Partial<Record<WebsiteEvent, WebsiteStatus>>> = {
  待审核: { approve: '已备案', return: '已退回', revoke: '已退回', subjectCancelled: '已注销' },
  已退回: { resubmit: '待审核', subjectCancelled: '已注销' },
  已备案: { change: '变更中', cancel: '注销中', subjectCancelled: '已注销', policeCancel: '已注销' },
  变更中: { changeEnded: '已备案', subjectCancelled: '已注销' },
  注销中: { cancelApproved: '已注销', cancelEnded: '已备案', subjectCancelled: '已注销' },
  已注销: {},
};

function step<S extends string, E extends string>(table: Record<S, Partial<Record<E, S>>>, labels: Record<E, string>, what: string, from: S, event: E): S {
  const to = table[from]?.[event];
  if (!to) throw new AppError('conflict', `${what}当前状态为“${from}”，不能${labels[event] ?? event}`);
  return to;
}

export const nextApplicationStatus = (from: ApplicationStatus, e: ApplicationEvent) => step(APPLICATION_TRANSITIONS, APPLICATION_EVENTS, '申请', from, e);
export const nextSubjectStatus = (from: SubjectStatus, e: SubjectEvent) => step(SUBJECT_TRANSITIONS, SUBJECT_EVENTS, '主体', from, e);
export const nextWebsiteStatus = (from: WebsiteStatus, e: WebsiteEvent) => step(WEBSITE_TRANSITIONS, WEBSITE_EVENTS, '网站', from, e);

/** Applications about the subject itself; every other type is a business application of the subject (网站, 安全评估 …). */
export const SUBJECT_APPLICATION_TYPES = ['新增主体', '变更主体', '注销主体'] as const;

export function isBusinessApplication(type: string): boolean {
  return !(SUBJECT_APPLICATION_TYPES as readonly string[]).includes(type);
}

/**
 * Why a business application of a subject in `status` cannot be approved, or null when it can:
 * the subject must have been approved (有效, or 有效 with a change or transfer under way) and not
 * be on its way out (SPEC §6.3: "no business application … while that subject is not 有效").
 */
export function subjectApprovalBlock(status: SubjectStatus): string | null {
  switch (status) {
    case '有效':
    case '变更中':
    case '移交中':
      return null;
    case '待审核':
      return '开办主体尚未审核通过，须先审核该主体的新增主体申请';
    case '已退回':
      return '开办主体已被退回，须待主体重新提交并审核通过';
    case '注销中':
      return '开办主体正在注销，不能通过该主体的业务申请';
    case '已注销':
      return '开办主体已注销，不能通过该主体的业务申请';
  }
}

/** 撤销申请: only while 待审核 and within 30 minutes of submission. */
export function canRevoke(app: { status: ApplicationStatus; submittedAt: number }, now: number): boolean {
  return app.status === '待审核' && now - app.submittedAt <= REVOKE_WINDOW_MS;
}
