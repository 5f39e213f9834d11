/** Pieces several handlers share: the subject's and website's status moves and the common defaults. */
import { and, eq, inArray } from 'drizzle-orm';
import { applications, assessments, subjects, websites } from '@/db/schema';
import type { Tx } from '@/db/client';
import { nextSubjectStatus, nextWebsiteStatus, type SubjectEvent, type WebsiteEvent } from '@/lib/applications/rules';
import type { AppRow } from './types';

/** Moves the application's subject by `event` of the transition table. */
export function moveSubject(tx: Tx, subjectId: number, event: SubjectEvent, now: number) {
  const s = tx.select({ status: subjects.status }).from(subjects).where(eq(subjects.id, subjectId)).get()!;
  tx.update(subjects).set({ status: nextSubjectStatus(s.status, event), updatedAt: now }).where(eq(subjects.id, subjectId)).run();
}

/** Moves the application's website by `event` of the transition table. */
export function moveWebsite(tx: Tx, websiteId: number, event: WebsiteEvent, now: number, set: { cancelledAt?: number } = {}) {
  const w = tx.select({ status: websites.status }).from(websites).where(eq(websites.id, websiteId)).get()!;
  tx.update(websites).set({ status: nextWebsiteStatus(w.status, event), ...set, updatedAt: now }).where(eq(websites.id, websiteId)).run();
}

/** Every application is reviewed by the unit of its subject's 管辖地 (set when the subject was filed or changed). */
export function subjectUnit(tx: Tx, ref: { subjectId: number }): number | null {
  return tx.select({ unitId: subjects.unitId }).from(subjects).where(eq(subjects.id, ref.subjectId)).get()?.unitId ?? null;
}

/** Has the website an approved 安全评估? */
export function assessmentApproved(tx: Tx, websiteId: number): boolean {
  return !!tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.websiteId, websiteId), eq(assessments.status, '通过')))
    .get();
}

export const noBlock = (): string | null => null;
export const noInterview = () => false;
export const noLink = () => null;
export const subjectLink = () => '/my/subject';
export const websiteLink = (app: Pick<AppRow, 'websiteId'>) => (app.websiteId ? `/my/websites/${app.websiteId}` : null);
export const noColumns = () => ({ name: null, domain: null });

/**
 * After 撤销 of a business application that released a held-back 新增主体: the 新增主体 waits
 * again for a business application — unless another application of the subject still waits for it.
 */
export function holdBackSubjectAgain(tx: Tx, app: Pick<AppRow, 'bundleId' | 'subjectId'>) {
  if (!app.bundleId || !app.subjectId) return;
  const pending = tx
    .select({ type: applications.type })
    .from(applications)
    .where(and(eq(applications.subjectId, app.subjectId), inArray(applications.status, ['待审核', '审核中', '待面审'])))
    .all();
  if (pending.every((p) => p.type === '新增主体'))
    tx.update(applications)
      .set({ queued: false, bundleId: null, queuedAt: null, dueAt: null })
      .where(and(eq(applications.bundleId, app.bundleId), eq(applications.type, '新增主体'), eq(applications.status, '待审核')))
      .run();
}
