/**
 * What is stored about an APP or 小程序 (filings.data) and the payloads of their applications
 * (db/schema types the JSON columns with these). 负责人 are stored as for websites (PII sealed).
 */
import type { AppBasicData } from '@/lib/apps/schemas';
import type { MiniProgramBasicData } from '@/lib/mini-programs/schemas';
import type { AppStoreBasicData } from '@/lib/app-stores/schemas';
import type { ServiceProviderBasicData } from '@/lib/service-providers/schemas';
import type { StoredContact } from '@/lib/websites/types';

export type StoredContacts = { securityOwner: StoredContact; emergencyContact: StoredContact };
/** filings.data of an APP. */
export type StoredApp = { kind: 'APP'; basic: AppBasicData; contacts: StoredContacts; needsAssessment: boolean };
/** filings.data of a 小程序. */
export type StoredMiniProgram = { kind: '小程序'; basic: MiniProgramBasicData; contacts: StoredContacts; needsAssessment: boolean };
/** filings.data of an 应用市场. */
export type StoredAppStore = { kind: '应用市场'; basic: AppStoreBasicData; contacts: StoredContacts; needsAssessment: boolean };
/** filings.data of a 服务商. */
export type StoredServiceProvider = { kind: '服务商'; basic: ServiceProviderBasicData; contacts: StoredContacts; needsAssessment: boolean };
export type StoredFiling = StoredApp | StoredMiniProgram | StoredAppStore | StoredServiceProvider;
export type StoredFilingOf<K extends StoredFiling['kind']> = Extract<StoredFiling, { kind: K }>;

/** Payload of 新增APP / 新增小程序. */
export type FilingNewPayload<K extends StoredFiling['kind'] = StoredFiling['kind']> = { filing: StoredFilingOf<K> };
/** Payload of 变更APP / 变更小程序 (previous: FilingChangePrevious). */
export type FilingChangePayload<K extends StoredFiling['kind'] = StoredFiling['kind']> = { filing: StoredFilingOf<K>; name: string };
export type FilingChangePrevious<K extends StoredFiling['kind'] = StoredFiling['kind']> = { filing: StoredFilingOf<K> };
/** Payload of 注销APP / 注销小程序. */
export type FilingCancelPayload = { reason: string; attachmentFileId: number | null; name: string; idents: string[]; filingNumber: string | null; /** 包名 / 小程序ID (the queue's 标识). */ ident?: string };
