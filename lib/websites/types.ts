/**
 * What is stored about a website: websites.data, website_checks.detail and the payload/previous
 * of 新办网站, 变更网站 and 注销网站 applications (db/schema types its JSON columns with these).
 */
import type { WebsiteData } from './schemas';
import type { PlacementDetail } from './placement';
import type { LivenessResult } from './liveness';

type Contact = WebsiteData['contacts']['securityOwner'];
export type SealedValue = { enc: string; masked: string };
export type StoredContact = Omit<Contact, 'idNumber' | 'phone'> & { idNumber: SealedValue; phone: SealedValue };

/** websites.data of a website filed through the wizard (PII of the contacts sealed). */
export type StoredWebsite = { basic: WebsiteData['basic']; contacts: { securityOwner: StoredContact; emergencyContact: StoredContact }; needsAssessment: boolean };
/** websites.data of a demonstration website of the seed (no form behind it). */
export type DemoWebsite = { demo: true };
export type WebsiteRecordData = StoredWebsite | DemoWebsite;

export function isStoredWebsite(d: WebsiteRecordData | null | undefined): d is StoredWebsite {
  return !!d && 'basic' in d;
}

/** Payload of 新办网站. */
export type WebsiteNewPayload = { website: StoredWebsite };
/** Payload of 变更网站 (previous: WebsiteChangePrevious). */
export type WebsiteChangePayload = { website: StoredWebsite; name: string };
export type WebsiteChangePrevious = { website: StoredWebsite };
/** Payload of 注销网站. */
export type WebsiteCancelPayload = { reason: string; attachmentFileId: number | null; websiteName: string; domains: string[]; filingNumber: string | null };

/**
 * Payload of 网站认领: the 新办网站 payload of the wizard in claim mode plus the legacy filing it
 * claims (its old number is kept on approval); websiteName / domain name it on the receipt.
 */
export type WebsiteClaimPayload = { website?: StoredWebsite; legacyId?: number; oldNumber?: string; websiteName?: string; domain?: string; domains?: string[] };

/** website_checks.detail: a 备案编号 placement check, or a liveness check (注销网站). */
export type LivenessDetail = { results?: LivenessResult[]; error?: string; cause?: string };
export type WebsiteCheckDetail = PlacementDetail | LivenessDetail;
