import type { ReactNode } from 'react';
import type { BusinessType } from '@/db/schema';
import { maskedSubject, type StoredSubject } from '@/lib/subjects/pii';
import { diffSubjects } from '@/lib/subjects/service';
import { SUBJECT_CANCEL_LABELS, SUBJECT_FIELD_LABELS, type SubjectField } from '@/lib/subjects/labels';
import { WEBSITE_CANCEL_LABELS } from '@/lib/websites/labels';
import { subjectDisplayValue, isFileField } from '@/lib/subjects/display';
import { SubjectDetails, FileThumb, isSubjectSnapshot, shownSubjectFields, type MaskedSubject } from '@/components/subjects/subject-details';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { diffWebsites } from '@/lib/websites/change';
import { maskWebsite, type MaskedWebsiteData, type StoredWebsite } from '@/lib/websites/service';
import { WebsiteDetails, placeWebsiteComments, type FileKinds } from '@/components/websites/website-details';
import { AssessmentDetails, type AssessmentDetailsData } from '@/components/assessments/assessment-details';
import { ASSESSMENT_FIELD_LABELS } from '@/lib/assessments/texts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type AppLike = {
  type: BusinessType;
  payload: Record<string, unknown>;
  previous: Record<string, unknown> | null;
  fieldComments: Record<string, string> | null;
};

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
export function subjectChangeRows(previous: Record<string, unknown>, payload: Record<string, unknown>): ChangeRowView[] {
  try {
    return diffSubjects(previous as unknown as StoredSubject, payload as unknown as StoredSubject);
  } catch {
    const b = maskedSubject(previous as unknown as StoredSubject) as unknown as Record<string, unknown>;
    const a = maskedSubject(payload as unknown as StoredSubject) as unknown as Record<string, unknown>;
    return (Object.keys(SUBJECT_FIELD_LABELS) as SubjectField[])
      .map((field) => ({ field, label: SUBJECT_FIELD_LABELS[field], before: subjectDisplayValue(field, b[field]), after: subjectDisplayValue(field, a[field]) }))
      .filter((r) => r.before !== r.after);
  }
}

/** 序号, 变更字段, 变更前, 变更后; uploads show as thumbnails. */
type CompareRowView = { field: string; label: string; before: string; after: string };

