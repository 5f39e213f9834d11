import type { ReactNode } from 'react';
import type { BusinessType } from '@/db/schema';
import { handlerOf } from '@/lib/applications/handlers';
import type { ApplicationPayload, ApplicationPrevious, StoredApplicationPayload, StoredApplicationPrevious } from '@/lib/applications/types';
import { websiteFieldsShown } from '@/lib/objects/website';
import { maskedSubject, type StoredSubject } from '@/lib/subjects/pii';
import { diffSubjects } from '@/lib/subjects/service';
import { SUBJECT_FIELD_LABELS, type SubjectField } from '@/lib/subjects/labels';
import { subjectDisplayValue, isFileField } from '@/lib/subjects/display';
import { SubjectDetails, FileThumb, isSubjectSnapshot, shownSubjectFields, type MaskedSubject } from '@/components/subjects/subject-details';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { diffWebsites } from '@/lib/websites/change';
import { maskWebsite, type MaskedWebsiteData, type StoredWebsite } from '@/lib/websites/service';
import { WebsiteDetails, placeWebsiteComments, type FileKinds } from '@/components/websites/website-details';
import { AssessmentDetails, type AssessmentDetailsData } from '@/components/assessments/assessment-details';
import { ASSESSMENT_FIELD_LABELS } from '@/lib/assessments/texts';
import { isFilingTarget } from '@/lib/assessments/schemas';
import { kindSpec } from '@/lib/filings/kinds';
import { maskContact } from '@/lib/websites/service';
import { diffFilings } from '@/lib/filings/change';
import type { StoredFiling } from '@/lib/filings/types';
import { FilingDetails, placeFilingComments, type FilingDetailsData } from '@/components/filings/filing-details';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type AppLike = {
  type: BusinessType;
  payload: StoredApplicationPayload;
  previous: StoredApplicationPrevious | null;
  fieldComments: Record<string, string> | null;
};

/** An application of business type T, its payload and previous typed by T. */
type AppOf<T extends BusinessType> = { type: T; payload: ApplicationPayload<T>; previous: ApplicationPrevious<T> | null; fieldComments: Record<string, string> | null };

/** A field a reviewer may comment on: its key and label. */
export type CommentField = { value: string; label: string };

/**
 * The submitted data, read-only, with each reviewer comment under its field; `leftover` are
 * comments with no field on the page (the page lists them with 退回原因); `fields` are the
 * fields the page shows, which a reviewer may comment on.
 */
export type ApplicationContent = { node: ReactNode; leftover: [string, string][]; fields: CommentField[] };

const entries = (labels: Readonly<Record<string, string>>): CommentField[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Reviewer comments keyed by field; a comment may also be keyed by the field's label. */
function placeComments(comments: Record<string, string> | null, labels: Record<string, string>) {
  const byField: Record<string, string> = {};
  const leftover: [string, string][] = [];
  const byLabel = new Map(Object.entries(labels).map(([f, l]) => [l, f]));
  for (const [key, comment] of Object.entries(comments ?? {})) {
    if (!comment) continue;
    const field = key in labels ? key : byLabel.get(key);
    if (field) byField[field] = comment;
    else leftover.push([(SUBJECT_FIELD_LABELS as Record<string, string>)[key] ?? key, comment]);
  }
  return { byField, leftover };
}

function labelsOf(fields: SubjectField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, SUBJECT_FIELD_LABELS[f]]));
}

export type ChangeRowView = { field: SubjectField; label: string; before: string; after: string };

/**
 * 变更字段 of a 变更主体, PII masked. The service's diff also notices a changed ID number or
 * phone whose masked forms look alike; snapshots it cannot read fall back to the masked compare.
 */
export function subjectChangeRows(previous: StoredSubject, payload: StoredSubject): ChangeRowView[] {
  try {
    return diffSubjects(previous, payload);
  } catch {
    const b = maskedSubject(previous);
    const a = maskedSubject(payload);
    return (Object.keys(SUBJECT_FIELD_LABELS) as SubjectField[])
      .map((field) => ({ field, label: SUBJECT_FIELD_LABELS[field], before: subjectDisplayValue(field, b[field]), after: subjectDisplayValue(field, a[field]) }))
      .filter((r) => r.before !== r.after);
  }
}

/** 序号, 变更字段, 变更前, 变更后; uploads show as thumbnails. */
type CompareRowView = { field: string; label: string; before: string; after: string };

