/**
 * 申请回执: a one-page PDF for any application — 申请编号, 业务类型, 提交时间, 审核单位, 办理时限
 * and the main submitted data (PII masked), for the applicant to keep. Plain layout, no QR code.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { domainsOfWebsite } from '@/lib/websites/domain-list';
import { applications, assessments, filings, policeUnits, subjects, websites, type BusinessType } from '@/db/schema';
import { diffFilings } from '@/lib/filings/change';
import { kindOfType, kindSpec, withSpec } from '@/lib/filings/kinds';
import type { StoredFiling } from '@/lib/filings/types';
import { FILING_CANCEL_LABELS } from '@/lib/filings/labels';
import { chinesePdf, type ChinesePdf, type PdfField, type PdfFontOptions } from '@/lib/pdf/chinese';
import { canReadApplication, type Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { maskIdNumber } from '@/lib/pii/mask';
import { handlerOf } from '@/lib/applications/handlers';
import { websiteObject } from '@/lib/objects/website';
import { maskedSubject, type StoredSubject } from '@/lib/subjects/pii';
import { subjectName } from '@/lib/subjects/schemas';
import { SUBJECT_CANCEL_LABELS } from '@/lib/subjects/labels';
import { WEBSITE_CANCEL_LABELS } from '@/lib/websites/labels';
import { diffSubjects } from '@/lib/subjects/service';
import { diffWebsites } from '@/lib/websites/change';
import type { StoredWebsite } from '@/lib/websites/types';
import { dueAtFor, OPEN_STATUSES } from '@/lib/review/due';
import { beijingDayNumber, beijingDayStartMs, formatDate, formatDateTime } from '@/lib/time';
import { methodsText, natureText } from '@/lib/assessments/report-pdf';

export const RECEIPT_TITLE = '申请回执';
export const RECEIPT_NOTE = '请妥善保存本回执。审核结果将通过系统通知告知，您也可登录联网备案平台，在“我的申请”中查看办理进度。';
export const RECEIPT_NOT_FOUND = '申请不存在';
export const receiptFilename = (code: string) => `申请回执-${code}.pdf`;

/** What a receipt shows; `details` are the main data as 标签/内容 rows, already masked. */
export type ReceiptView = {
  code: string;
  type: BusinessType;
  submittedAt: number;
  unitName: string | null;
  /** 办理时限 when known (not for a 新增主体 still waiting for its website application). */
  dueAt: number | null;
  details: [label: string, value: string][];
};

export function buildReceipt(view: ReceiptView, opts: { font?: PdfFontOptions } = {}): Promise<ChinesePdf> {
  const info: PdfField[] = [
    ['申请编号', view.code],
    ['业务类型', view.type],
    ['提交时间', formatDateTime(view.submittedAt)],
    ['审核单位', view.unitName ?? '—'],
  ];
  if (view.dueAt) info.push(['办理时限', `${formatDate(view.dueAt)} 前`]);
  return chinesePdf({
    title: RECEIPT_TITLE,
    blocks: [
      { kind: 'heading', text: '申请信息' },
      { kind: 'fields', fields: info, ruled: false },
      ...(view.details.length ? [{ kind: 'heading', text: '申请内容' } as const, { kind: 'fields', fields: view.details, ruled: false } as const] : []),
      { kind: 'paragraph', text: RECEIPT_NOTE },
    ],
    signature: false,
    font: opts.font,
  });
}

// ---------------------------------------------------------------------------------------------
// the main data of each business type

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => str(obj(x)?.domain ?? x)).filter(Boolean) : []);
const unique = (xs: string[]) => [...new Set(xs)];

type JoinedSubject = {
  name: string;
  nature: '个人' | '单位';
  unitType: string | null;
  certType: string | null;
  certNumberMasked: string | null;
  principalIdType: string;
  principalIdMasked: string;
};
type JoinedWebsite = { name: string; filingNumber: string | null; interactive: boolean; domains: string[] };
type JoinedFiling = { name: string; filingNumber: string | null; interactive: boolean; data: StoredFiling };
export type ReceiptSource = {
  type: BusinessType;
  payload: Obj;
  previous: Obj | null;
  subject: JoinedSubject | null;
  website: JoinedWebsite | null;
  /** The APP / 小程序 of an application about one. */
  filing: JoinedFiling | null;
  /** assessments.data of a 安全评估 (its report), when the payload lacks it. */
  assessment: Obj | null;
};

