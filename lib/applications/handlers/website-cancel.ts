/** 注销网站: approved, the website is 已注销 and its number is not used again. */
import { WEBSITE_CANCEL_LABELS } from '@/lib/websites/labels';
import { moveWebsite, noBlock, noColumns, noInterview, subjectUnit, websiteLink } from './shared';
import type { Handler } from './types';


export const websiteCancel: Handler<'注销网站'> = {
  type: '注销网站',
  object: '网站',
  ofSubject: true,
  reviewable: true,
  filesObject: false,
  describe: {
    title: '注销网站申请',
    approveEffect: '通过后网站将被注销，原公安备案号不再使用。',
    fieldLabels: WEBSITE_CANCEL_LABELS,
    // The website row has its name and domains.
    queueColumns: noColumns,
    objectLink: websiteLink,
    // A 注销网站 draft reopens the dialog of its website on the 注销网站 list.
    draftHref: (draftId, websiteId) => (websiteId ? `/my/websites/cancel?draft=${draftId}` : null),
    heldBackNotice: null,
    resubmitHref: () => null,
    reviewChecks: ['liveness'],
  },
  route: subjectUnit,
  approvalBlock: noBlock,
  needsInterview: noInterview,
  interviewBlock: noBlock,
  approve(tx, { app, now }) {
    moveWebsite(tx, app.websiteId!, 'cancelApproved', now, { cancelledAt: now });
    return { effect: '网站已注销，原公安备案号不再使用。' };
  },
  return(tx, { app, now }) {
    moveWebsite(tx, app.websiteId!, 'cancelEnded', now);
    return '';
  },
  revoke(tx, { app, now }) {
    if (app.websiteId) moveWebsite(tx, app.websiteId, 'cancelEnded', now);
  },
};