/** 序号 / 变更字段 / 变更前 / 变更后; with the two subject snapshots, changed images show as thumbnails. */
export function ChangeTable({ rows, before, after }: { rows: CompareRowView[]; before?: MaskedSubject; after?: MaskedSubject }) {
  const raw = (d: MaskedSubject, f: SubjectField): unknown => d[f];
  const cell = (d: MaskedSubject | undefined, r: CompareRowView, text: string) =>
    d && isFileField(r.field as SubjectField) && raw(d, r.field as SubjectField) ? (
      <FileThumb fileId={String(raw(d, r.field as SubjectField))} label={`${r.label}`} />
    ) : (
      text || <span className="text-muted-foreground">—</span>
    );
  if (!rows.length) return <p className="text-sm text-muted-foreground">无变更字段</p>;
  return (
    <Table aria-label="变更对比">
      <TableHeader>
        <TableRow>
          <TableHead className="w-16">序号</TableHead>
          <TableHead>变更字段</TableHead>
          <TableHead>变更前</TableHead>
          <TableHead>变更后</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={r.field}>
            <TableCell>{i + 1}</TableCell>
            <TableCell>{r.label}</TableCell>
            <TableCell className="whitespace-normal break-all">{cell(before, r, r.before)}</TableCell>
            <TableCell className="whitespace-normal break-all">{cell(after, r, r.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}


function CancelDetails({ payload, comments, labels }: { payload: Record<string, unknown>; comments: Record<string, string>; labels: Readonly<Record<string, string>> }) {
  const fileId = payload.attachmentFileId ? String(payload.attachmentFileId) : null;
  const value = (k: string): ReactNode => {
    if (k === 'attachmentFileId')
      return fileId ? (
        <a href={`/api/files/${fileId}`} target="_blank" rel="noopener noreferrer" className="text-primary underline underline-offset-4">
          查看附件说明
        </a>
      ) : (
        <span className="text-muted-foreground">未上传</span>
      );
    const v = Array.isArray(payload[k]) ? (payload[k] as unknown[]).join('、') : payload[k];
    return v ? <span className="break-all whitespace-pre-wrap">{String(v)}</span> : <span className="text-muted-foreground">—</span>;
  };
  return (
    <section aria-label="注销信息" className="space-y-3">
      <h2 className="border-l-4 border-primary pl-2 font-semibold">注销信息</h2>
      <dl className="grid gap-y-3 text-sm">
        {Object.keys(labels).map((k) => (
          <div key={k} className="grid grid-cols-[8rem_1fr] gap-3 sm:grid-cols-[11rem_1fr]" data-field={k}>
            <dt className="text-muted-foreground">{labels[k]}</dt>
            <dd className="min-w-0 space-y-1">
              {value(k)}
              {comments[k] && (
                <p className="text-destructive" data-testid={`field-comment-${k}`}>
                  审核意见：{comments[k]}
                </p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A website snapshot whose contacts' 证件号码 are already masked strings (not `{ enc, masked }`). */
function isMaskedWebsite(w: StoredWebsite | MaskedWebsiteData): w is MaskedWebsiteData {
  return ![w.contacts.securityOwner, w.contacts.emergencyContact].some((c) => !!c && typeof c.idNumber === 'object' && c.idNumber !== null);
}

/**
 * The website of a 新办网站 / 变更网站 payload, PII masked: a stored payload seals 证件号码 / 手机号码
 * as `{ enc, masked }` and is masked here; an already masked one is used as is. Null if it is no website.
 */
function websiteOf(w: StoredWebsite | MaskedWebsiteData | undefined): MaskedWebsiteData | null {
  if (!w || typeof w !== 'object' || !w.basic || typeof w.basic !== 'object' || !w.contacts || typeof w.contacts !== 'object') return null;
  return isMaskedWebsite(w) ? w : maskWebsite(w);
}

/** Comment fields of a subject snapshot: the fields its details show. */
function subjectContent(app: AppOf<'新增主体' | '变更主体'>, render: (after: MaskedSubject, byField: Record<string, string>) => ReactNode): ApplicationContent | null {
  if (!isSubjectSnapshot(app.payload)) return null;
  const after = maskedSubject(app.payload);
  const shown = shownSubjectFields(after);
  const { byField, leftover } = placeComments(app.fieldComments, labelsOf(shown));
  return { node: render(after, byField), leftover, fields: shown.map((f) => ({ value: f, label: SUBJECT_FIELD_LABELS[f] })) };
}

function cancelContent<T extends '注销主体' | '注销网站' | '注销APP' | '注销小程序' | '注销应用市场' | '注销服务商'>(app: AppOf<T>): ApplicationContent {
  const labels = handlerOf(app.type).describe.fieldLabels;
  const { byField, leftover } = placeComments(app.fieldComments, labels);
  return { node: <CancelDetails payload={app.payload} comments={byField} labels={labels} />, leftover, fields: entries(labels) };
}

function websiteContent(app: AppOf<'新办网站' | '变更网站' | '网站认领'>, render: (website: MaskedWebsiteData, byField: Record<string, string>) => ReactNode): ApplicationContent | null {
  const website = websiteOf(app.payload.website);
  if (!website) return null;
  const { byField, leftover } = placeWebsiteComments(app.fieldComments);
  const labels = handlerOf(app.type).describe.fieldLabels;
  return { node: render(website, byField), leftover, fields: websiteFieldsShown(app.payload.website?.basic).map((f) => ({ value: f, label: labels[f] })) };
}

/** A stored APP / 小程序 snapshot as the details show it: contacts masked. */
function filingOf(f: StoredFiling | undefined): FilingDetailsData | null {
  if (!f || !isRecord(f.basic) || !isRecord(f.contacts) || !f.contacts.securityOwner || !f.contacts.emergencyContact) return null;
  return { kind: f.kind, basic: f.basic, contacts: { securityOwner: maskContact(f.contacts.securityOwner), emergencyContact: maskContact(f.contacts.emergencyContact) } };
}

type FilingFormType = '新增APP' | '变更APP' | '新增小程序' | '变更小程序' | '新增应用市场' | '变更应用市场' | '新增服务商' | '变更服务商';

function filingContent<T extends FilingFormType>(app: AppOf<T>, fileKinds: FileKinds): ApplicationContent | null {
  const data = filingOf(app.payload.filing);
  if (!data) return null;
  const { byField, leftover } = placeFilingComments(data.kind, app.fieldComments);
  const labels = handlerOf(app.type).describe.fieldLabels;
  const prev = app.previous && 'filing' in app.previous ? app.previous.filing : null;
  const details = <FilingDetails data={data} comments={byField} fileKinds={fileKinds} />;
  return {
    node: prev ? (
      <div className="space-y-6">
        <section aria-label="变更内容" className="space-y-3">
          <h2 className="border-l-4 border-primary pl-2 font-semibold">变更内容</h2>
          <ChangeTable rows={diffFilings(prev, app.payload.filing)} />
        </section>
        {details}
      </div>
    ) : (
      details
    ),
    leftover,
    fields: entries(labels),
  };
}

/** 安全评估 comments are keyed by the field's label (the applicant's pages place them by it). */
export function assessmentComments(fieldComments: Record<string, string> | null) {
  const labels = new Set<string>(Object.values(ASSESSMENT_FIELD_LABELS));
  return {
    comments: Object.fromEntries(Object.entries(fieldComments ?? {}).filter(([k, v]) => v && labels.has(k))),
    leftover: Object.entries(fieldComments ?? {}).filter(([k, v]) => v && !labels.has(k)),
    fields: entries(handlerOf('安全评估').describe.fieldLabels),
  };
}

function assessmentContent(app: AppOf<'安全评估'>): ApplicationContent | null {
  const { payload } = app;
  if (!isRecord(payload.report) || !isRecord(payload.files)) return null;
  // Read as stored data (any shape): a website's or an APP's / 小程序's snapshot.
  const target: Record<string, unknown> | null = isRecord(payload.target) ? payload.target : null;
  const { report, files } = payload;
  const file = (id: unknown, label: string) => (typeof id === 'number' ? { id, name: `${label}.pdf` } : null);
  const { comments, leftover, fields } = assessmentComments(app.fieldComments);
  const filingKind = target && isFilingTarget(target.type) ? target.type : null;
  const data: AssessmentDetailsData = {
    filing: filingKind
      ? {
          kind: filingKind,
          name: String(target!.name ?? ''),
          identLabel: kindSpec(filingKind).identLabel,
          ident: typeof target!.ident === 'string' ? target!.ident : '',
          platformLabel: kindSpec(filingKind).platformLabel,
          platform: typeof target!.platform === 'string' ? target!.platform : '',
          interactive: target!.interactive === true,
          filingNumber: typeof target!.filingNumber === 'string' ? target!.filingNumber : null,
        }
      : null,
    website: target && !filingKind
      ? {
          name: String(target.name ?? ''),
          domains: Array.isArray(target.domains) ? target.domains.map(String) : [],
          interactive: target.interactive === true,
          filingNumber: typeof target.filingNumber === 'string' ? target.filingNumber : null,
        }
      : null,
    report: {
      situation: String(report.situation ?? ''),
      methods: Array.isArray(report.methods) ? report.methods.map(String) : [],
      methodOther: String(report.methodOther ?? ''),
    },
    files: {
      sealedReport: file(files.sealedReportFileId, ASSESSMENT_FIELD_LABELS.sealedReport),
      thirdPartyReport: file(files.thirdPartyReportFileId, ASSESSMENT_FIELD_LABELS.thirdPartyReport),
    },
  };
  return { node: <AssessmentDetails data={data} comments={comments} />, leftover, fields };
}

/** How each business type's submitted data is shown; null: the payload is not readable, the fallback shows. */
const CONTENT: { [T in BusinessType]: (app: AppOf<T>, fileKinds: FileKinds) => ApplicationContent | null } = {
  新增主体: (app) => subjectContent(app, (after, byField) => <SubjectDetails data={after} comments={byField} />),
  变更主体: (app) =>
    subjectContent(app, (after, byField) => {
      const previous = app.previous;
      const before = previous && isSubjectSnapshot(previous) ? maskedSubject(previous) : null;
      return (
        <div className="space-y-6">
          {before && previous && (
            <section aria-label="变更内容" className="space-y-3">
              <h2 className="border-l-4 border-primary pl-2 font-semibold">变更内容</h2>
              <ChangeTable rows={subjectChangeRows(previous, app.payload)} before={before} after={after} />
            </section>
          )}
          <section aria-label="变更后主体信息" className="space-y-4">
            <h2 className="border-l-4 border-primary pl-2 font-semibold">变更后主体信息</h2>
            <SubjectDetails data={after} comments={byField} headingLevel={3} />
          </section>
        </div>
      );
    }),
  注销主体: cancelContent,
  注销网站: cancelContent,
  新办网站: (app, fileKinds) => websiteContent(app, (website, byField) => <WebsiteDetails data={website} comments={byField} fileKinds={fileKinds} />),
  变更网站: (app, fileKinds) =>
    websiteContent(app, (website, byField) => {
      const prev = app.previous?.website;
      return (
        <div className="space-y-6">
          {prev && (
            <section aria-label="变更内容" className="space-y-3">
              <h2 className="border-l-4 border-primary pl-2 font-semibold">变更内容</h2>
              <ChangeTable rows={diffWebsites(prev, app.payload.website)} />
            </section>
          )}
          <WebsiteDetails data={website} comments={byField} fileKinds={fileKinds} />
        </div>
      );
    }),
  安全评估: assessmentContent,
  // The wizard's 新办网站 data (an older payload without it falls back below).
  网站认领: (app, fileKinds) =>
    websiteContent(app, (website, byField) => <WebsiteDetails data={website} comments={byField} fileKinds={fileKinds} />),
  新增APP: filingContent,
  变更APP: filingContent,
  注销APP: cancelContent,
  新增小程序: filingContent,
  变更小程序: filingContent,
  注销小程序: cancelContent,
  新增应用市场: filingContent,
  变更应用市场: filingContent,
  注销应用市场: cancelContent,
  新增服务商: filingContent,
  变更服务商: filingContent,
  注销服务商: cancelContent,
};

function contentOf<T extends BusinessType>(app: AppOf<T>, fileKinds: FileKinds): ApplicationContent | null {
  return CONTENT[app.type](app, fileKinds);
}

/**
 * The submitted data of an application, read-only, with each reviewer comment under its
 * field. `leftover` are comments with no field on the page (the page lists them with 退回原因).
 * `fileKinds` (lib/files/service.ts fileKindsOf, loaded by the page) tells images from PDFs.
 */
export function applicationContent(app: AppLike, fileKinds: FileKinds = {}): ApplicationContent {
  const shown = contentOf(app, fileKinds);
  if (shown) return shown;
  // Types without their own details (and payloads that cannot be read) show the name, if any.
  const { leftover } = placeComments(app.fieldComments, {});
  const payload = app.payload;
  const name = 'name' in payload && typeof payload.name === 'string' ? payload.name : null;
  return {
    leftover,
    fields: [],
    node: name ? (
      <dl className="grid grid-cols-[8rem_1fr] gap-3 text-sm sm:grid-cols-[11rem_1fr]">
        <dt className="text-muted-foreground">名称</dt>
        <dd className="break-all">{name}</dd>
      </dl>
    ) : null,
  };
}