function isSubjectSnapshot(v: Obj | null): v is Obj & StoredSubject {
  return !!v && 'nature' in v && 'principalName' in v && !('demo' in v);
}

/** A stored website snapshot (basic information and sealed contacts). */
function isWebsiteSnapshot(v: Obj | null): v is Obj & StoredWebsite {
  return !!obj(v?.basic) && !!obj(v?.contacts);
}

/** 开办主体名称, 主体性质, 证件类型, masked 证件号码 — of a submitted snapshot, else of the subject row. */
function subjectRows(src: ReceiptSource, withCert: boolean): [string, string][] {
  if (handlerOf(src.type).object === 'subject' && isSubjectSnapshot(src.payload)) {
    try {
      const m = maskedSubject(src.payload);
      const org = m.nature === '单位';
      const rows: [string, string][] = [
        ['开办主体名称', subjectName(m)],
        ['主体性质', natureText({ nature: m.nature, unitType: m.unitType })],
        ['证件类型', (org ? m.orgCertType : m.principalIdType) ?? '—'],
        ['证件号码', org ? (m.orgCertNumber ? maskIdNumber(m.orgCertNumber) : '—') : maskIdNumber(m.principalIdNumber)],
        ['负责人姓名', m.principalName],
      ];
      return rows;
    } catch {
      // An unreadable snapshot: the subject row below.
    }
  }
  const s = src.subject;
  const name = str(src.payload.subjectName) || s?.name;
  if (!name) return [];
  const rows: [string, string][] = [['开办主体名称', name]];
  if (s && withCert) {
    const org = s.nature === '单位';
    rows.push(['主体性质', natureText(s)]);
    rows.push(['证件类型', (org ? s.certType : s.principalIdType) || '—']);
    const masked = org ? s.certNumberMasked : s.principalIdMasked;
    rows.push(['证件号码', masked ? maskIdNumber(masked) : '—']);
  }
  return rows;
}

function websiteRows(name: string, domains: string[], filingNumber: string | null | undefined): [string, string][] {
  const rows: [string, string][] = [];
  const labels = websiteObject.fieldLabels;
  if (name) rows.push([labels['basic.name'], name]);
  if (domains.length) rows.push([labels['basic.domains'], domains.join('\n')]);
  if (filingNumber) rows.push(['公安备案号', filingNumber]);
  return rows;
}

/** 网站名称, 网站域名, 交互类型 (and 变更事项 of a change) of a 新办网站 / 变更网站. */
function websiteFormRows(src: ReceiptSource, withNumber: boolean, withChanges: boolean): [string, string][] {
  const { payload, previous, website } = src;
  const site = obj(payload.website);
  const basic = obj(site?.basic);
  const rows = subjectRows(src, false);
  const name = str(basic?.name) || website?.name || '';
  const domains = basic ? strings(basic.domains) : (website?.domains ?? []);
  rows.push(...websiteRows(name, domains, withNumber ? website?.filingNumber : null));
  const interactive = basic ? basic.interactive === '是' : website?.interactive;
  if (interactive !== undefined) rows.push(['交互类型', interactive ? '交互式' : '非交互式']);
  const before = obj(previous?.website);
  if (withChanges && isWebsiteSnapshot(before) && isWebsiteSnapshot(site)) {
    try {
      const labels = unique(diffWebsites(before, site).map((r) => r.label));
      if (labels.length) rows.push(['变更事项', labels.join('、')]);
    } catch {
      // As above: the website is still named.
    }
  }
  return rows;
}

/** A stored APP / 小程序 snapshot (basic information and sealed contacts). */
function isFilingSnapshot(v: Obj | null): v is Obj & StoredFiling {
  return !!v && typeof v.kind === 'string' && !!obj(v.basic) && !!obj(v.contacts);
}

