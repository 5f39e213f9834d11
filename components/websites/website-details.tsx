import type { ReactNode } from 'react';
import type { MaskedWebsiteData } from '@/lib/websites/service';
import { NATIONAL_IDENTITY, SITE_TYPES } from '@/lib/websites/schemas';
import { CONTACT_FILE_LABELS, CONTACT_TITLES, WEBSITE_FIELD_LABELS, type WebsiteField } from '@/lib/websites/labels';
import { identityPassLabel } from '@/lib/identity/labels';
import { hostToUnicode, parseDomain } from '@/lib/websites/domains';
import { regionFullName } from '@/lib/regions/regions';
import { LONG_TERM } from '@/lib/subjects/rules';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import { FileThumb } from '@/components/subjects/subject-details';
import { Badge } from '@/components/ui/badge';

type Basic = MaskedWebsiteData['basic'];
type ContactView = Record<string, unknown>;
/** Image or PDF per uploaded file (lib/files/service.ts fileKindsOf), loaded by the page. */
export type FileKinds = Readonly<Record<number, 'image' | 'pdf'>>;


/** Sub-paths (as the wizard and the service name them) → the row that shows them. */
const ROW_OF: Record<string, WebsiteField> = {
  hasIcp: 'basic.icpNumber',
  accessScope: 'basic.access',
  accessRegion: 'basic.access',
  accessName: 'basic.access',
  accessMethod: 'basic.access',
  registrarScope: 'basic.registrar',
  registrarRegion: 'basic.registrar',
  registrarName: 'basic.registrar',
  permitsNeeded: 'basic.permits',
};

const isRow = (k: string): k is WebsiteField => Object.hasOwn(WEBSITE_FIELD_LABELS, k);

function rowOf(key: string): WebsiteField | undefined {
  if (isRow(key)) return key;
  const parts = key.replace(/^website\./, '').split('.');
  if (parts[0] === 'contacts') parts.shift();
  if (parts[0] === 'securityOwner' || parts[0] === 'emergencyContact') return `contacts.${parts[0]}`;
  if (parts[0] === 'basic') parts.shift();
  const head = parts[0] ?? '';
  if (Object.hasOwn(ROW_OF, head)) return ROW_OF[head];
  const basic = `basic.${head}`;
  return isRow(basic) ? basic : undefined;
}

/** Reviewer comments placed on their rows; `leftover` are those with no row here, as [label or key, comment]. */
export function placeWebsiteComments(comments: Record<string, string> | null | undefined) {
  const byLabel = new Map(Object.entries(WEBSITE_FIELD_LABELS).map(([f, l]) => [l as string, f as WebsiteField]));
  const byField: Partial<Record<WebsiteField, string>> = {};
  const leftover: [string, string][] = [];
  for (const [key, comment] of Object.entries(comments ?? {})) {
    if (!comment) continue;
    const field = rowOf(key) ?? byLabel.get(key);
    if (field) byField[field] = byField[field] ? `${byField[field]}；${comment}` : comment;
    else leftover.push([key, comment]);
  }
  return { byField, leftover };
}

export function Empty({ text = '—' }: { text?: string }) {
  return <span className="text-muted-foreground">{text}</span>;
}

/** An uploaded file: a thumbnail linking to the image, or a link to the PDF. */
export function FileLink({ id, label, kinds }: { id: unknown; label: string; kinds: FileKinds }) {
  const n = Number(id);
  if (!id || !Number.isSafeInteger(n) || n <= 0) return <Empty text="未上传" />;
  if (kinds[n] === 'image') return <FileThumb fileId={n} label={label} />;
  return (
    <a href={`/api/files/${n}`} target="_blank" rel="noopener noreferrer" className="text-primary underline underline-offset-4">
      查看{label}
      {kinds[n] === 'pdf' ? '（PDF）' : ''}
    </a>
  );
}

/** Unicode form, with the ASCII (punycode) form in brackets for an internationalised name. */
function domainText(domain: string): string {
  const p = parseDomain(domain);
  if (!p.ok) return domain;
  return p.isIdn ? `${p.unicode}（${p.ascii}）` : p.unicode;
}

function regionText(scope: string | undefined, region: string | undefined): string {
  if (scope === '境外') return '境外';
  return region ? regionFullName(region) || region : '';
}

