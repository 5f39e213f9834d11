/** 新增主体: the subject is 有效 once approved; returning it returns every open application of the subject. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { applications, subjects, users } from '@/db/schema';
import { nextApplicationStatus, nextSubjectStatus } from '@/lib/applications/rules';
import { writeAudit } from '@/lib/audit/service';
import { pushUnfiled } from '@/lib/imports/unfiled';
import { SUBJECT_FIELD_LABELS } from '@/lib/subjects/labels';
import { handlerOf } from './index';
import { moveSubject, noBlock, noColumns, noInterview, subjectLink, subjectUnit } from './shared';
import type { Handler } from './types';

const OPEN = ['待审核', '审核中', '待面审'] as const;

export const subjectNew: Handler<'新增主体'> = {
  type: '新增主体',
  object: 'subject',
  ofSubject: false,
  reviewable: true,
  filesObject: false,
  describe: {
    title: '新增主体申请',
    approveEffect: '通过后开办主体生效。',
    fieldLabels: SUBJECT_FIELD_LABELS,
    queueColumns: noColumns,
    objectLink: subjectLink,
    draftHref: (draftId) => `/my/subject/new?draft=${draftId}`,
    heldBackNotice: '公安机关不会单独进行主体审核，请尽快提交新办网站申请，主体将与网站一并审核。',
    resubmitHref: (applicationId) => `/my/subject/new?resubmit=${applicationId}`,
    reviewChecks: [],
  },
  route: subjectUnit,
  approvalBlock: noBlock,
  needsInterview: noInterview,
  interviewBlock: noBlock,
  approve(tx, { app, now }) {
    const s = tx.select().from(subjects).where(eq(subjects.id, app.subjectId!)).get()!;
    tx.update(subjects).set({ status: nextSubjectStatus(s.status, 'approve'), updatedAt: now }).where(eq(subjects.id, s.id)).run();
    // 身份验证 passes when one of the user's subjects is approved (SPEC §1).
    tx.update(users).set({ identityVerifiedAt: now }).where(and(eq(users.id, s.ownerId), sql`${users.identityVerifiedAt} is null`)).run();
    // 未备案网站 of this 证件号码 are pushed to the subject now that it is 有效 (SPEC §8.2).
    pushUnfiled(tx, s.id, now);
    return { effect: app.bundleId ? '与主体一并提交的业务申请将继续审核。' : '' };
  },
  return(tx, { actor, app, reason, now }) {
    moveSubject(tx, app.subjectId!, 'return', now);
    // 退回 of the subject returns every open application of it, bundled with it or filed later (SPEC §6.3).
    const open = tx
      .select()
      .from(applications)
      .where(and(eq(applications.subjectId, app.subjectId!), sql`${applications.id} <> ${app.id}`, inArray(applications.status, [...OPEN])))
      .orderBy(asc(applications.id))
      .all();
    for (const b of open) {
      const status = nextApplicationStatus(b.status, 'bundleReturn');
      tx.update(applications)
        .set({ status, reason: `开办主体审核未通过：${reason}`, decidedBy: actor.id, decidedAt: now, claimedUntil: null })
        .where(eq(applications.id, b.id))
        .run();
      handlerOf(b.type).return(tx, { actor, app: b, reason, now });
      writeAudit({ actorId: actor.id, action: 'application.return', objectType: 'application', objectId: b.id, before: { status: b.status }, after: { status, reason: '开办主体审核未通过', withSubject: app.id } }, tx);
    }
    return open.length ? `该主体的其他申请一并退回：${open.map((b) => `${b.type}申请（${b.code}）`).join('、')}。` : '';
  },
  revoke(tx, { app, now }) {
    if (app.subjectId) moveSubject(tx, app.subjectId, 'revoke', now);
  },
};
