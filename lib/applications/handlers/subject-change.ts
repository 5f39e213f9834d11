/** 变更主体: the new data replaces the subject's once approved; the subject is 有效 again either way. */
import { applyApprovedChange } from '@/lib/subjects/service';
import { pushUnfiled } from '@/lib/imports/unfiled';
import { SUBJECT_FIELD_LABELS } from '@/lib/subjects/labels';
import { moveSubject, noBlock, noColumns, noInterview, subjectLink, subjectUnit } from './shared';
import type { Handler } from './types';

export const subjectChange: Handler<'变更主体'> = {
  type: '变更主体',
  object: 'subject',
  ofSubject: false,
  reviewable: true,
  filesObject: false,
  describe: {
    title: '变更主体申请',
    approveEffect: '通过后主体变更内容生效。',
    fieldLabels: SUBJECT_FIELD_LABELS,
    queueColumns: noColumns,
    objectLink: subjectLink,
    draftHref: (draftId) => `/my/subject/change?draft=${draftId}`,
    heldBackNotice: null,
    resubmitHref: () => null,
    reviewChecks: [],
  },
  route: subjectUnit,
  approvalBlock: noBlock,
  needsInterview: noInterview,
  interviewBlock: noBlock,
  approve(tx, { app, now }) {
    applyApprovedChange(tx, app.id, now);
    // A changed 证件号码 may match 未备案网站 not yet pushed (SPEC §8.2).
    if (app.subjectId) pushUnfiled(tx, app.subjectId, now);
    return { effect: '' };
  },
  return(tx, { app, now }) {
    moveSubject(tx, app.subjectId!, 'changeEnded', now);
    return '';
  },
  revoke(tx, { app, now }) {
    if (app.subjectId) moveSubject(tx, app.subjectId, 'changeEnded', now);
  },
};