/** A label: value row of a <dl>. */
export function Row({ label, field, comment, children }: { label: string; field?: string; comment?: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-3 sm:grid-cols-[11rem_1fr]" data-field={field}>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 space-y-1 break-all">
        {children}
        {comment && (
          <p className="text-destructive" data-testid={`field-comment-${field}`}>
            审核意见：{comment}
          </p>
        )}
      </dd>
    </div>
  );
}

/** A small nested list of label: value pairs (provider details, one contact's fields). */
function SubList({ rows, label }: { rows: [string, ReactNode][]; label?: string }) {
  return (
    <dl className="space-y-1" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k} className="flex flex-wrap gap-x-2">
          <dt className="text-muted-foreground">{k}：</dt>
          <dd className="min-w-0 break-all">{v || <Empty />}</dd>
        </div>
      ))}
    </dl>
  );
}

const text = (v: unknown): ReactNode => (v == null || v === '' ? <Empty /> : String(v));

/** A masked value: the service's `…Masked`, else an already-masked string, else masked here (never shown in full). */
function masked(c: ContactView, key: 'idNumber' | 'phone'): string {
  const pre = c[`${key}Masked`];
  if (typeof pre === 'string' && pre) return pre;
  const raw = c[key];
  if (typeof raw !== 'string' || !raw) return '';
  if (raw.includes('*')) return raw;
  return key === 'idNumber' ? maskIdNumber(raw) : maskPhone(raw);
}

function contactRows(c: ContactView, kinds: FileKinds): [string, ReactNode][] {
  const same = c.mode === '同主体负责人信息';
  const rows: [string, ReactNode][] = [
    ['信息来源', same ? '同主体负责人信息' : '自主填写'],
    ['姓名', text(c.name)],
    ['证件类型', text(c.idType)],
    ['证件号码', text(masked(c, 'idNumber'))],
  ];
  if (!same && c.idExpiry) rows.push(['证件有效期', c.idExpiry === LONG_TERM ? '长期有效' : String(c.idExpiry)]);
  rows.push(['手机号码', text(masked(c, 'phone'))], ['电子邮件地址', text(c.email)]);
  if (!same && c.authMethod) {
    rows.push(['认证方式', String(c.authMethod)]);
    // The pass itself is never shown: only that the server accepted it for this person.
    if (c.authMethod === NATIONAL_IDENTITY) rows.push(['国家网络身份认证', c.identityToken ? identityPassLabel(String(c.identityToken)) : <Empty key="identity" text="未认证" />]);
    else if (c.authMethod === '文件认证')
      rows.push(
        [CONTACT_FILE_LABELS.frontFileId, <FileLink key="front" id={c.frontFileId} label={CONTACT_FILE_LABELS.frontFileId} kinds={kinds} />],
        [CONTACT_FILE_LABELS.backFileId, <FileLink key="back" id={c.backFileId} label={CONTACT_FILE_LABELS.backFileId} kinds={kinds} />],
        [CONTACT_FILE_LABELS.handheldFileId, <FileLink key="hand" id={c.handheldFileId} label={CONTACT_FILE_LABELS.handheldFileId} kinds={kinds} />],
      );
  }
  return rows;
}

/** One 负责人 (PII masked), as every filing object's 负责人 step shows it. */
export function ContactList({ contact, kinds }: { contact: ContactView; kinds: FileKinds }) {
  return <SubList rows={contactRows(contact, kinds)} />;
}

/**
 * A website's submitted data, read-only (PII already masked by the service): 网站基本信息 and
 * 网站负责人. Which uploads are images (thumbnails) or PDFs (links) comes from the page (`fileKinds`).
 */
