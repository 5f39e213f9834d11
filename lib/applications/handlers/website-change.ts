/** 变更网站: approved, the new data replaces the website's; the 公安备案号 never changes. */
import { websiteObject } from '@/lib/objects/website';
import { applyApprovedWebsiteChange, endWebsiteChange } from '@/lib/websites/change';
import { noBlock, noInterview, subjectUnit, websiteLink } from './shared';
import { submittedWebsiteColumns } from './website-new';
import type { Handler } from './types';

export const websiteChange: Handler<'变更网站'> = {
  type: '变更网站',
  object: '网站',
  ofSubject: true,
  reviewable: true,
  filesObject: false,
  describe: {
    title: '变更网站申请',
    approveEffect: '通过后网站变更内容生效，公安备案号不变。',
    fieldLabels: websiteObject.fieldLabels,
    queueColumns: submittedWebsiteColumns,
    objectLink: websiteLink,
    // A 变更网站 draft belongs to one website's change page.
    draftHref: (draftId, websiteId) => (websiteId ? `/my/websites/${websiteId}/change?draft=${draftId}` : null),
    heldBackNotice: null,
    resubmitHref: () => null,
    reviewChecks: ['naming'],
  },
  route: subjectUnit,
  approvalBlock: noBlock,
  needsInterview: noInterview,
  interviewBlock: noBlock,
  approve(tx, { app, now }) {
    applyApprovedWebsiteChange(tx, app.id, now);
    return { effect: '网站信息已更新，公安备案号不变。' };
  },
  return(tx, { app, now }) {
    endWebsiteChange(tx, app.id, now);
    return '网站信息保持不变。';
  },
  revoke(tx, { app, now }) {
    if (app.websiteId) endWebsiteChange(tx, app.id, now);
  },
};