/** 名称, 平台, 包名 / 小程序ID, 交互 (and 变更事项 of a change) of a 新增 / 变更 APP or 小程序. */
function filingFormRows(src: ReceiptSource, withNumber: boolean, withChanges: boolean): [string, string][] {
  const kind = kindOfType(src.type);
  const rows = subjectRows(src, false);
  if (!kind) return rows;
  const spec = kindSpec(kind);
  const snap = obj(src.payload.filing);
  const data = isFilingSnapshot(snap) ? snap : (src.filing?.data ?? null);
  const name = (data && str(data.basic.name)) || src.filing?.name || '';
  if (name) rows.push([`${spec.label}名称`, name]);
  if (data) {
    rows.push([spec.platformLabel, withSpec(data, (sp, b) => sp.platformText(b))]);
    rows.push([spec.identLabel, withSpec(data, (sp, b) => sp.identText(b))]);
    rows.push(['是否提供互联网交互服务', withSpec(data, (sp, b) => sp.interactive(b)) ? '是' : '否']);
  }
  if (withNumber && src.filing?.filingNumber) rows.push(['公安备案号', src.filing.filingNumber]);
  const before = obj(src.previous?.filing);
  if (withChanges && isFilingSnapshot(before) && isFilingSnapshot(snap)) {
    try {
      const labels = unique(diffFilings(before, snap).map((r) => r.label));
      if (labels.length) rows.push(['变更事项', labels.join('、')]);
    } catch {
      // The object is still named.
    }
  }
  return rows;
}

/** 名称, 标识, 公安备案号 and 注销原因 of a 注销APP / 注销小程序. */
function filingCancelRows(src: ReceiptSource): [string, string][] {
  const rows = subjectRows(src, false);
  const kind = kindOfType(src.type);
  const name = str(src.payload.name) || src.filing?.name || '';
  if (name) rows.push([`${kind ?? ''}名称`, name]);
  const idents = Array.isArray(src.payload.idents) ? src.payload.idents.map(str).filter(Boolean) : [];
  if (idents.length) rows.push([FILING_CANCEL_LABELS.idents, idents.join('\n')]);
  const number = str(src.payload.filingNumber) || src.filing?.filingNumber;
  if (number) rows.push(['公安备案号', number]);
  if (str(src.payload.reason)) rows.push([FILING_CANCEL_LABELS.reason, str(src.payload.reason)]);
  return rows;
}

/** The main data of each business type, PII masked (a type without one does not compile). */
const DETAILS: Record<BusinessType, (src: ReceiptSource) => [string, string][]> = {
  新增主体: (src) => subjectRows(src, true),
  变更主体: (src) => {
    const { payload, previous } = src;
    const rows = subjectRows(src, true);
    if (isSubjectSnapshot(previous) && isSubjectSnapshot(payload)) {
      try {
        const labels = unique(diffSubjects(previous, payload).map((r) => r.label));
        if (labels.length) rows.push(['变更事项', labels.join('、')]);
      } catch {
        // Without readable snapshots the receipt still names the subject.
      }
    }
    return rows;
  },
  注销主体: (src) => {
    const rows = subjectRows(src, true);
    if (str(src.payload.reason)) rows.push([SUBJECT_CANCEL_LABELS.reason, str(src.payload.reason)]);
    return rows;
  },
  新办网站: (src) => websiteFormRows(src, false, false),
  变更网站: (src) => websiteFormRows(src, true, true),
  注销网站: (src) => {
    const { payload, website } = src;
    const rows = subjectRows(src, false);
    const domains = strings(payload.domains);
    rows.push(...websiteRows(str(payload.websiteName) || website?.name || '', domains.length ? domains : (website?.domains ?? []), str(payload.filingNumber) || website?.filingNumber));
    if (str(payload.reason)) rows.push([WEBSITE_CANCEL_LABELS.reason, str(payload.reason)]);
    return rows;
  },
  安全评估: (src) => {
    const { payload, website } = src;
    const rows = subjectRows(src, false);
    const target = obj(payload.target);
    const kind = target?.type === 'APP' || target?.type === '小程序' ? target.type : null;
    if (kind) {
      // An APP / 小程序: its name and 标识 as submitted, its number now.
      const spec = kindSpec(kind);
      rows.push(['评估对象类型', kind]);
      const name = str(target?.name) || src.filing?.name || '';
      if (name) rows.push([`${spec.label}名称`, name]);
      if (str(target?.ident)) rows.push([spec.identLabel, str(target?.ident)]);
      if (src.filing?.filingNumber) rows.push(['公安备案号', src.filing.filingNumber]);
    } else {
      rows.push(['评估对象类型', '网站']);
      rows.push(...websiteRows(website?.name ?? '', website?.domains ?? [], website?.filingNumber));
    }
    const report = obj(payload.report) ?? (Array.isArray(payload.methods) ? payload : null) ?? obj(src.assessment?.report) ?? src.assessment;
    const methods = Array.isArray(report?.methods) ? report.methods.map(str).filter(Boolean) : [];
    if (methods.length) rows.push(['评估方法', methodsText(methods, str(report?.methodOther))]);
    return rows;
  },
  // 网站认领: the subject and the website it is about.
  网站认领: (src) => {
    const { payload, website } = src;
    const rows = subjectRows(src, false);
    const domains = strings(payload.domains).length ? strings(payload.domains) : str(payload.domain) ? [str(payload.domain)] : (website?.domains ?? []);
    rows.push(...websiteRows(str(payload.websiteName) || website?.name || '', domains, website?.filingNumber));
    return rows;
  },
  新增APP: (src) => filingFormRows(src, false, false),
  变更APP: (src) => filingFormRows(src, true, true),
  注销APP: filingCancelRows,
  新增小程序: (src) => filingFormRows(src, false, false),
  变更小程序: (src) => filingFormRows(src, true, true),
  注销小程序: filingCancelRows,
  新增应用市场: (src) => filingFormRows(src, false, false),
  变更应用市场: (src) => filingFormRows(src, true, true),
  注销应用市场: filingCancelRows,
  新增服务商: (src) => filingFormRows(src, false, false),
  变更服务商: (src) => filingFormRows(src, true, true),
  注销服务商: filingCancelRows,
};

