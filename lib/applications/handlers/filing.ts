/**
 * 新增 / 变更 / 注销 of the filing objects of the `filings` table (APP, 小程序; SPEC §15): three
 * handlers per kind, made from the kind's spec (lib/filings/kinds.ts) and registry entry. They
 * behave as 新办网站 / 变更网站 / 注销网站: an interactive object needs an approved 安全评估 and a
 * 面审 / 实地检查 before it is filed; a number of the accepting unit marked by the kind; a change
 * keeps it; a cancellation retires it.
 */
import type { FilingKind } from '@/db/schema';
import { applyApprovedFilingChange, endFilingChange } from '@/lib/filings/change';
import { kindObject, kindSpec, withSpec } from '@/lib/filings/kinds';
import { fileFiling, filingAssessmentApproved, filingInteractive, moveFiling } from '@/lib/filings/service';
import type { FilingChangePayload, FilingNewPayload } from '@/lib/filings/types';
import { FILING_CANCEL_LABELS } from '@/lib/filings/labels';
import { holdBackSubjectAgain, noBlock, noInterview, subjectUnit } from './shared';
import type { AppRow, Handler, QueueColumns } from './types';

type NewType = '新增APP' | '新增小程序' | '新增应用市场' | '新增服务商';
type ChangeType = '变更APP' | '变更小程序' | '变更应用市场' | '变更服务商';
type CancelType = '注销APP' | '注销小程序' | '注销应用市场' | '注销服务商';

/** The applicant's page of the object of an application. */
function filingLink(kind: FilingKind) {
  return (app: Pick<AppRow, 'filingId'>) => (app.filingId ? `${kindObject(kind).routeBase}/${app.filingId}` : null);
}

/** 名称 / 标识 as submitted (the queue shows 包名 / 小程序ID in the 标识 column). */
function submittedColumns(payload: Partial<FilingNewPayload | FilingChangePayload>): QueueColumns {
  const f = payload.filing;
  if (!f?.basic) return { name: null, domain: null };
  return { name: f.basic.name ?? null, domain: withSpec(f, (spec, b) => spec.identText(b)) || null };
}

/** 新增APP / 新增小程序: approved, the object is 已备案 with a new 公安备案号 of the accepting unit. */
export function filingNewHandler<T extends NewType>(type: T, kind: FilingKind): Handler<T> {
  const spec = kindSpec(kind);
  const label = spec.label;
  const interactive = (tx: Parameters<Handler['needsInterview']>[0], app: AppRow) => filingInteractive(tx, app.filingId);
  return {
    type,
    object: kind,
    ofSubject: true,
    reviewable: true,
    filesObject: true,
    describe: {
      title: `${type}申请`,
      approveEffect: `通过后${label}即备案，并分配公安备案号。`,
      fieldLabels: kindObject(kind).fieldLabels,
      queueColumns: submittedColumns,
      objectLink: filingLink(kind),
      draftHref: (draftId) => `${kindObject(kind).routeBase}/new?draft=${draftId}`,
      heldBackNotice: null,
      resubmitHref: () => null,
      // The 名称规范检查 panel reads a website payload (lib/review/view.ts); not shown for these yet.
      reviewChecks: [],
    },
    route: subjectUnit,
    approvalBlock(tx, app) {
      if (!interactive(tx, app)) return null;
      return filingAssessmentApproved(tx, app.filingId!) ? `提供互联网交互服务的${label}须先安排面审或实地检查，核查通过后备案` : '需先通过安全评估';
    },
    needsInterview: interactive,
    interviewBlock: (tx, app) => (filingAssessmentApproved(tx, app.filingId!) ? null : '需先通过安全评估'),
    approve(tx, { app, now }) {
      const { number } = fileFiling(tx, app.filingId!, app.unitId, now);
      return { effect: `公安备案号：${number}。请在${label}的“关于”页面显著位置展示备案编号。`, filingNumber: number };
    },
    return(tx, { app, now }) {
      moveFiling(tx, app.filingId!, 'return', now);
      return '';
    },
    revoke(tx, { app, now }) {
      if (!app.filingId) return;
      moveFiling(tx, app.filingId, 'revoke', now);
      holdBackSubjectAgain(tx, app);
    },
  };
}

