/**
 * Data checks an office runs at start and sees in 管理后台: records that break a review rule
 * because they were written before the rule was enforced.
 */
import 'server-only';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subjects, websites } from '@/db/schema';

/** Statuses a subject is in only if it was never approved (有效 → … never leads back to them). */
const NEVER_APPROVED = ['待审核', '已退回'] as const;

export type UnapprovedSubjectFiling = {
  websiteId: number;
  websiteName: string;
  filingNumber: string;
  websiteStatus: string;
  subjectId: number;
  subjectName: string;
  subjectStatus: string;
};

/**
 * Filed websites (with a number, not cancelled) whose subject was never 有效: before 2026-12 a
 * second website of a pending subject could be approved (SPEC §6.3 now forbids it). The police
 * decide what happens to each; this only lists them.
 */
export function filingsWithUnapprovedSubject(): UnapprovedSubjectFiling[] {
  return getDb()
    .select({
      websiteId: websites.id,
      websiteName: websites.name,
      filingNumber: websites.filingNumber,
      websiteStatus: websites.status,
      subjectId: subjects.id,
      subjectName: subjects.name,
      subjectStatus: subjects.status,
    })
    .from(websites)
    .innerJoin(subjects, eq(subjects.id, websites.subjectId))
    .where(and(isNotNull(websites.filingNumber), inArray(websites.status, ['已备案', '变更中', '注销中']), inArray(subjects.status, [...NEVER_APPROVED])))
    .orderBy(asc(websites.id))
    .all()
    .map((r) => ({ ...r, filingNumber: r.filingNumber! }));
}