/** The main data of an application, by business type, PII masked. */
export function receiptDetails(src: ReceiptSource): [string, string][] {
  return DETAILS[src.type](src);
}

// ---------------------------------------------------------------------------------------------
// loading, with the policy check

/**
 * The receipt of application `id` for `actor`: its applicant, the reviewing unit's reviewers and
 * admins (canReadApplication); to anyone else it does not exist.
 */
export function loadReceiptView(actor: Actor, id: number): ReceiptView {
  const db = getDb();
  const row = db
    .select({
      app: {
        id: applications.id,
        code: applications.code,
        type: applications.type,
        status: applications.status,
        applicantId: applications.applicantId,
        unitId: applications.unitId,
        queued: applications.queued,
        payload: applications.payload,
        previous: applications.previous,
        submittedAt: applications.submittedAt,
        queuedAt: applications.queuedAt,
        dueAt: applications.dueAt,
        websiteId: applications.websiteId,
        filingId: applications.filingId,
      },
      unitName: policeUnits.name,
      subject: {
        name: subjects.name,
        nature: subjects.nature,
        unitType: subjects.unitType,
        certType: subjects.certType,
        certNumberMasked: subjects.certNumberMasked,
        principalIdType: subjects.principalIdType,
        principalIdMasked: subjects.principalIdMasked,
      },
      website: { name: websites.name, filingNumber: websites.filingNumber, interactive: websites.interactive },
      filing: { name: filings.name, filingNumber: filings.filingNumber, interactive: filings.interactive, data: filings.data },
    })
    .from(applications)
    .leftJoin(policeUnits, eq(policeUnits.id, applications.unitId))
    .leftJoin(subjects, eq(subjects.id, applications.subjectId))
    .leftJoin(websites, eq(websites.id, applications.websiteId))
    .leftJoin(filings, eq(filings.id, applications.filingId))
    .where(eq(applications.id, id))
    .get();
  if (!row || !canReadApplication(actor, row.app)) throw new AppError('not_found', RECEIPT_NOT_FOUND);
  const { app } = row;

  const domains = app.websiteId ? domainsOfWebsite(db, app.websiteId) : [];
  const assessment =
    handlerOf(app.type).object === 'assessment'
      ? (db.select({ data: assessments.data }).from(assessments).where(eq(assessments.applicationId, app.id)).get()?.data ?? null)
      : null;

  // 办理时限: stored by the queue; an open queued one not yet stamped gets the same computation.
  let dueAt = app.dueAt;
  if (!dueAt && app.queued && (OPEN_STATUSES as readonly string[]).includes(app.status))
    dueAt = dueAtFor(app.type, beijingDayStartMs(beijingDayNumber(app.queuedAt ?? app.submittedAt)));

  return {
    code: app.code,
    type: app.type,
    submittedAt: app.submittedAt,
    unitName: row.unitName,
    dueAt: app.queued ? dueAt : null,
    details: receiptDetails({
      type: app.type,
      payload: app.payload ?? {},
      previous: app.previous ?? null,
      subject: row.subject,
      website: row.website ? { ...row.website, domains } : null,
      filing: row.filing,
      assessment,
    }),
  };
}
