/**
 * 网站认领 (SPEC §8.3): a 新办网站 filled in the wizard for a filing of the previous system. It is
 * reviewed like a 新办网站; approved, the website is 已备案 under the OLD number (no number is
 * allocated), and the legacy row is marked claimed. 退回 / 撤销 free the row for another claim.
 */
import { and, eq } from 'drizzle-orm';
import { legacyFilings, policeUnits, websites } from '@/db/schema';
import { nextWebsiteStatus } from '@/lib/applications/rules';
import { AppError } from '@/lib/errors';
import { websiteObject } from '@/lib/objects/website';
import { assessmentApproved, holdBackSubjectAgain, moveWebsite, subjectUnit, websiteLink } from './shared';
import { submittedWebsiteColumns } from './website-new';
import { markUnfiledFiled } from '@/lib/imports/unfiled';
import type { Tx } from '@/db/client';
import type { AppRow, Handler } from './types';

function interactive(tx: Tx, app: AppRow): boolean {
  if (!app.websiteId) return false;
  return !!tx.select({ interactive: websites.interactive }).from(websites).where(eq(websites.id, app.websiteId)).get()?.interactive;
}

/** The legacy row this application claims (it holds the application while open). */
function claimedRow(tx: Tx, app: AppRow) {
  const row = tx.select().from(legacyFilings).where(eq(legacyFilings.claimApplicationId, app.id)).get();
  if (!row) throw new AppError('conflict', '未找到该认领申请对应的原备案信息');
  return row;
}

/** Files the website under the old number: the unit of its first 6 digits if there is one, else the approving unit. */
function fileWithOldNumber(tx: Tx, app: AppRow, now: number): { number: string } {
  const w = tx.select().from(websites).where(eq(websites.id, app.websiteId!)).get();
  if (!w) throw new AppError('not_found', '网站不存在');
  const legacy = claimedRow(tx, app);
  if (legacy.claimedWebsiteId) throw new AppError('conflict', '该原备案已被认领');
  const taken = tx.select({ id: websites.id }).from(websites).where(eq(websites.filingDigits, legacy.oldDigits)).get();
  if (taken) throw new AppError('conflict', `备案号 ${legacy.oldNumber} 已被其他网站使用`);
  const status = nextWebsiteStatus(w.status, 'approve');
  const unitId = tx.select({ id: policeUnits.id }).from(policeUnits).where(eq(policeUnits.code, legacy.oldDigits.slice(0, 6))).get()?.id ?? app.unitId;
  tx.update(websites)
    .set({ status, filingDigits: legacy.oldDigits, filingNumber: legacy.oldNumber, filingUnitId: unitId, filedAt: now, updatedAt: now })
    .where(and(eq(websites.id, w.id), eq(websites.status, w.status)))
    .run();
  tx.update(legacyFilings).set({ claimedWebsiteId: w.id, claimedAt: now }).where(eq(legacyFilings.id, legacy.id)).run();
  // A 未备案网站 the office pushed for one of its domains is now filed (SPEC §8.2).
  markUnfiledFiled(tx, w.id, now);
  return { number: legacy.oldNumber };
}

/** 退回 / 撤销: the row may be claimed again. */
function freeRow(tx: Tx, app: AppRow) {
  tx.update(legacyFilings).set({ claimApplicationId: null }).where(and(eq(legacyFilings.claimApplicationId, app.id))).run();
}

export const websiteClaim: Handler<'网站认领'> = {
  type: '网站认领',
  object: '网站',
  ofSubject: true,
  reviewable: true,
  filesObject: true,
  describe: {
    title: '网站认领申请',
    approveEffect: '通过后网站即备案，沿用原公安备案号。',
    fieldLabels: websiteObject.fieldLabels,
    queueColumns: (payload) => (payload.website ? submittedWebsiteColumns(payload) : { name: payload.websiteName ?? null, domain: payload.domain ?? null }),
    objectLink: websiteLink,
    draftHref: () => null,
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
    const { number } = fileWithOldNumber(tx, app, now);
    return { effect: `沿用原公安备案号：${number}。请于30个工作日内在网站首页底部显著位置放置备案编号及图标。`, filingNumber: number };
  },
  return(tx, { app, now }) {
    if (app.websiteId) moveWebsite(tx, app.websiteId, 'return', now);
    freeRow(tx, app);
    return '原备案可重新认领。';
  },
  revoke(tx, { app, now }) {
    freeRow(tx, app);
    if (!app.websiteId) return;
    moveWebsite(tx, app.websiteId, 'revoke', now);
    holdBackSubjectAgain(tx, app);
  },
};