/** 变更APP / 变更小程序: approved, the new data replaces the object's; the 公安备案号 never changes. */
export function filingChangeHandler<T extends ChangeType>(type: T, kind: FilingKind): Handler<T> {
  const label = kindSpec(kind).label;
  return {
    type,
    object: kind,
    ofSubject: true,
    reviewable: true,
    filesObject: false,
    describe: {
      title: `${type}申请`,
      approveEffect: `通过后${label}变更内容生效，公安备案号不变。`,
      fieldLabels: kindObject(kind).fieldLabels,
      queueColumns: submittedColumns,
      objectLink: filingLink(kind),
      draftHref: (draftId, _websiteId, filingId) => (filingId ? `${kindObject(kind).routeBase}/${filingId}/change?draft=${draftId}` : null),
      heldBackNotice: null,
      resubmitHref: () => null,
      // The 名称规范检查 panel reads a website payload (lib/review/view.ts); not shown for these yet.
      reviewChecks: [],
    },
    route: subjectUnit,
    approvalBlock: noBlock,
    needsInterview: noInterview,
    interviewBlock: noBlock,
    approve(tx, { app, now }) {
      applyApprovedFilingChange(tx, app.id, now);
      return { effect: `${label}信息已更新，公安备案号不变。` };
    },
    return(tx, { app, now }) {
      endFilingChange(tx, app.id, now);
      return `${label}信息保持不变。`;
    },
    revoke(tx, { app, now }) {
      if (app.filingId) endFilingChange(tx, app.id, now);
    },
  };
}

/** 注销APP / 注销小程序: approved, the object is 已注销 and its number is not used again. */
export function filingCancelHandler<T extends CancelType>(type: T, kind: FilingKind): Handler<T> {
  const label = kindSpec(kind).label;
  return {
    type,
    object: kind,
    ofSubject: true,
    reviewable: true,
    filesObject: false,
    describe: {
      title: `${type}申请`,
      approveEffect: `通过后${label}将被注销，原公安备案号不再使用。`,
      fieldLabels: FILING_CANCEL_LABELS,
      queueColumns: (p) => ({ name: p.name ?? null, domain: p.ident ?? null }),
      objectLink: filingLink(kind),
      draftHref: (draftId) => `${kindObject(kind).routeBase}/cancel?draft=${draftId}`,
      heldBackNotice: null,
      resubmitHref: () => null,
      // An 应用市场's 网址 are checked closed, as a website's domains (the section reads filing_checks).
      reviewChecks: kindSpec(kind).closedOnCancel ? ['liveness'] : [],
    },
    route: subjectUnit,
    approvalBlock: noBlock,
    needsInterview: noInterview,
    interviewBlock: noBlock,
    approve(tx, { app, now }) {
      moveFiling(tx, app.filingId!, 'cancelApproved', now, { cancelledAt: now });
      return { effect: `${label}已注销，原公安备案号不再使用。` };
    },
    return(tx, { app, now }) {
      moveFiling(tx, app.filingId!, 'cancelEnded', now);
      return '';
    },
    revoke(tx, { app, now }) {
      if (app.filingId) moveFiling(tx, app.filingId, 'cancelEnded', now);
    },
  };
}

export const appNew = filingNewHandler('新增APP', 'APP');
export const appChange = filingChangeHandler('变更APP', 'APP');
export const appCancel = filingCancelHandler('注销APP', 'APP');
export const miniProgramNew = filingNewHandler('新增小程序', '小程序');
export const miniProgramChange = filingChangeHandler('变更小程序', '小程序');
export const miniProgramCancel = filingCancelHandler('注销小程序', '小程序');
export const appStoreNew = filingNewHandler('新增应用市场', '应用市场');
export const appStoreChange = filingChangeHandler('变更应用市场', '应用市场');
export const appStoreCancel = filingCancelHandler('注销应用市场', '应用市场');
export const serviceProviderNew = filingNewHandler('新增服务商', '服务商');
export const serviceProviderChange = filingChangeHandler('变更服务商', '服务商');
export const serviceProviderCancel = filingCancelHandler('注销服务商', '服务商');
