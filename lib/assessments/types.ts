/**
 * What is stored about a 安全评估: assessments.data and the payload of its application
 * (db/schema types its JSON columns with these).
 */
import type { AssessmentFilingType, AssessmentMethod } from './schemas';

type ReportText = { situation: string; methods: AssessmentMethod[]; methodOther: string };
/** Step 1 as stored: a website's assessment names its website, an APP's or 小程序's its filing. */
export type AssessmentReport = ({ targetType: '网站'; websiteId: number } | { targetType: AssessmentFilingType; filingId: number }) & ReportText;
export type AssessmentFiles = { sealedReportFileId: number; thirdPartyReportFileId: number | null };
/** The assessed object as it was when the assessment was submitted. */
export type AssessmentTarget =
  | { type: '网站'; websiteId: number; name: string; domains: string[]; interactive: boolean; status: string; filingNumber: string | null }
  | {
      type: AssessmentFilingType;
      filingId: number;
      name: string;
      /** 包名 (each once) / 小程序ID, as lists show them. */
      ident: string;
      /** 运行平台 / 所属平台, as lists show them. */
      platform: string;
      interactive: boolean;
      status: string;
      filingNumber: string | null;
    };
/** assessments.data. */
export type AssessmentData = { report: AssessmentReport; files: AssessmentFiles };
/** Payload of 安全评估. */
export type AssessmentPayload = AssessmentData & { target: AssessmentTarget };
