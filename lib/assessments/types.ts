/**
 * What is stored about a 安全评估: assessments.data and the payload of its application
 * (db/schema types its JSON columns with these).
 */
import type { AssessmentMethod } from './schemas';

export type AssessmentReport = { targetType: '网站'; websiteId: number; situation: string; methods: AssessmentMethod[]; methodOther: string };
export type AssessmentFiles = { sealedReportFileId: number; thirdPartyReportFileId: number | null };
/** The assessed object as it was when the assessment was submitted. */
export type AssessmentTarget = { type: '网站'; websiteId: number; name: string; domains: string[]; interactive: boolean; status: string; filingNumber: string | null };
/** assessments.data. */
export type AssessmentData = { report: AssessmentReport; files: AssessmentFiles };
/** Payload of 安全评估. */
export type AssessmentPayload = AssessmentData & { target: AssessmentTarget };
