import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subjects, websites, websiteDomains } from '@/db/schema';

/** The websites of one of the user's subjects: name, 主域名, status and 公安备案号. */
export function listSubjectWebsites(userId: number, subjectId: number) {
  return getDb()
    .select({
      id: websites.id,
      name: websites.name,
      status: websites.status,
      filingNumber: websites.filingNumber,
      filedAt: websites.filedAt,
      domain: websiteDomains.unicode,
    })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .leftJoin(websiteDomains, and(eq(websiteDomains.websiteId, websites.id), eq(websiteDomains.isPrimary, true)))
    .where(eq(websites.subjectId, subjectId))
    .orderBy(desc(websites.createdAt))
    .all();
}
