import type { BusinessType } from '@/db/schema';
import { handlerOf } from '@/lib/applications/handlers';

/**
 * Where a draft of each business type is reopened (详情 in 我的草稿), as its handler declares.
 * Types whose forms do not exist yet have none.
 */
export function draftHref(type: BusinessType, draftId: number, websiteId?: number | null, filingId?: number | null): string | null {
  return handlerOf(type).describe.draftHref(draftId, websiteId ?? null, filingId ?? null);
}

/** 重新提交 of a returned or revoked application, per business type (its handler's). */
export function resubmitHref(type: BusinessType, applicationId: number): string | null {
  return handlerOf(type).describe.resubmitHref(applicationId);
}
