/**
 * A business type's handler: everything review, 我的申请 and the receipts need to know about one
 * kind of application. Status changes still come from the transition table (lib/applications/
 * rules.ts): handlers call next*Status, never set a status of their own.
 */
import type { applications, BusinessType } from '@/db/schema';
import type { Tx } from '@/db/client';
import type { ApplicationPayload } from '@/lib/applications/types';
import type { Actor } from '@/lib/auth/policy';
import type { ObjectKey } from '@/lib/objects';

export type AppRow = typeof applications.$inferSelect;

/** What an application is about: the subject itself, a filing object of the registry, or a 安全评估. */
export type HandlerObject = 'subject' | 'assessment' | ObjectKey;

/** 通过 / 退回 run inside the deciding transaction, after the application's own status moved. */
export type DecisionContext = { actor: Actor; app: AppRow; now: number };
export type ReturnContext = DecisionContext & { reason: string };
/** 撤销申请 by the applicant, after the application became 已撤销. */
export type RevokeContext = { userId: number; app: AppRow; now: number };

/** What 通过 did: the text added to the applicant's notice, and the 公安备案号 when one was given. */
export type Approval = { effect: string; filingNumber?: string };

export type QueueColumns = { name: string | null; domain: string | null };

export type Handler<T extends BusinessType = BusinessType> = {
  type: T;
  object: HandlerObject;
  /**
   * A business application of a subject (网站, 安全评估 …): approved only once its subject is
   * (SPEC §6.3). False for the applications about the subject itself.
   */
  ofSubject: boolean;
  /** Has a review flow (网站认领 has none yet: deciding it is refused). */
  reviewable: boolean;
  /** 通过 files the object: it gets its 公安备案号 (新办网站). */
  filesObject: boolean;
  describe: {
    /** “新办网站申请”: notices, receipts and pages title it so. */
    title: string;
    /** What 通过 does, shown next to the button; null when there is nothing to say. */
    approveEffect: string | null;
    /** Labels of the fields a reviewer may comment on, keyed like the stored payload. */
    fieldLabels: Readonly<Record<string, string>>;
    /** The queue's 名称 / 标识 columns from the payload (used when no filed object has them). */
    queueColumns(payload: ApplicationPayload<T>): QueueColumns;
    /** The applicant's page of the object, if there is one. */
    objectLink(app: Pick<AppRow, 'subjectId' | 'websiteId' | 'filingId'>): string | null;
    /** Where a draft of this type is reopened (我的草稿); null: no form for it yet. */
    draftHref(draftId: number, websiteId: number | null, filingId?: number | null): string | null;
    /** Shown to the applicant while the application is held back from the queue; null: never held back. */
    heldBackNotice: string | null;
    /** 重新提交 of a returned or revoked application; null: not offered. */
    resubmitHref(applicationId: number): string | null;
    /** Extra checks the decision page shows: 网站关闭状态检测, 网站名称规范检查. */
    reviewChecks: readonly ('liveness' | 'naming')[];
  };
  /** The reviewing unit of a new application of this type (SPEC §6.1). */
  route(tx: Tx, ref: { subjectId: number }): number | null;
  /** Why 通过 is not possible yet apart from the subject (which subjectBlock checks), or null. */
  approvalBlock(tx: Tx, app: AppRow): string | null;
  /** Needs a 面审 / 实地检查 before 通过 (an interactive 新办网站, 新增APP or 新增小程序). */
  needsInterview(tx: Tx, app: AppRow): boolean;
  /** Why a 面审 / 实地检查 cannot be scheduled yet, or null. */
  interviewBlock(tx: Tx, app: AppRow): string | null;
  /** The effect of 通过 on the subject or object. */
  approve(tx: Tx, ctx: DecisionContext): Approval;
  /** The effect of 退回: the subject or object goes back to where it was (a new one: 已退回). Returns notice text. */
  return(tx: Tx, ctx: ReturnContext): string;
  /** The effect of 撤销申请: the subject or object goes back to where it was before the application. */
  revoke(tx: Tx, ctx: RevokeContext): void;
};
