import type { maskedSubject } from '@/lib/subjects/pii';
import { SUBJECT_FIELD_LABELS, type SubjectField } from '@/lib/subjects/labels';
import { subjectDisplayValue, isFileField } from '@/lib/subjects/display';
import { asksNationalLevel } from '@/lib/subjects/rules';

/** A subject as pages may see it: every field, 负责人证件号码 / 负责人手机号码 masked. */
export type MaskedSubject = ReturnType<typeof maskedSubject>;

type Section = { title: string; fields: SubjectField[] };

/** The three read-only sections, with only the fields that apply to this subject. */
export function subjectSections(d: MaskedSubject): Section[] {
  const unitFields: SubjectField[] = asksNationalLevel(d.unitType) ? ['nature', 'unitType', 'nationalLevel'] : ['nature', 'unitType'];
  const sections: Section[] = [{ title: '开办主体性质', fields: d.nature === '单位' ? unitFields : ['nature'] }];
  if (d.nature === '单位') {
    sections.push({
      title: '主办单位信息',
      fields: [
        // Filled from the 机关事业单位 credential: the pass is shown first, the 有效证件 scan only if uploaded.
        ...(d.orgCredentialToken ? (['orgCredentialToken'] as const) : []),
        'orgName',
        'orgCertType',
        'orgCertNumber',
        ...(d.orgCredentialToken && !d.orgCertFileId ? [] : (['orgCertFileId'] as const)),
        'legalRepName',
        'officeRegion',
        'officeAddress',
        'regRegion',
        'regAddress',
        'faceRecognition',
        'generativeAi',
      ],
    });
  }
  sections.push({
    title: '负责人信息',
    fields: [
      'principalName',
      'principalIdType',
      'principalIdNumber',
      'principalIdExpiry',
      'principalRegion',
      'principalAddress',
      'principalPhone',
      'officePhone',
      'principalEmail',
      'authMethod',
      ...(d.authMethod === '文件认证' ? (['idFrontFileId', 'idBackFileId', 'idHandheldFileId'] as const) : (['identityToken'] as const)),
    ],
  });
  return sections;
}

/** The fields a <SubjectDetails> shows (so a page can tell which reviewer comments have a place). */
export function shownSubjectFields(d: MaskedSubject): SubjectField[] {
  return subjectSections(d).flatMap((s) => s.fields);
}

/** Does a stored JSON snapshot look like a subject (demo rows and other payloads do not)? */
export function isSubjectSnapshot(v: unknown): boolean {
  return !!v && typeof v === 'object' && 'nature' in v && 'principalName' in v && !('demo' in v);
}

/** A thumbnail of an uploaded image, linking to the original (the file route checks who may read it). */
export function FileThumb({ fileId, label }: { fileId: number | string; label: string }) {
  return (
    <a href={`/api/files/${fileId}`} target="_blank" rel="noopener noreferrer" className="inline-block rounded-md border p-1 hover:border-primary">
      {/* A plain <img>: the bytes are private and access-checked, not for the image optimiser. */}
      <img src={`/api/files/${fileId}?variant=thumb`} alt={label} className="h-24 w-auto max-w-40 object-contain" loading="lazy" />
    </a>
  );
}

/** One field's value as shown read-only: text, or a thumbnail for an upload. */
export function SubjectValue({ field, value }: { field: SubjectField; value: unknown }) {
  if (isFileField(field)) return value ? <FileThumb fileId={String(value)} label={SUBJECT_FIELD_LABELS[field]} /> : <span className="text-muted-foreground">未上传</span>;
  const text = subjectDisplayValue(field, value);
  return text ? <span className="break-all">{text}</span> : <span className="text-muted-foreground">—</span>;
}

/**
 * A subject read-only: 开办主体性质 / 主办单位信息 / 负责人信息, one "label: value" row
 * per field. `comments` (keyed by field) show in red under their field, as a 退回 asks.
 */
export function SubjectDetails({
  data,
  comments = {},
  headingLevel = 2,
}: {
  data: MaskedSubject;
  comments?: Partial<Record<SubjectField, string>>;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const values: Partial<Record<SubjectField, unknown>> = data;
  return (
    <div className="space-y-6">
      {subjectSections(data).map((section) => (
        <section key={section.title} aria-label={section.title} className="space-y-3">
          <H className="border-l-4 border-primary pl-2 font-semibold">{section.title}</H>
          <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
            {section.fields.map((field) => (
              <div key={field} className="grid grid-cols-[8rem_1fr] gap-3 sm:grid-cols-[11rem_1fr]" data-field={field}>
                <dt className="text-muted-foreground">{SUBJECT_FIELD_LABELS[field]}</dt>
                <dd className="min-w-0 space-y-1">
                  <SubjectValue field={field} value={values[field]} />
                  {comments[field] && (
                    <p className="text-destructive" data-testid={`field-comment-${field}`}>
                      审核意见：{comments[field]}
                    </p>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** The columns every subject row has, for subjects without a full snapshot (demo data). */
export function SubjectSummary({
  subject,
}: {
  subject: { name: string; nature: string; unitType: string | null; principalName: string; principalIdMasked: string; principalPhoneMasked: string };
}) {
  const rows: [string, string][] = [
    ['开办主体性质', subject.unitType ? `${subject.nature}（${subject.unitType}）` : subject.nature],
    [subject.nature === '单位' ? '主办单位名称' : '主体名称', subject.name],
    ['负责人姓名', subject.principalName],
    ['负责人证件号码', subject.principalIdMasked],
    ['负责人手机号码', subject.principalPhoneMasked],
  ];
  return (
    <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
      {rows.map(([k, v]) => (
        <div key={k} className="grid grid-cols-[8rem_1fr] gap-3 sm:grid-cols-[11rem_1fr]">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="min-w-0 break-all">{v || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
