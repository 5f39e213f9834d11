import type { ReactNode } from 'react';
import { ASSESSMENT_FIELD_LABELS } from '@/lib/assessments/texts';
import { StatusBadge } from '@/components/applications/status-badge';

export type AssessmentDetailsData = {
  website: { name: string; domains: string[]; interactive: boolean; status?: string; filingNumber?: string | null } | null;
  /** An APP / 小程序 as 评估对象 (then `website` is null): 标识 and 平台 with their labels. */
  filing?: {
    kind: string;
    name: string;
    identLabel: string;
    ident: string;
    platformLabel: string;
    platform: string;
    interactive: boolean;
    status?: string;
    filingNumber?: string | null;
  } | null;
  report: { situation: string; methods: readonly string[]; methodOther: string };
  files: {
    sealedReport: { id: number; name: string } | null;
    thirdPartyReport: { id: number; name: string } | null;
  };
};

const L = ASSESSMENT_FIELD_LABELS;
const dash = <span className="text-muted-foreground">—</span>;

function FileLink({ file, label }: { file: { id: number; name: string } | null; label: string }) {
  if (!file) return <span className="text-muted-foreground">未上传</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="break-all">{file.name}</span>
      <a href={`/api/files/${file.id}`} target="_blank" rel="noopener noreferrer" className="text-primary underline underline-offset-4">
        查看PDF<span className="sr-only">：{label}</span>
      </a>
    </span>
  );
}

/**
 * A 安全评估 as submitted, read-only: 评估对象, 开展评估情况 (line breaks kept), 评估方法 and the two
 * PDFs. `comments` are reviewer comments keyed by field label (ASSESSMENT_FIELD_LABELS); with
 * `inlineFiles` the PDFs are shown elsewhere on the page and only named here.
 */
export function AssessmentDetails({ data, comments = {}, inlineFiles = false }: { data: AssessmentDetailsData; comments?: Record<string, string>; inlineFiles?: boolean }) {
  const { website, filing, report, files } = data;
  const methods = report.methods.map((m) => (m === '其他' && report.methodOther ? `其他（${report.methodOther}）` : m));
  const fileValue = (file: { id: number; name: string } | null, label: string) =>
    inlineFiles ? file ? <span className="break-all">{file.name}（见下方附件材料）</span> : <span className="text-muted-foreground">未上传</span> : <FileLink file={file} label={label} />;

  const rows: [label: string, value: ReactNode][] = [
    [
      L.target,
      filing ? (
        <div className="space-y-1" data-testid="assessment-target">
          <p>
            <span className="text-muted-foreground">类型：</span>
            {filing.kind}
          </p>
          <p className="break-all">
            <span className="text-muted-foreground">{filing.kind}名称：</span>
            {filing.name}
          </p>
          <p className="break-all">
            <span className="text-muted-foreground">{filing.identLabel}：</span>
            {filing.ident || '—'}
          </p>
          <p className="break-all">
            <span className="text-muted-foreground">{filing.platformLabel}：</span>
            {filing.platform || '—'}
          </p>
          <p>
            <span className="text-muted-foreground">是否提供互联网交互服务：</span>
            {filing.interactive ? '是' : '否'}
          </p>
          {filing.status && (
            <p className="flex flex-wrap items-center gap-1">
              <span className="text-muted-foreground">{filing.kind}状态：</span>
              <StatusBadge status={filing.status} />
            </p>
          )}
          {filing.filingNumber && (
            <p>
              <span className="text-muted-foreground">公安备案号：</span>
              {filing.filingNumber}
            </p>
          )}
        </div>
      ) : website ? (
        <div className="space-y-1" data-testid="assessment-target">
          <p>
            <span className="text-muted-foreground">类型：</span>网站
          </p>
          <p className="break-all">
            <span className="text-muted-foreground">网站名称：</span>
            {website.name}
          </p>
          <p className="break-all">
            <span className="text-muted-foreground">网站域名：</span>
            {website.domains.length ? website.domains.join('、') : '—'}
          </p>
          <p>
            <span className="text-muted-foreground">是否提供互联网交互服务：</span>
            {website.interactive ? '是' : '否'}
          </p>
          {website.status && (
            <p className="flex flex-wrap items-center gap-1">
              <span className="text-muted-foreground">网站状态：</span>
              <StatusBadge status={website.status} />
            </p>
          )}
          {website.filingNumber && (
            <p>
              <span className="text-muted-foreground">公安备案号：</span>
              {website.filingNumber}
            </p>
          )}
        </div>
      ) : (
        dash
      ),
    ],
    [
      L.situation,
      report.situation ? (
        <p className="break-all whitespace-pre-wrap" data-testid="assessment-situation">
          {report.situation}
        </p>
      ) : (
        dash
      ),
    ],
    [L.methods, methods.length ? <span data-testid="assessment-methods">{methods.join('、')}</span> : dash],
    [L.sealedReport, fileValue(files.sealedReport, L.sealedReport)],
    [L.thirdPartyReport, fileValue(files.thirdPartyReport, L.thirdPartyReport)],
  ];

  return (
    <section aria-label="安全评估信息" className="space-y-3">
      <h2 className="border-l-4 border-primary pl-2 font-semibold">安全评估信息</h2>
      <dl className="grid gap-y-4 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[8rem_1fr] gap-3 sm:grid-cols-[11rem_1fr]" data-field={label}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 space-y-1">
              {value}
              {comments[label] && <p className="text-destructive">审核意见：{comments[label]}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
