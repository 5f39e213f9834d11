/** 注销主体: approved, the subject and all its websites are 已注销. */
import { applyApprovedCancellation } from '@/lib/subjects/service';
import { SUBJECT_CANCEL_LABELS } from '@/lib/subjects/labels';
import { moveSubject, noBlock, noColumns, noInterview, subjectLink, subjectUnit } from './shared';
import type { Handler } from './types';


export const subjectCancel: Handler<'注销主体'> = {
  type: '注销主体',
  object: 'subject',
  ofSubject: false,
  reviewable: true,
  filesObject: false,
  describe: {
    title: '注销主体申请',
    approveEffect: '通过后主体及其全部网站将被注销。',
    fieldLabels: SUBJECT_CANCEL_LABELS,
    queueColumns: noColumns,
    objectLink: subjectLink,
    draftHref: () => null,
    heldBackNotice: null,
    resubmitHref: () => null,
    reviewChecks: [],
  },
  route: subjectUnit,
  approvalBlock: noBlock,
  needsInterview: noInterview,
  interviewBlock: noBlock,
  approve(tx, { actor, app, now }) {
    applyApprovedCancellation(tx, app.subjectId!, { actorId: actor.id, keepApplicationId: app.id }, now);
    return { effect: '主体及其网站已注销。' };
  },
  return(tx, { app, now }) {
    moveSubject(tx, app.subjectId!, 'cancelEnded', now);
    return '';
  },
  revoke(tx, { app, now }) {
    if (app.subjectId) moveSubject(tx, app.subjectId, 'cancelEnded', now);
  },
};
