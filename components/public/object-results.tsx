import { MAX_PAGES, PAGE_SIZE } from '@/lib/public/search';
import type { ObjectSearchOutcome } from '@/lib/public/object-search';
import type { PublicObjectFiling } from '@/lib/public/object-filings';
import { kindSpec } from '@/lib/filings/kinds';
import { formatDateTime } from '@/lib/utils';
import { Pagination } from '@/components/ui/pagination';

/** 包名 per 运行平台 (安卓：cn.example.app) or the 小程序ID, one per line. */
export function identLines(f: PublicObjectFiling): string[] {
  return f.kind === 'APP' ? f.idents.map((i) => `${i.platform}：${i.ident}`) : f.idents.map((i) => i.ident);
}

export function publicIconUrl(digits: string): string {
  return `/api/public/filings/${digits}/icon`;
}

/**
 * The results of /query for 查询类型 APP or 小程序 (SPEC §15.5), in the website results' shape:
 * icon, name and status, then 公安备案号 (a link to /query/{digits}), 包名 / 小程序ID,
 * 运行平台 / 所属平台, 开办主体名称 (a person masked), 备案时间, 审核单位.
 */
export function ObjectResults({
  result,
  kindLabel,
  methodLabel,
  params,
}: {
  result: Extract<ObjectSearchOutcome, { ok: true }>;
  kindLabel: string;
  methodLabel: string;
  params: Record<string, string>;
}) {
  const spec = kindSpec(result.kind);
  if (result.total === 0) {
    return (
      <section aria-labelledby="no-result" className="rounded-lg border bg-card p-8 text-center">
        <h2 id="no-result" className="text-lg font-semibold">
          未查询到备案信息
        </h2>
        <p className="mt-2 text-sm text-muted-foreground">
          按{methodLabel}“{result.query}”未找到已备案{kindLabel}。请核对输入，或换用其他查询方式。
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="results" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results" className="font-semibold">
          查询结果
        </h2>
        <p className="text-sm text-muted-foreground" data-testid="query-total">
          按{methodLabel}“{result.query}”共找到 {result.total}{result.totalCapped ? ' 条以上' : ' 条'}备案信息
        </p>
      </div>
      <ol className="space-y-3 [&_dd]:min-w-0 [&_dd]:break-all [&_dl]:mt-3 [&_dl]:grid [&_dl]:grid-cols-[6.5rem_1fr] [&_dl]:gap-x-2 [&_dl]:gap-y-2 [&_dl]:text-sm sm:[&_dl]:grid-cols-[6.5rem_1fr_6.5rem_1fr] [&_dt]:text-muted-foreground [&>li]:rounded-lg [&>li]:border [&>li]:bg-card [&>li]:p-4 [&_.s]:rounded-md [&_.s]:px-2 [&_.s]:py-0.5 [&_.s]:text-xs [&_.s]:font-medium">
        {result.items.map((f) => (
          <li key={f.digits} data-testid="query-result">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex min-w-0 items-center gap-3">
                {/* A plain <img>: a small cached thumbnail from the public icon route, not for the image optimiser. */}
                {f.hasIcon && <img src={publicIconUrl(f.digits)} alt="" width={40} height={40} loading="lazy" className="size-10 shrink-0 rounded-md border object-cover" />}
                <h3 className="min-w-0 break-all font-medium">
                  <a href={`/query/${f.digits}`} className="text-primary hover:underline">
                    {f.name}
                  </a>
                </h3>
              </div>
              <span className={f.status === '已注销' ? 's bg-secondary text-secondary-foreground' : 's bg-success/15 text-success'}>{f.status}</span>
            </div>
            <dl>
              <dt>公安备案号</dt>
              <dd>
                <a href={`/query/${f.digits}`} className="hover:underline">
                  {f.filingNumber}
                </a>
              </dd>
              <dt>{spec.identLabel}</dt>
              <dd>
                {identLines(f).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </dd>
              <dt>{spec.platformLabel}</dt><dd>{f.platforms}</dd>
              <dt>开办主体名称</dt><dd>{f.subjectName}</dd>
              <dt>备案时间</dt><dd>{f.filedAt ? formatDateTime(f.filedAt) : '—'}</dd>
              <dt>审核单位</dt><dd>{f.unitName ?? '—'}</dd>
            </dl>
          </li>
        ))}
      </ol>
      {result.pageCount >= MAX_PAGES && (result.totalCapped || result.total > MAX_PAGES * PAGE_SIZE) && (
        <p className="text-sm text-muted-foreground">结果较多，仅显示前{MAX_PAGES}页，请输入更完整的名称缩小范围。</p>
      )}
      <Pagination path="/query" params={params} page={result.page} pageSize={PAGE_SIZE} total={result.total} maxPages={MAX_PAGES} prefetch={false} />
    </section>
  );
}
