/**
 * The 发起安全评估 wizard's form values and how they map to the assessment schemas and to drafts.
 * Pure: shared by the page and the actions (server) and the wizard (browser).
 */
import type { z } from 'zod';
import {
  ASSESSMENT_METHODS,
  ASSESSMENT_TARGET_TYPES,
  isFilingTarget,
  type AssessmentFilingType,
  type AssessmentMethod,
  type AssessmentTargetType,
  type assessmentSubmitSchema,
} from '@/lib/assessments/schemas';

/** What the wizard submits: the schema's input (its unchosen answers are the schema's own errors). */
type AssessmentSubmitRaw = z.input<typeof assessmentSubmitSchema>;

export type AssessmentStep = 1 | 2 | 3 | 4;

/** What the inputs hold: strings ('' = not chosen), booleans and file ids. */
export type AssessmentWizardValues = {
  report: {
    targetType: AssessmentTargetType | '';
    /** The chosen website's id as the select holds it ('' = none); read with 类型 网站. */
    websiteId: string;
    /** The chosen APP's / 小程序's id ('' = none); read with 类型 APP / 小程序, absent for a website. */
    filingId?: string;
    situation: string;
    methods: AssessmentMethod[];
    methodOther: string;
  };
  files: { sealedReportFileId: number | null; thirdPartyReportFileId: number | null };
  notice: { agree: boolean };
};

/** What the assessable-website select offers (interactive ones first). */
export type AssessableWebsiteOption = {
  id: number;
  name: string;
  domain: string | null;
  status: string;
  interactive: boolean;
  filingNumber: string | null;
  /** An assessment of it is under review: it cannot be chosen. */
  pending: boolean;
  /** It has an approved assessment already. */
  approved: boolean;
};

/**
 * What the APP / 小程序 select offers: the subject's interactive ones (those that need a 安全评估)
 * under review or filed.
 */
export type AssessableFilingOption = {
  id: number;
  kind: AssessmentFilingType;
  name: string;
  /** 包名 / 小程序ID as lists show them, and what it is called. */
  ident: string;
  identLabel: string;
  /** 运行平台 / 所属平台 as lists show them, and what it is called. */
  platform: string;
  platformLabel: string;
  status: string;
  interactive: boolean;
  filingNumber: string | null;
  pending: boolean;
  approved: boolean;
};

/** An empty form; `websiteId` preselects a website, `filing` an APP / 小程序 instead. */
export function emptyAssessmentValues(websiteId?: number | null, filing?: { type: AssessmentFilingType; id: number } | null): AssessmentWizardValues {
  const target = filing ? { targetType: filing.type, websiteId: '', filingId: String(filing.id) } : { targetType: '网站' as const, websiteId: websiteId ? String(websiteId) : '' };
  return {
    report: { ...target, situation: '', methods: [], methodOther: '' },
    files: { sealedReportFileId: null, thirdPartyReportFileId: null },
    notice: { agree: false },
  };
}

/** The chosen object's id as the schema reads it: websiteId for 网站, filingId for APP / 小程序. */
function targetInput(r: AssessmentWizardValues['report']) {
  return isFilingTarget(r.targetType) ? { filingId: r.filingId ?? '' } : { websiteId: r.websiteId };
}

/** Step 1 as the schema (and POST /api/assessments/report) takes it. */
export function toReportInput(v: AssessmentWizardValues) {
  return {
    targetType: v.report.targetType,
    ...targetInput(v.report),
    situation: v.report.situation,
    methods: v.report.methods,
    // Only meaningful with 其他; kept in the form so unticking and ticking again restores it.
    methodOther: v.report.methods.includes('其他') ? v.report.methodOther : '',
  };
}

/** The whole wizard as assessmentSubmitSchema takes it (unchosen values are the schema's errors). */
export function toSubmitInput(v: AssessmentWizardValues): AssessmentSubmitRaw {
  return {
    report: toReportInput(v),
    files: { sealedReportFileId: v.files.sealedReportFileId, thirdPartyReportFileId: v.files.thirdPartyReportFileId },
    notice: { agree: v.notice.agree },
  } as AssessmentSubmitRaw;
}

