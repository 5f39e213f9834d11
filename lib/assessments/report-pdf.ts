/**
 * 下载自评估报告 (SPEC §7 step 1): the 网站安全自评估报告 (APP安全自评估报告, 小程序安全自评估报告)
 * PDF, filled from the wizard's first step, to be printed, signed, sealed, scanned and uploaded as
 * 自评估报告盖章件.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { domainsOfWebsite } from '@/lib/websites/domain-list';
import { filings, subjects, websites } from '@/db/schema';
import { kindSpec, withSpec } from '@/lib/filings/kinds';
import { chinesePdf, type ChinesePdf, type PdfBlock, type PdfField, type PdfFontOptions } from '@/lib/pdf/chinese';
import { maskIdNumber } from '@/lib/pii/mask';
import { beijingDate } from '@/lib/time';
import { currentSubjectId } from '@/lib/subjects/service';
import { AppError } from '@/lib/errors';
import type { AssessmentFilingType, AssessmentReportInput } from './schemas';

export const REPORT_TITLE = '网站安全自评估报告';
/** The report's title by 评估对象 类型: 网站安全自评估报告, APP安全自评估报告, 小程序安全自评估报告. */
export const reportTitle = (type: '网站' | AssessmentFilingType) => `${type}安全自评估报告`;
export const REPORT_FILENAME = '自评估报告.pdf';
export const REPORT_WEBSITE_NOT_FOUND = '评估对象网站不存在';
export const REPORT_DECLARATION = '本单位（本人）承诺：本报告所填内容真实、准确、完整，已按照有关法律法规和标准规范开展安全评估，并对评估结论负责。';

/** The subject as the report identifies it: 证件号码 only ever masked. */
export type ReportSubject = {
  name: string;
  nature: '个人' | '单位';
  unitType?: string | null;
  certType: string | null;
  /** Masked (110*************34); masked again here in case a caller passes a full number. */
  certNumberMasked: string | null;
};

export type ReportWebsite = { name: string; domains: string[]; filingNumber?: string | null; interactive: boolean };
/** An APP / 小程序 as the report identifies it: 包名 / 小程序ID and 运行平台 / 所属平台 with their labels. */
export type ReportFiling = {
  kind: AssessmentFilingType;
  name: string;
  identLabel: string;
  ident: string;
  platformLabel: string;
  platform: string;
  filingNumber?: string | null;
  interactive: boolean;
};

/** 评估对象: a website, or an APP / 小程序 (`filing`; then `website` is absent). */
export type AssessmentReportPdfInput = {
  subject: ReportSubject;
  website?: ReportWebsite | null;
  filing?: ReportFiling | null;
  report: Pick<AssessmentReportInput, 'situation' | 'methods'> & { methodOther?: string | null };
  /** 报告日期 (its Beijing calendar day). */
  date: Date | number;
  /** Tests only: which font goes in (see lib/pdf/chinese.ts). */
  font?: PdfFontOptions;
};

