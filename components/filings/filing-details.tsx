import type { ReactNode } from 'react';
import type { FilingKind } from '@/db/schema';
import { kindObject, kindSpec, withSpec } from '@/lib/filings/kinds';
import type { StoredFiling } from '@/lib/filings/types';
import { ContactList, Empty, FileLink, Row, type FileKinds } from '@/components/websites/website-details';

/** A filing's basic information as stored, with the contacts already masked (MaskedContact). */
export type FilingDetailsData = { kind: FilingKind; basic: StoredFiling['basic']; contacts: Record<'securityOwner' | 'emergencyContact', Record<string, unknown>> };

/** Reviewer comments keyed by field: a path under a row (basic.platforms.0.packageName) goes to that row. */
export function placeFilingComments(kind: FilingKind, comments: Record<string, string> | null | undefined) {
  const labels: Record<string, string> = kindObject(kind).fieldLabels;
  const byField: Record<string, string> = {};
  const leftover: [string, string][] = [];
  const byLabel = new Map(Object.entries(labels).map(([f, l]) => [l, f]));
  for (const [key, comment] of Object.entries(comments ?? {})) {
    if (!comment) continue;
    const parts = key.split('.');
    const field = key in labels ? key : (byLabel.get(key) ?? [`${parts[0]}.${parts[1]}`].find((k) => k in labels));
    if (field) byField[field] = byField[field] ? `${byField[field]}；${comment}` : comment;
    else leftover.push([key, comment]);
  }
  return { byField, leftover };
}

/**
 * An APP's or 小程序's submitted data, read-only (PII already masked): {对象}基本信息 with the icon and
 * screenshots as thumbnails, and {对象}负责人. Rows come from the registry's labels and the kind's
 * readable values, so every kind is shown the same way.
 */
export function FilingDetails({
  data,
  comments = {},
  headingLevel = 2,
  fileKinds = {},
}: {
  data: FilingDetailsData;
  comments?: Record<string, string>;
  headingLevel?: 2 | 3;
  fileKinds?: FileKinds;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  const spec = kindSpec(data.kind);
  const labels: Record<string, string> = kindObject(data.kind).fieldLabels;
  const values = withSpec({ kind: data.kind, basic: data.basic }, (sp, b) => sp.values(b));
  const { interactive, fileFields } = withSpec({ kind: data.kind, basic: data.basic }, (sp, x) => ({ interactive: sp.interactive(x), fileFields: sp.fileFields(x) }));
  // Uploads as thumbnails / links, numbered when a field holds several (运行截图1, 2 …).
  const special: Record<string, ReactNode> = Object.fromEntries(
    Object.entries(fileFields).map(([field, ids]) => {
      const list = ids.filter((id): id is number => !!id);
      return [
        field,
        <div key={field} className="flex flex-wrap gap-2">
          {list.map((id, i) => (
            <FileLink key={`${id}-${i}`} id={id} label={list.length > 1 ? `${labels[field]}${i + 1}` : labels[field]} kinds={fileKinds} />
          ))}
        </div>,
      ];
    }),
  );
  const basicRows = Object.keys(values)
    .filter((field) => !(field === 'basic.siteTypes' && !interactive) && !(field === 'basic.controlledItems' && !values[field]))
    .map((field) => (
      <Row key={field} label={labels[field] ?? field} field={field} comment={comments[field]}>
        {special[field] ?? (values[field] ? <span className="whitespace-pre-line">{values[field]}</span> : <Empty />)}
      </Row>
    ));
  const roles = [
    ['contacts.securityOwner', spec.contactTitles.securityOwner, data.contacts.securityOwner],
    ['contacts.emergencyContact', spec.contactTitles.emergencyContact, data.contacts.emergencyContact],
  ] as const;
  return (
    <div className="space-y-6">
      <section aria-label={`${spec.label}基本信息`} className="space-y-3">
        <H className="border-l-4 border-primary pl-2 font-semibold">{spec.label}基本信息</H>
        <dl className="grid gap-y-3 text-sm">{basicRows}</dl>
      </section>
      <section aria-label={`${spec.label}负责人`} className="space-y-3">
        <H className="border-l-4 border-primary pl-2 font-semibold">{spec.label}负责人</H>
        <div className="grid gap-6 md:grid-cols-2">
          {roles.map(([field, title, c]) => (
            <section key={field} aria-label={title} className="min-w-0 space-y-2 text-sm" data-field={field}>
              <H2 className="font-medium">{title}</H2>
              {c ? <ContactList contact={c} kinds={fileKinds} /> : <Empty text="未填写" />}
              {comments[field] && (
                <p className="text-destructive" data-testid={`field-comment-${field}`}>
                  审核意见：{comments[field]}
                </p>
              )}
            </section>
          ))}
        </div>
      </section>
    </div>
  );
}