/** 序号 / 变更字段 / 变更前 / 变更后; with the two subject snapshots, changed images show as thumbnails. */
export function ChangeTable({ rows, before, after }: { rows: CompareRowView[]; before?: MaskedSubject; after?: MaskedSubject }) {
  const raw = (d: MaskedSubject, f: SubjectField) => (d as unknown as Record<string, unknown>)[f];
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


function CancelDetails({ payload, comments, labels }: { payload: Record<string, unknown>; comments: Record<string, string>; labels: Record<string, string> }) {
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

/**
 * The website of a 新办网站 payload, PII masked: a stored payload seals 证件号码 / 手机号码 as
 * `{ enc, masked }` and is masked here; an already masked one is used as is. Null if it is no website.
 */
function websiteOf(payload: Record<string, unknown>): MaskedWebsiteData | null {
  const w = payload.website as Record<string, unknown> | undefined;
  if (!w || typeof w !== 'object' || !w.basic || typeof w.basic !== 'object' || !w.contacts || typeof w.contacts !== 'object') return null;
  const contacts = w.contacts as Record<string, { idNumber?: unknown } | undefined>;
  const sealed = [contacts.securityOwner, contacts.emergencyContact].some((c) => !!c && typeof c.idNumber === 'object' && c.idNumber !== null);
  return sealed ? maskWebsite(w as unknown as StoredWebsite) : (w as unknown as MaskedWebsiteData);
}

/**
 * The submitted data of an application, read-only, with each reviewer comment under its
 * field. `leftover` are comments with no field on the page (the page lists them with 退回原因).
 */
export function applicationContent(app: AppLike, fileKinds: FileKinds = {}): { node: ReactNode; leftover: [string, string][] } {
  const { type, payload, previous } = app;
  if ((type === '新增主体' || type === '变更主体') && isSubjectSnapshot(payload)) {
    const after = maskedSubject(payload as unknown as StoredSubject);
    const { byField, leftover } = placeComments(app.fieldComments, labelsOf(shownSubjectFields(after)));
    if (type === '新增主体') return { node: <SubjectDetails data={after} comments={byField} />, leftover };
    const before = previous && isSubjectSnapshot(previous) ? maskedSubject(previous as unknown as StoredSubject) : null;
    return {
      leftover,
      node: (
        <div className="space-y-6">
          {before && (
            <section aria-label="变更内容" className="space-y-3">
              <h2 className="border-l-4 border-primary pl-2 font-semibold">变更内容</h2>
              <ChangeTable rows={subjectChangeRows(previous!, payload)} before={before} after={after} />
            </section>
          )}
          <section aria-label="变更后主体信息" className="space-y-4">
            <h2 className="border-l-4 border-primary pl-2 font-semibold">变更后主体信息</h2>
            <SubjectDetails data={after} comments={byField} headingLevel={3} />
          </section>
        </div>
      ),
    };
  }
  if (type === '注销主体') {
    const { byField, leftover } = placeComments(app.fieldComments, SUBJECT_CANCEL_LABELS);
    return { node: <CancelDetails payload={payload} comments={byField} labels={SUBJECT_CANCEL_LABELS} />, leftover };
  }
  if (type === '注销网站') {
    const { byField, leftover } = placeComments(app.fieldComments, WEBSITE_CANCEL_LABELS);
    return { node: <CancelDetails payload={payload} comments={byField} labels={WEBSITE_CANCEL_LABELS} />, leftover };
  }
  if (type === '变更网站') {
    const website = websiteOf(payload);
    const prev = previous?.website as StoredWebsite | undefined;
    if (website) {
      const { byField, leftover } = placeWebsiteComments(app.fieldComments);
      return {
        leftover,
        node: (
          <div className="space-y-6">
            {prev && (
              <section aria-label="变更内容" className="space-y-3">
                <h2 className="border-l-4 border-primary pl-2 font-semibold">变更内容</h2>
                <ChangeTable rows={diffWebsites(prev, payload.website as StoredWebsite)} />
              </section>
            )}
            <WebsiteDetails data={website} comments={byField} fileKinds={fileKinds} />
          </div>
        ),
      };
    }
  }
  if (type === '新办网站') {
    const website = websiteOf(payload);
    if (website) {
      const { byField, leftover } = placeWebsiteComments(app.fieldComments);
      return { node: <WebsiteDetails data={website} comments={byField} fileKinds={fileKinds} />, leftover };
    }
  }
  if (type === '安全评估' && isRecord(payload.report) && isRecord(payload.files)) {
    const target = isRecord(payload.target) ? payload.target : null;
    const report = payload.report;
    const files = payload.files;
    const file = (id: unknown, label: string) => (typeof id === 'number' ? { id, name: `${label}.pdf` } : null);
    const labels = new Set<string>(Object.values(ASSESSMENT_FIELD_LABELS));
    const comments = Object.fromEntries(Object.entries(app.fieldComments ?? {}).filter(([k, v]) => v && labels.has(k)));
    const leftover = Object.entries(app.fieldComments ?? {}).filter(([k, v]) => v && !labels.has(k));
    const data: AssessmentDetailsData = {
      website: target
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
    return { node: <AssessmentDetails data={data} comments={comments} />, leftover };
  }
  // Website and other business types render their own details once their pages exist.
  const { leftover } = placeComments(app.fieldComments, {});
  const name = typeof payload.name === 'string' ? payload.name : null;
  return {
    leftover,
    node: name ? (
      <dl className="grid grid-cols-[8rem_1fr] gap-3 text-sm sm:grid-cols-[11rem_1fr]">
        <dt className="text-muted-foreground">名称</dt>
        <dd className="break-all">{name}</dd>
      </dl>
    ) : null,
  };
}