/** 2026年5月12日 */
export function chineseDate(date: Date | number): string {
  const [y, m, d] = beijingDate(date).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 评估方法 as listed: 自行评估、渗透测试、其他：… */
export function methodsText(methods: readonly string[], other?: string | null): string {
  return methods.map((m) => (m === '其他' && other?.trim() ? `其他：${other.trim()}` : m)).join('、');
}

export function natureText(s: Pick<ReportSubject, 'nature' | 'unitType'>): string {
  return s.nature === '单位' && s.unitType ? `单位（${s.unitType}）` : s.nature;
}

/** The report's blocks: 主体, 评估对象, 开展评估情况 (the user's lines kept), 评估方法, 报告日期. */
export function reportBlocks(input: Omit<AssessmentReportPdfInput, 'font'>): PdfBlock[] {
  const { subject, report } = input;
  const siteFields = targetFields(input);
  return [
    { kind: 'heading', text: '一、开办主体' },
    {
      kind: 'fields',
      compact: true,
      fields: [
        ['开办主体名称', subject.name],
        ['主体性质', natureText(subject)],
        ['证件类型', subject.certType || '—'],
        ['证件号码', subject.certNumberMasked ? maskIdNumber(subject.certNumberMasked) : '—'],
      ],
    },
    { kind: 'heading', text: '二、评估对象' },
    { kind: 'fields', fields: siteFields, compact: true },
    { kind: 'heading', text: '三、开展评估情况' },
    { kind: 'text', text: report.situation },
    { kind: 'heading', text: '四、评估方法' },
    { kind: 'text', text: methodsText(report.methods, report.methodOther) },
    { kind: 'fields', fields: [['报告日期', chineseDate(input.date)]], ruled: false, compact: true },
    { kind: 'paragraph', text: REPORT_DECLARATION },
  ];
}

/** 二、评估对象 of the report: 类型, then the website's or the APP's / 小程序's identifying fields. */
function targetFields({ website, filing }: Pick<AssessmentReportPdfInput, 'website' | 'filing'>): PdfField[] {
  if (filing) {
    const fields: PdfField[] = [
      ['评估对象类型', filing.kind],
      [`${filing.kind}名称`, filing.name],
      [filing.identLabel, filing.ident || '—'],
      [filing.platformLabel, filing.platform || '—'],
    ];
    if (filing.filingNumber) fields.push(['公安备案号', filing.filingNumber]);
    fields.push(['交互类型', filing.interactive ? '交互式' : '非交互式']);
    return fields;
  }
  if (!website) throw new AppError('not_found', REPORT_WEBSITE_NOT_FOUND);
  const fields: PdfField[] = [
    ['评估对象类型', '网站'],
    ['网站名称', website.name],
    ['网站域名', website.domains.join('\n') || '—'],
  ];
  if (website.filingNumber) fields.push(['公安备案号', website.filingNumber]);
  fields.push(['交互类型', website.interactive ? '交互式' : '非交互式']);
  return fields;
}

/**
 * The PDF with the 负责人签字 / 单位盖章 / 日期 boxes. Characters Noto Sans SC lacks are drawn as its
 * .notdef box and listed in `missing` (the route sends them as X-Missing-Glyphs).
 */
export function buildAssessmentReport(input: AssessmentReportPdfInput): Promise<ChinesePdf> {
  return chinesePdf({ title: input.filing ? reportTitle(input.filing.kind) : REPORT_TITLE, blocks: reportBlocks(input), signature: true, font: input.font });
}

type SubjectColumns = Pick<typeof subjects.$inferSelect, 'nature' | 'unitType' | 'certType' | 'certNumberMasked' | 'principalIdType' | 'principalIdMasked'> & { subjectName: string };

const subjectColumns = {
  subjectName: subjects.name,
  nature: subjects.nature,
  unitType: subjects.unitType,
  certType: subjects.certType,
  certNumberMasked: subjects.certNumberMasked,
  principalIdType: subjects.principalIdType,
  principalIdMasked: subjects.principalIdMasked,
};

function reportSubject(row: SubjectColumns): ReportSubject {
  const org = row.nature === '单位';
  return {
    name: row.subjectName,
    nature: row.nature,
    unitType: row.unitType,
    // 单位: the organisation's certificate; 个人: the person's ID.
    certType: org ? row.certType : row.principalIdType,
    certNumberMasked: org ? row.certNumberMasked : row.principalIdMasked,
  };
}

/**
 * The subject and website the report identifies: the website must be one of `userId`'s, of their
 * current subject; anything else is "not found".
 */
export function loadReportTarget(userId: number, websiteId: number): { subject: ReportSubject; website: ReportWebsite } {
  const subjectId = currentSubjectId(userId);
  if (!subjectId) throw new AppError('not_found', REPORT_WEBSITE_NOT_FOUND);
  const db = getDb();
  const row = db
    .select({ name: websites.name, filingNumber: websites.filingNumber, interactive: websites.interactive, ...subjectColumns })
    .from(websites)
    .innerJoin(subjects, and(eq(subjects.id, websites.subjectId), eq(subjects.ownerId, userId)))
    .where(and(eq(websites.id, websiteId), eq(websites.subjectId, subjectId)))
    .get();
  if (!row) throw new AppError('not_found', REPORT_WEBSITE_NOT_FOUND);
  return { subject: reportSubject(row), website: { name: row.name, domains: domainsOfWebsite(db, websiteId), filingNumber: row.filingNumber, interactive: row.interactive } };
}

/** The report's 评估对象 not found: 评估对象APP不存在 / 评估对象小程序不存在. */
export const reportFilingNotFound = (type: AssessmentFilingType) => `评估对象${type}不存在`;

/**
 * The subject and APP / 小程序 the report identifies: one of `userId`'s, of `type`, of their current
 * subject; anything else is "not found".
 */
export function loadFilingReportTarget(userId: number, type: AssessmentFilingType, filingId: number): { subject: ReportSubject; filing: ReportFiling } {
  const subjectId = currentSubjectId(userId);
  if (!subjectId) throw new AppError('not_found', reportFilingNotFound(type));
  const row = getDb()
    .select({ f: filings, ...subjectColumns })
    .from(filings)
    .innerJoin(subjects, and(eq(subjects.id, filings.subjectId), eq(subjects.ownerId, userId)))
    .where(and(eq(filings.id, filingId), eq(filings.kind, type), eq(filings.subjectId, subjectId)))
    .get();
  if (!row) throw new AppError('not_found', reportFilingNotFound(type));
  const { f } = row;
  const spec = kindSpec(f.kind);
  return {
    subject: reportSubject(row),
    filing: {
      kind: type,
      name: f.name,
      identLabel: spec.identLabel,
      ident: withSpec(f.data, (sp, b) => sp.identText(b)),
      platformLabel: spec.platformLabel,
      platform: withSpec(f.data, (sp, b) => sp.platformText(b)),
      filingNumber: f.filingNumber,
      interactive: f.interactive,
    },
  };
}
