/**
 * 未备案网站 (SPEC §8.2) after import: the push to a subject (deadline 30 working days, notice in-app,
 * e-mail and SMS), the state read off the row, 已备案 when a domain gets filed, and the one-time
 * 已逾期 notice. Matching goes through the HMAC columns only; rows are never decrypted.
 */
import 'server-only';
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { subjects, unfiledWebsites, websiteDomains } from '@/db/schema';
import { addWorkingDays } from '@/lib/workdays';
import { notify } from '@/lib/notify/service';
import { formatDate } from '@/lib/time';

export const UNFILED_DEADLINE_WORKDAYS = 30;
export const UNFILED_STATES = ['待推送', '已推送', '已备案', '已逾期'] as const;
export type UnfiledState = (typeof UNFILED_STATES)[number];

/** 已备案 if filed, 待推送 if not pushed, 已逾期 past the deadline, else 已推送. */
export function unfiledState(
  row: { filedWebsiteId: number | null; pushedAt: number | null; deadline: number | null },
  now: number,
): UnfiledState {
  if (row.filedWebsiteId) return '已备案';
  if (!row.pushedAt) return '待推送';
  if (row.deadline != null && now > row.deadline) return '已逾期';
  return '已推送';
}

/** End of the 30th working day after `now` (Beijing time, holiday calendar). */
export function unfiledDeadline(now: number): number {
  return addWorkingDays(now, UNFILED_DEADLINE_WORKDAYS).getTime();
}

/**
 * The subjects a 未备案网站 is pushed to: approved and not on their way out. A subject whose
 * 变更主体 or 移交主体 is pending is still the filed subject of its 证件号码.
 */
export const PUSHABLE_SUBJECT_STATUSES = ['有效', '变更中', '移交中'] as const;

/**
 * Pushes every not yet pushed, not filed row whose 证件号码 is the subject's (its 证件号码 HMAC, or
 * for a 个人 subject its principal's ID HMAC) to that subject, and tells the owner once.
 * Returns the number of rows pushed. Call inside the transaction that makes the subject 有效.
 */
export function pushUnfiled(tx: Tx, subjectId: number, now: number): number {
  const s = tx
    .select({ id: subjects.id, ownerId: subjects.ownerId, nature: subjects.nature, status: subjects.status, certHmac: subjects.certNumberHmac, principalHmac: subjects.principalIdHmac })
    .from(subjects)
    .where(eq(subjects.id, subjectId))
    .get();
  if (!s || !(PUSHABLE_SUBJECT_STATUSES as readonly string[]).includes(s.status)) return 0;
  const hmacs = [s.certHmac, s.nature === '个人' ? s.principalHmac : null].filter((h): h is string => !!h);
  if (!hmacs.length) return 0;
  const deadline = unfiledDeadline(now);
  const rows = tx
    .update(unfiledWebsites)
    .set({ matchedSubjectId: s.id, pushedAt: now, deadline })
    .where(and(inArray(unfiledWebsites.certNumberHmac, hmacs), isNull(unfiledWebsites.pushedAt), isNull(unfiledWebsites.filedWebsiteId)))
    .returning({ name: unfiledWebsites.name, domain: unfiledWebsites.domain })
    .all();
  if (!rows.length) return 0;
  const list = rows.map((r) => `${r.name}（${r.domain}）`).join('、');
  notify(
    s.ownerId,
    {
      type: '未备案网站',
      title: '您有未备案网站需办理备案',
      body: `经核查，您的主体开办的网站 ${list} 尚未办理公安联网备案，请于${formatDate(deadline)}前在“未备案网站申请”中办理备案。`,
      link: '/my/unfiled',
    },
    tx,
  );
  return rows.length;
}

/** The rows with one of these ASCII domains become 已备案 by the website. */
export function markUnfiledFiled(tx: Tx, websiteId: number, now: number): number {
  const domains = tx.select({ ascii: websiteDomains.ascii }).from(websiteDomains).where(eq(websiteDomains.websiteId, websiteId)).all().map((d) => d.ascii);
  if (!domains.length) return 0;
  return tx
    .update(unfiledWebsites)
    .set({ filedWebsiteId: websiteId, filedAt: now })
    .where(and(inArray(unfiledWebsites.domainAscii, domains), isNull(unfiledWebsites.filedWebsiteId)))
    .run().changes;
}

/** Daily: the one-time 已逾期 notice to the applicant of each overdue row. Returns how many were sent. */
export function sendUnfiledOverdueNotices(now = Date.now()): number {
  return getDb().transaction((tx) => {
    const rows = tx
      .select({ id: unfiledWebsites.id, name: unfiledWebsites.name, domain: unfiledWebsites.domain, deadline: unfiledWebsites.deadline, ownerId: subjects.ownerId })
      .from(unfiledWebsites)
      .innerJoin(subjects, eq(subjects.id, unfiledWebsites.matchedSubjectId))
      .where(and(isNotNull(unfiledWebsites.pushedAt), isNull(unfiledWebsites.filedWebsiteId), isNull(unfiledWebsites.overdueNotifiedAt), lt(unfiledWebsites.deadline, now)))
      .all();
    for (const r of rows) {
      notify(
        r.ownerId,
        {
          type: '未备案网站.逾期',
          title: '未备案网站已逾期',
          body: `您的网站 ${r.name}（${r.domain}）未在${formatDate(r.deadline)}前办理公安联网备案，已逾期，请尽快办理。`,
          link: '/my/unfiled',
        },
        tx,
      );
      tx.update(unfiledWebsites).set({ overdueNotifiedAt: now }).where(eq(unfiledWebsites.id, r.id)).run();
    }
    return rows.length;
  });
}

