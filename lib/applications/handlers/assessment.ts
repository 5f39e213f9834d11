/**
 * 安全评估 of a website, APP or 小程序: its assessment record is 通过 / 退回 / 已撤销 with the
 * application; the object is untouched (its own 新办网站 / 新增APP / 新增小程序 then may go on).
 */
import { and, eq } from 'drizzle-orm';
import { assessments } from '@/db/schema';
import { ASSESSMENT_FIELD_LABELS } from '@/lib/assessments/texts';
import { isFilingTarget } from '@/lib/assessments/schemas';
import { noBlock, noColumns, noInterview, subjectUnit } from './shared';
import type { Handler } from './types';

/** 安全评估 comments are keyed by the field's label (the applicant's pages place them by it). */
const LABELS_BY_LABEL: Readonly<Record<string, string>> = Object.fromEntries(Object.values(ASSESSMENT_FIELD_LABELS).map((l) => [l, l]));

export const assessment: Handler<'安全评估'> = {
  type: '安全评估',
  object: 'assessment',
  ofSubject: true,
  reviewable: true,
  filesObject: false,
  describe: {
    title: '安全评估申请',
    approveEffect: '通过后该评估对象的安全评估生效，交互式网站、APP、小程序的备案申请即可安排面审或实地检查。',
    fieldLabels: LABELS_BY_LABEL,
    // A website's name and 主域名 come from the websites row; an APP's / 小程序's from what was submitted.
    queueColumns: (p) => (p.target && isFilingTarget(p.target.type) && 'ident' in p.target ? { name: p.target.name, domain: p.target.ident || null } : noColumns()),
    objectLink: (app) => (app.websiteId ? `/my/websites/${app.websiteId}` : null),
    draftHref: (draftId) => `/my/assessments/new?draft=${draftId}`,
    heldBackNotice: null,
    resubmitHref: () => null,
    reviewChecks: [],
  },
  route: subjectUnit,
  approvalBlock: noBlock,
  needsInterview: noInterview,
  interviewBlock: noBlock,
  approve(tx, { app }) {
    tx.update(assessments).set({ status: '通过' }).where(eq(assessments.applicationId, app.id)).run();
    return { effect: '' };
  },
  return(tx, { app }) {
    tx.update(assessments).set({ status: '退回' }).where(eq(assessments.applicationId, app.id)).run();
    return '';
  },
  revoke(tx, { app }) {
    // A revoked 安全评估 leaves its assessment 已撤销 (the website, APP or 小程序 is untouched).
    tx.update(assessments).set({ status: '已撤销' }).where(and(eq(assessments.applicationId, app.id), eq(assessments.status, '待审核'))).run();
  },
};
