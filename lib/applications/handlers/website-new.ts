/**
 * 新办网站: approved, the website is 已备案 with a new 公安备案号 of the accepting unit. An
 * interactive website needs an approved 安全评估 and then a 面审 / 实地检查 before that.
 */
import { and, eq } from 'drizzle-orm';
import { websites } from '@/db/schema';
import { nextWebsiteStatus } from '@/lib/applications/rules';
import { AppError } from '@/lib/errors';
import { allocateFilingNumber } from '@/lib/review/filing-number';
import { markUnfiledFiled } from '@/lib/imports/unfiled';
import { websiteObject } from '@/lib/objects/website';
import { assessmentApproved, holdBackSubjectAgain, moveWebsite, subjectUnit, websiteLink } from './shared';
import type { Tx } from '@/db/client';
import type { AppRow, Handler } from './types';
import type { WebsiteNewPayload } from '@/lib/websites/types';

/** The website's name and 主域名 as submitted (the queue shows them until it is filed). */
export function submittedWebsiteColumns(payload: Partial<WebsiteNewPayload>) {
  const basic = payload.website?.basic;
  return { name: basic?.name ?? null, domain: basic?.domains?.find((d) => d.primary)?.domain ?? null };
}

function interactive(tx: Tx, app: AppRow): boolean {
  if (!app.websiteId) return false;
  return !!tx.select({ interactive: websites.interactive }).from(websites).where(eq(websites.id, app.websiteId)).get()?.interactive;
}

/** Files the website: 已备案 with a new number of the accepting unit. */
function fileWebsite(tx: Tx, app: AppRow, now: number): { number: string } {
  const w = tx.select().from(websites).where(eq(websites.id, app.websiteId!)).get();
  if (!w) throw new AppError('not_found', '网站不存在');
  const status = nextWebsiteStatus(w.status, 'approve');
  const unitId = app.unitId;
  if (!unitId) throw new AppError('conflict', '该申请没有审核单位，不能分配备案号');
  const n = allocateFilingNumber(tx, unitId, websiteObject.filingMark);
  tx.update(websites)
    .set({ status, filingDigits: n.digits, filingNumber: n.number, filingUnitId: unitId, filedAt: now, updatedAt: now })
    .where(and(eq(websites.id, w.id), eq(websites.status, w.status)))
    .run();
  // 未备案网站 with one of its domains become 已备案 (SPEC §8.2).
  markUnfiledFiled(tx, w.id, now);
  return { number: n.number };
}

export const websiteNew: Handler<'新办网站'> = {
  type: '新办网站',
  object: '网站',
  ofSubject: true,
  reviewable: true,
  filesObject: true,
  describe: {
    title: '新办网站申请',
    approveEffect: '通过后网站即备案，并分配公安备案号。',
    fieldLabels: websiteObject.fieldLabels,
    queueColumns: submittedWebsiteColumns,
    objectLink: websiteLink,
    draftHref: (draftId) => `/my/websites/new?draft=${draftId}`,
    heldBackNotice: null,
    resubmitHref: () => null,
    reviewChecks: ['naming'],
  },
  route: subjectUnit,
  approvalBlock(tx, app) {
    if (!interactive(tx, app)) return null;
    return assessmentApproved(tx, app.websiteId!) ? '交互式网站须先安排面审或实地检查，核查通过后备案' : '需先通过安全评估';
  },
  needsInterview: interactive,
  interviewBlock: (tx, app) => (assessmentApproved(tx, app.websiteId!) ? null : '需先通过安全评估'),
  approve(tx, { app, now }) {
    const { number } = fileWebsite(tx, app, now);
    return { effect: `公安备案号：${number}。请于30个工作日内在网站首页底部显著位置放置备案编号及图标。`, filingNumber: number };
  },
  return(tx, { app, now }) {
    moveWebsite(tx, app.websiteId!, 'return', now);
    return '';
  },
  revoke(tx, { app, now }) {
    if (!app.websiteId) return;
    moveWebsite(tx, app.websiteId, 'revoke', now);
    holdBackSubjectAgain(tx, app);
  },
};