/** The wizard step showing a form path. */
export function stepOfPath(path: string): AssessmentStep {
  if (path.startsWith('files.sealedReportFileId')) return 2;
  if (path.startsWith('files.thirdPartyReportFileId')) return 3;
  if (path.startsWith('notice')) return 4;
  return 1;
}

/** A schema / server error path → the form path showing it, or null when no field shows it. */
export function formPathOf(path: string): string | null {
  const p = path.replace(/^data\./, '');
  if (/^report\.(targetType|websiteId|filingId|situation|methods|methodOther)(\.|$)/.test(p)) return p.replace(/^(report\.methods)\.\d+$/, '$1');
  if (p === 'files.sealedReportFileId' || p === 'files.thirdPartyReportFileId' || p === 'notice.agree') return p;
  return null;
}

/** DOM id of the control for a form path ('report.situation' → 'report-situation'). */
export function idOf(path: string): string {
  return path.replace(/\./g, '-');
}

// ---------------------------------------------------------------------------------------------
// drafts

export const DRAFT_MAX_SITUATION = 5000;

/** What 保存草稿 stores: the form without 我已阅读并同意, plus the step reached. */
export function draftPayload(v: AssessmentWizardValues, step: AssessmentStep): Record<string, unknown> {
  return { report: v.report, files: v.files, step };
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const fileId = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);
const idText = (v: unknown) => {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
  return /^[1-9]\d{0,15}$/.test(s) ? s : '';
};

/**
 * Form values from a saved draft (or anything shaped like one, e.g. a returned assessment's
 * data): unknown keys dropped, wrong types emptied, 我已阅读并同意 always unticked.
 */
export function toAssessmentValues(src: unknown): AssessmentWizardValues {
  const d = obj(src);
  const r = obj(d.report);
  const f = obj(d.files);
  const chosen = Array.isArray(r.methods) ? r.methods : [];
  const type = ASSESSMENT_TARGET_TYPES.find((t) => t === r.targetType) ?? '网站';
  const target = isFilingTarget(type) ? { targetType: type, websiteId: '', filingId: idText(r.filingId) } : { targetType: type, websiteId: idText(r.websiteId) };
  return {
    report: {
      ...target,
      situation: text(r.situation, DRAFT_MAX_SITUATION),
      methods: ASSESSMENT_METHODS.filter((m) => chosen.includes(m)),
      methodOther: text(r.methodOther, 100),
    },
    files: { sealedReportFileId: fileId(f.sealedReportFileId), thirdPartyReportFileId: fileId(f.thirdPartyReportFileId) },
    notice: { agree: false },
  };
}

/**
 * The values with their 评估对象 left unchosen when it is not among the offered objects that may be
 * chosen (not the current subject's, no longer assessable, or under review already).
 */
export function keepSelectableTarget(v: AssessmentWizardValues, websites: readonly AssessableWebsiteOption[], filings: readonly AssessableFilingOption[]): AssessmentWizardValues {
  const r = v.report;
  if (isFilingTarget(r.targetType)) {
    const ok = filings.some((f) => f.kind === r.targetType && String(f.id) === r.filingId && !f.pending);
    return ok ? v : { ...v, report: { ...r, filingId: '' } };
  }
  const ok = websites.some((w) => String(w.id) === r.websiteId && !w.pending);
  return ok ? v : { ...v, report: { ...r, websiteId: '' } };
}

export type RestoredAssessmentDraft = { id: number; savedAt: number; values: AssessmentWizardValues; step: AssessmentStep };

export function restoreAssessmentDraft(d: { id: number; savedAt: number; data: Record<string, unknown> }): RestoredAssessmentDraft {
  const s = d.data.step;
  const step: AssessmentStep = s === 2 || s === 3 || s === 4 ? s : 1;
  return { id: d.id, savedAt: d.savedAt, values: toAssessmentValues(d.data), step };
}

/** Every file id the values refer to (for the upload fields' display data). */
export function assessmentFileIds(v: AssessmentWizardValues | null | undefined): number[] {
  if (!v) return [];
  return [v.files.sealedReportFileId, v.files.thirdPartyReportFileId].filter((x): x is number => !!x);
}
