import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { getPublicFiling, getPublicLegacyFiling } from '@/lib/public/filings';
import { getPublicObjectFiling, type PublicObjectFiling } from '@/lib/public/object-filings';
import { objectTypeOf } from '@/lib/objects';
import { websiteObject } from '@/lib/objects/website';
import { normalizeFilingNumber } from '@/lib/review/filing-number';
import { formatDateTime } from '@/lib/utils';
import { Badge } from '@/components/ui/badge';
import { identLines, publicIconUrl } from '@/components/public/object-results';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

export const metadata: Metadata = { title: '备案信息' };

/** /query/{14 digits} (SPEC §10.2): one filing, public; a typed number with prefix redirects to its digits. */
export default async function FilingDetailPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const raw = decodeURIComponent(code);
  const digits = normalizeFilingNumber(raw);
  if (!digits) notFound();
  if (digits !== raw) permanentRedirect(`/query/${digits}`);
  const f = getPublicFiling(digits);
  if (!f) {
    // An imported filing of the previous system, not claimed yet (SPEC §8.3).
    const old = getPublicLegacyFiling(digits);
    if (old)
      return (
        <FilingCard
          number={old.filingNumber}
          cancelled={false}
          rows={[
            ['网站名称', old.websiteName],
            ['网站域名', old.domain],
            ['开办主体名称', old.subjectName],
            ['公安备案号', <span key="n" data-testid="public-filing-number">{old.filingNumber}</span>],
            ['备案时间', old.filedOn],
            ['状态', <Badge key="s" variant="secondary">{old.status}</Badge>],
          ]}
        />
      );
    const o = getPublicObjectFiling(digits);
    if (!o) notFound();
    return <FilingCard number={o.filingNumber} cancelled={o.status === '已注销'} rows={objectRows(o)} />;
  }

  // The public fields of the 网站 object type, in its order.
  const value: Record<(typeof websiteObject.publicFields)[number]['key'], ReactNode> = {
    websiteName: f.websiteName,
    domains: f.domains.length ? f.domains.map((d) => <div key={d}>{d}</div>) : '—',
    subjectName: f.subjectName,
    subjectNature: f.subjectNature,
    filingNumber: <span key="n" data-testid="public-filing-number">{f.filingNumber}</span>,
    filedAt: f.filedAt ? formatDateTime(f.filedAt) : '—',
    unitName: f.unitName ?? '—',
    interactive: f.interactive ? '交互式' : '非交互式',
    status: <Badge key="s" variant={f.status === '已注销' ? 'secondary' : 'success'}>{f.status}</Badge>,
  };
  const rows = websiteObject.publicFields.map((p): [string, ReactNode] => [p.label, value[p.key]]);
  return <FilingCard number={f.filingNumber} cancelled={f.status === '已注销'} rows={rows} />;
}

/** The public fields of an APP or 小程序, in its registry order. */
function objectRows(o: PublicObjectFiling): [string, ReactNode][] {
  const value: Record<string, ReactNode> = {
    // A plain <img>: a small cached thumbnail from the public icon route; a cancelled filing keeps none.
    icon: o.hasIcon ? <img key="i" src={publicIconUrl(o.digits)} alt={`${o.name}的图标`} width={64} height={64} className="size-16 rounded-md border object-cover" /> : '—',
    name: o.name,
    idents: identLines(o).map((line) => <div key={line}>{line}</div>),
    platforms: o.platforms,
    subjectName: o.subjectName,
    filingNumber: <span key="n" data-testid="public-filing-number">{o.filingNumber}</span>,
    filedAt: o.filedAt ? formatDateTime(o.filedAt) : '—',
    unitName: o.unitName ?? '—',
    status: <Badge key="s" variant={o.status === '已注销' ? 'secondary' : 'success'}>{o.status}</Badge>,
  };
  return objectTypeOf(o.kind)
    .publicFields.filter((p) => p.key in value)
    .map((p): [string, ReactNode] => [p.label, value[p.key]]);
}

function FilingCard({ number, cancelled, rows }: { number: string; cancelled: boolean; rows: [string, ReactNode][] }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">备案信息</h1>
        <Link href="/" className="text-sm text-primary hover:underline">
          返回首页
        </Link>
      </div>
      {cancelled && <p className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">该联网备案号已注销。</p>}
      <Card>
        <CardHeader>
          <CardTitle className="break-all">{number}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-y-3 text-sm">
            {rows.map(([k, v]) => (
              <div key={k} className="grid grid-cols-[7rem_1fr] gap-3 sm:grid-cols-[9rem_1fr]">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0 break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
