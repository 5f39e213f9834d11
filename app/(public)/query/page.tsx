import type { Metadata } from 'next';
import { searchFilings, MAX_PAGES, PAGE_SIZE } from '@/lib/public/search';
import { searchObjectFilings } from '@/lib/public/object-search';
import { WEBSITE_METHODS, parseQueryKind, parseQueryMethod, type ObjectSearchType } from '@/lib/public/query-kinds';
import { formatDateTime } from '@/lib/utils';
import { QueryForm } from '@/components/public/query-form';
import { ObjectResults } from '@/components/public/object-results';
import { Pagination } from '@/components/ui/pagination';
import { stripHidden } from '@/lib/validation/text';

export const metadata: Metadata = { title: '公共查询' };

type Search = { kind?: string; type?: string; q?: string; page?: string };

/**
 * /query (SPEC §10.2, §15.5): public search, 10 a page. 查询类型 网站 (the default: no `kind=`) by
 * 网站名称, 网站域名 or 联网备案号; `kind=app` by APP名称, 包名 or 联网备案号; `kind=mini-program`
 * by 小程序名称, 小程序ID or 联网备案号.
 */
export default async function QueryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const kind = parseQueryKind(sp.kind);
  const method = parseQueryMethod(kind, sp.type);
  // Shown back in the search box as it is searched: without a NUL or other hidden character.
  const q = typeof sp.q === 'string' ? stripHidden(sp.q) : '';
  const page = Number(sp.page) || 1;
  const header = (
    <div>
      <h1 className="text-xl font-semibold">公共查询</h1>
      <p className="mt-1 text-sm text-muted-foreground">无需登录，可按{kind.hint}查询已备案{kind.label}。</p>
    </div>
  );

  if (kind.kind) {
    const found = q.trim() ? searchObjectFilings(kind.kind, method.search as ObjectSearchType, q, page) : null;
    return (
      <div className="mx-auto max-w-4xl space-y-6">
        {header}
        <div className="rounded-lg border bg-card p-4 sm:p-5">
          <QueryForm kind={kind.value} type={method.value} q={q} />
          {found && !found.ok && (
            <p role="alert" className="mt-2 text-sm text-destructive">
              {found.message}
            </p>
          )}
        </div>
        {found?.ok && <ObjectResults result={found} kindLabel={kind.label} methodLabel={method.label} params={{ kind: kind.value, type: method.value, q }} />}
      </div>
    );
  }

  const type = WEBSITE_METHODS.find((m) => m.value === method.value)!.value;
  const typeLabel = method.label;
  const result = q.trim() ? searchFilings(type, q, page) : null;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      {header}
      <div className="rounded-lg border bg-card p-4 sm:p-5">
        <QueryForm type={type} q={q} />
        {result && !result.ok && (
          <p role="alert" className="mt-2 text-sm text-destructive">
            {result.message}
          </p>
        )}
      </div>

      {result?.ok && result.total === 0 && result.legacy.length === 0 && (
        <section aria-labelledby="no-result" className="rounded-lg border bg-card p-8 text-center">
          <h2 id="no-result" className="text-lg font-semibold">
            未查询到备案信息
          </h2>
          <p className="mt-2 text-sm text-muted-foreground">
            按{typeLabel}“{result.query}”未找到已备案网站。请核对输入，或换用其他查询方式。
          </p>
        </section>
      )}

      {result?.ok && result.total > 0 && (
        <section aria-labelledby="results" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results" className="font-semibold">
              查询结果
            </h2>
            <p className="text-sm text-muted-foreground" data-testid="query-total">
              按{typeLabel}“{result.query}”共找到 {result.total}{result.totalCapped ? ' 条以上' : ' 条'}备案信息
            </p>
          </div>
          {/* Result markup is kept lean (styles on the list, plain links): this page is the one under load. */}
          <ol className="space-y-3 [&_dd]:min-w-0 [&_dd]:break-all [&_dl]:mt-3 [&_dl]:grid [&_dl]:grid-cols-[6.5rem_1fr] [&_dl]:gap-x-2 [&_dl]:gap-y-2 [&_dl]:text-sm sm:[&_dl]:grid-cols-[6.5rem_1fr_6.5rem_1fr] [&_dt]:text-muted-foreground [&>li]:rounded-lg [&>li]:border [&>li]:bg-card [&>li]:p-4 [&_.s]:rounded-md [&_.s]:px-2 [&_.s]:py-0.5 [&_.s]:text-xs [&_.s]:font-medium">
            {result.items.map((f) => (
              <li key={f.digits} data-testid="query-result">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="min-w-0 break-all font-medium">
                    <a href={`/query/${f.digits}`} className="text-primary hover:underline">
                      {f.websiteName}
                    </a>
                  </h3>
                  <span className={f.status === '已注销' ? 's bg-secondary text-secondary-foreground' : 's bg-success/15 text-success'}>{f.status}</span>
                </div>
                <dl>
                  <dt>公安备案号</dt><dd>{f.filingNumber}</dd>
                  <dt>网站域名</dt><dd>{f.domains.join('、') || '—'}</dd>
                  <dt>开办主体名称</dt><dd>{f.subjectName}</dd>
                  <dt>开办主体性质</dt><dd>{f.subjectNature}</dd>
                  <dt>备案时间</dt><dd>{f.filedAt ? formatDateTime(f.filedAt) : '—'}</dd>
                  <dt>审核单位</dt><dd>{f.unitName ?? '—'}</dd>
                  <dt>网站类型</dt><dd>{f.interactive ? '交互式' : '非交互式'}</dd>
                </dl>
              </li>
            ))}
          </ol>
          {result.pageCount >= MAX_PAGES && (result.totalCapped || result.total > MAX_PAGES * PAGE_SIZE) && (
            <p className="text-sm text-muted-foreground">结果较多，仅显示前{MAX_PAGES}页，请输入更完整的名称缩小范围。</p>
          )}
          <Pagination path="/query" params={{ type, q }} page={result.page} pageSize={PAGE_SIZE} total={result.total} maxPages={MAX_PAGES} prefetch={false} />
        </section>
      )}

      {result?.ok && result.legacy.length > 0 && (
        <section aria-labelledby="legacy-results" className="space-y-3">
          <h2 id="legacy-results" className="font-semibold">
            待认领的原备案
          </h2>
          <ol className="space-y-3 [&_dd]:min-w-0 [&_dd]:break-all [&_dl]:mt-3 [&_dl]:grid [&_dl]:grid-cols-[6.5rem_1fr] [&_dl]:gap-x-2 [&_dl]:gap-y-2 [&_dl]:text-sm sm:[&_dl]:grid-cols-[6.5rem_1fr_6.5rem_1fr] [&_dt]:text-muted-foreground [&>li]:rounded-lg [&>li]:border [&>li]:bg-card [&>li]:p-4">
            {result.legacy.map((f) => (
              <li key={f.digits} data-testid="query-legacy-result">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="min-w-0 break-all font-medium">
                    <a href={`/query/${f.digits}`} className="text-primary hover:underline">
                      {f.websiteName}
                    </a>
                  </h3>
                  <span className="rounded-md bg-secondary px-2 py-0.5 text-xs font-medium text-secondary-foreground">{f.status}</span>
                </div>
                <dl>
                  <dt>公安备案号</dt><dd>{f.filingNumber}</dd>
                  <dt>网站域名</dt><dd>{f.domain}</dd>
                  <dt>开办主体名称</dt><dd>{f.subjectName}</dd>
                  <dt>备案时间</dt><dd>{f.filedOn}</dd>
                </dl>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
