/**
 * 面审 / 实地检查 reminders: the day before, the applicant gets a notice (in-app, e-mail, SMS)
 * with the time and place. Run hourly by lib/jobs.ts; each interview is reminded once.
 */
import 'server-only';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, interviews, notifications } from '@/db/schema';
import { notify } from '@/lib/notify/service';
import { formatDateTime } from '@/lib/time';

export const REMIND_BEFORE_MS = 24 * 3_600_000;
const EVENT = 'interview.reminder';

export function sendInterviewReminders(now = Date.now()): number {
  const db = getDb();
  const due = db
    .select({ iv: interviews, applicantId: applications.applicantId, code: applications.code })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(isNull(interviews.outcome), eq(applications.status, '待面审'), gt(interviews.scheduledAt, now), lte(interviews.scheduledAt, now + REMIND_BEFORE_MS)))
    .all();
  let sent = 0;
  for (const { iv, applicantId, code } of due) {
    const link = `/my/applications/${iv.applicationId}`;
    db.transaction((tx) => {
      // Once per interview: a reminder already written for this application and time is not repeated.
      const body = `您的新办网站申请（申请编号${code}）的${iv.kind}将于${formatDateTime(iv.scheduledAt)}进行${iv.place ? `，地点：${iv.place}` : ''}${iv.materials ? `，请携带：${iv.materials}` : ''}。`;
      const already = tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, applicantId), eq(notifications.event, EVENT), eq(notifications.link, link), eq(notifications.body, body)))
        .get();
      if (already) return;
      notify(applicantId, { type: EVENT, title: `${iv.kind}提醒`, body, link }, tx);
      sent++;
    });
  }
  return sent;
}
