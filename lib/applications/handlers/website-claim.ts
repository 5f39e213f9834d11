/**
 * 网站认领 (claiming a website filed on the old platform, SPEC §12) has no review flow yet: every
 * decision is refused with the same message as before the registry, and revoking touches nothing.
 */
import { AppError } from '@/lib/errors';
import { noBlock, noColumns, noInterview, noLink, subjectUnit } from './shared';
import type { Handler } from './types';

const refuse = (): never => {
  throw new AppError('conflict', '暂不支持审核网站认领申请');
};

export const websiteClaim: Handler<'网站认领'> = {
  type: '网站认领',
  object: '网站',
  ofSubject: true,
  reviewable: false,
  filesObject: false,
  describe: {
    title: '网站认领申请',
    approveEffect: null,
    fieldLabels: {},
    queueColumns: noColumns,
    objectLink: noLink,
    draftHref: () => null,
    heldBackNotice: null,
    resubmitHref: () => null,
    reviewChecks: [],
  },
  route: subjectUnit,
  approvalBlock: noBlock,
  needsInterview: noInterview,
  interviewBlock: noBlock,
  approve: refuse,
  return: refuse,
  revoke: () => undefined,
};
