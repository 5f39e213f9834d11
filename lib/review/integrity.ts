/**
 * Data checks an office runs at start and sees in 管理后台: records that break a review rule
 * because they were written before the rule was enforced.
 */
import 'server-only';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subjectNeverApproved, subjects, websites } from '@/db/schema';

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
  return unapprovedSubjectFilings()
    .all()
    .map((r) => ({ ...r, filingNumber: r.filingNumber! }));
}

/** The query of filingsWithUnapprovedSubject: found from the few never-approved subjects (subjects_never_approved), not by reading every website. */
export function unapprovedSubjectFilings() {
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
    .where(and(isNotNull(websites.filingNumber), inArray(websites.status, ['已备案', '变更中', '注销中']), subjectNeverApproved))
    .orderBy(asc(websites.id));
}