export function WebsiteDetails({
  data,
  comments = {},
  headingLevel = 2,
  fileKinds = {},
}: {
  data: MaskedWebsiteData;
  comments?: Partial<Record<WebsiteField, string>>;
  headingLevel?: 2 | 3;
  fileKinds?: FileKinds;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  const b: Basic = data.basic;
  const kinds = fileKinds;
  const row = (field: WebsiteField, value: ReactNode) => (
    <Row key={field} label={WEBSITE_FIELD_LABELS[field]} field={field} comment={comments[field]}>
      {value}
    </Row>
  );
  const siteTypeLabel = (code: string) => SITE_TYPES.find((t) => t.code === code)?.label ?? code;
  const certificates = Object.entries(b.domainCertificates ?? {}).filter(([, id]) => id);

  const basicRows: ReactNode[] = [
    row('basic.name', text(b.name)),
    row('basic.icpNumber', b.hasIcp === '是' && b.icpNumber ? b.icpNumber : <Empty text="无" />),
    row('basic.openDate', text(b.openDate)),
    row(
      'basic.domains',
      <ul className="space-y-1">
        {(b.domains ?? []).map((d, i) => (
          <li key={`${d.domain}-${i}`} className="flex flex-wrap items-center gap-2">
            <span>{domainText(d.domain)}</span>
            {d.primary && <Badge variant="outline">主域名</Badge>}
          </li>
        ))}
      </ul>,
    ),
  ];
  if (certificates.length)
    basicRows.push(
      row(
        'basic.domainCertificates',
        <ul className="space-y-2">
          {certificates.map(([reg, id]) => {
            const name = hostToUnicode(reg) ?? reg;
            return (
              <li key={reg} className="space-y-1">
                <span className="block">{name}</span>
                <FileLink id={id} label={`域名证书 ${name}`} kinds={kinds} />
              </li>
            );
          })}
        </ul>,
      ),
    );
  basicRows.push(
    row(
      'basic.ipRanges',
      <ul className="space-y-1">
        {(b.ipRanges ?? []).map((r, i) => (
          <li key={`${r.start}-${i}`}>{r.start === r.end || !r.end ? r.start : `${r.start} – ${r.end}`}</li>
        ))}
      </ul>,
    ),
    row(
      'basic.access',
      <SubList
        label="网络接入服务商"
        rows={[
          ['名称', b.accessName],
          ['所属地区', regionText(b.accessScope, b.accessRegion)],
          ['网站接入方式', b.accessMethod],
        ]}
      />,
    ),
    row(
      'basic.registrar',
      <SubList
        label="域名注册服务商"
        rows={[
          ['名称', b.registrarName],
          ['所属地区', regionText(b.registrarScope, b.registrarRegion)],
        ]}
      />,
    ),
    row('basic.interactive', text(b.interactive)),
  );
  if (b.interactive === '是') basicRows.push(row('basic.siteTypes', (b.siteTypes ?? []).map(siteTypeLabel).join('、') || <Empty />));
  basicRows.push(row('basic.controlled', text(b.controlled)));
  if (b.controlled === '是')
    basicRows.push(
      row(
        'basic.controlledItems',
        <ul className="space-y-2">
          {(b.controlledItems ?? []).map((c) => (
            <li key={c.item} className="space-y-1">
              <span className="block">{c.item}</span>
              <FileLink id={c.fileId} label={`${c.item}资质证明`} kinds={kinds} />
            </li>
          ))}
        </ul>,
      ),
    );
  basicRows.push(
    row(
      'basic.permits',
      b.permitsNeeded === '是' ? (
        <ul className="space-y-2">
          {(b.permits ?? []).map((p) => (
            <li key={p.item} className="space-y-1">
              <span className="block">
                {p.item}　许可证号：{p.licenseNumber || '—'}
              </span>
              <FileLink id={p.fileId} label={`${p.item}许可证件`} kinds={kinds} />
            </li>
          ))}
        </ul>
      ) : (
        text(b.permitsNeeded)
      ),
    ),
    row('basic.languages', (b.languages ?? []).join('、') || <Empty />),
  );

  const contacts: [WebsiteField, string, ContactView | undefined][] = [
    ['contacts.securityOwner', CONTACT_TITLES.securityOwner, data.contacts?.securityOwner],
    ['contacts.emergencyContact', CONTACT_TITLES.emergencyContact, data.contacts?.emergencyContact],
  ];

  return (
    <div className="space-y-6">
      <section aria-label="网站基本信息" className="space-y-3">
        <H className="border-l-4 border-primary pl-2 font-semibold">网站基本信息</H>
        <dl className="grid gap-y-3 text-sm">{basicRows}</dl>
      </section>
      <section aria-label="网站负责人" className="space-y-3">
        <H className="border-l-4 border-primary pl-2 font-semibold">网站负责人</H>
        <div className="grid gap-6 md:grid-cols-2">
          {contacts.map(([field, title, c]) => (
            <section key={field} aria-label={title} className="min-w-0 space-y-2 text-sm" data-field={field}>
              <H2 className="font-medium">{title}</H2>
              {c ? <SubList rows={contactRows(c, kinds)} /> : <Empty text="未填写" />}
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
