import type { BusinessType } from '@/db/schema';

/**
 * Where a draft of each business type is reopened (详情 in 我的草稿). Types whose
 * forms do not exist yet have no entry; add them here as their pages land.
 */
const DRAFT_PATHS: Partial<Record<BusinessType, string>> = {
  新增主体: '/my/subject/new',
  变更主体: '/my/subject/change',
  新办网站: '/my/websites/new',
};

export function draftHref(type: BusinessType, draftId: number, websiteId?: number | null): string | null {
  // A 变更网站 draft belongs to one website's change page.
  if (type === '变更网站') return websiteId ? `/my/websites/${websiteId}/change?draft=${draftId}` : null;
  // A 注销网站 draft reopens the dialog of its website on the 注销网站 list.
  if (type === '注销网站') return websiteId ? `/my/websites/cancel?draft=${draftId}` : null;
  const path = DRAFT_PATHS[type];
  return path ? `${path}?draft=${draftId}` : null;
}

/** 重新提交 of a returned or revoked application, per business type. */
const RESUBMIT_PATHS: Partial<Record<BusinessType, string>> = {
  新增主体: '/my/subject/new',
};

export function resubmitHref(type: BusinessType, applicationId: number): string | null {
  const path = RESUBMIT_PATHS[type];
  return path ? `${path}?resubmit=${applicationId}` : null;
}
