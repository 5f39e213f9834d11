import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { OPEN_STATUSES } from '@/lib/review/due';
import { ALL_UNITS_LABEL, DECISION_DAYS, MEDIAN_WINDOW_DAYS, dashboardStats, formatDuration, overdueUnfiled, resolveStatsScope, type StatsScope } from '@/lib/review/stats';
import { unitOptions } from '@/lib/units/service';
import { BUSINESS_TYPES } from '@/lib/applications/service';
import { formatDateTime } from '@/lib/utils';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { DecisionsChart } from './decisions-chart';
import { StatCard } from './stat-card';
import { OverdueClaims } from './overdue-claims';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

export const metadata: Metadata = { title: '审核统计' };

type SP = { unit?: string | string[] };

export default async function ReviewDashboardPage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePage('review.area');
  const sp = await searchParams;
  const isAdmin = user.role === 'admin';
  const requested = isAdmin && typeof sp.unit === 'string' ? sp.unit : undefined;

  let scope: StatsScope | null = null;
  let notice: string | null = null;
  try {
    scope = resolveStatsScope(user, requested);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (isAdmin && e.code === 'not_found') {
      notice = '所选审核单位不存在，已显示全部单位的统计。';
      scope = { unitId: null, unitName: ALL_UNITS_LABEL };
    } else notice = e.message;
  }

  const now = Date.now();
  const stats = scope ? dashboardStats(scope, now) : null;
  const unfiled = scope ? overdueUnfiled(scope, now) : null;
  const units = isAdmin ? unitOptions() : [];
  const exportHref = scope?.unitId != null && isAdmin ? `/review/dashboard/export?unit=${scope.unitId}` : '/review/dashboard/export';

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">审核统计</h1>
          <p className="text-sm text-muted-foreground">
            审核单位：{scope?.unitName ?? '未分配'}
            <span className="mx-2" aria-hidden>
              ·
            </span>
            统计时间：{formatDateTime(now)}（北京时间）
          </p>
        </div>
        <Link href="/review" className="text-sm text-primary hover:underline">
          返回审核工作台
        </Link>
      </div>

      {notice && <Alert variant={scope ? 'info' : 'destructive'}>{notice}</Alert>}

      {isAdmin && (
        <form method="get" action="/review/dashboard" role="search" aria-label="选择审核单位" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
          <Field id="dashboard-unit" label="审核单位" className="w-full sm:w-72">
            <NativeSelect id="dashboard-unit" name="unit" defaultValue={scope?.unitId != null ? String(scope.unitId) : ''}>
              <NativeSelectOption value="">{ALL_UNITS_LABEL}</NativeSelectOption>
              {units.map((u) => (
                <NativeSelectOption key={u.id} value={u.id}>
                  {u.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </Field>
          <Button type="submit">查询</Button>
        </form>
      )}

      {scope && stats && (
        <>
          <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            <StatCard label="待办申请" value={stats.open.total} hint="待审核、审核中、待面审" />
            <StatCard label="已逾期" value={stats.open.overdue} hint="超过办理时限的待办申请" tone={stats.open.overdue > 0 ? 'danger' : undefined} />
            <StatCard
              label={`近${DECISION_DAYS}日办结`}
              value={stats.decisions.reduce((s, d) => s + d.approved + d.returned, 0)}
              hint={`通过 ${stats.decisions.reduce((s, d) => s + d.approved, 0)} 件，退回 ${stats.decisions.reduce((s, d) => s + d.returned, 0)} 件`}
            />
            <StatCard
              label="办结用时中位数"
              value={stats.medianDecisionMs === null ? '—' : formatDuration(stats.medianDecisionMs)}
              hint={`近${MEDIAN_WINDOW_DAYS}日办结 ${stats.decidedInWindow} 件，自提交至审核决定`}
            />
            <StatCard label="已备案网站" value={stats.filedWebsites} hint={`含变更中、注销中；另有已注销 ${stats.cancelledWebsites} 个`} />
          </dl>

          <section aria-labelledby="open-by-type" className="space-y-3 rounded-lg border bg-card p-4">
            <h2 id="open-by-type" className="font-semibold">
              待办申请分布
            </h2>
            <Table aria-label="按业务类型和审核状态统计的待办申请" keyboardScroll>
              <TableHeader>
                <TableRow>
                  <TableHead>业务类型</TableHead>
                  {OPEN_STATUSES.map((s) => (
                    <TableHead key={s} className="text-right">
                      {s}
                    </TableHead>
                  ))}
                  <TableHead className="text-right">合计</TableHead>
                  <TableHead className="text-right">已逾期</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {BUSINESS_TYPES.map((t) => {
                  const row = stats.open.byType[t];
                  return (
                    <TableRow key={t} data-testid="open-by-type-row">
                      <TableCell>{t}</TableCell>
                      {OPEN_STATUSES.map((s) => (
                        <TableCell key={s} className="text-right tabular-nums">
                          {row[s]}
                        </TableCell>
                      ))}
                      <TableCell className="text-right font-medium tabular-nums">{row.total}</TableCell>
                      <TableCell className={row.overdue > 0 ? 'text-right font-medium text-destructive tabular-nums' : 'text-right tabular-nums'}>{row.overdue}</TableCell>
                    </TableRow>
                  );
                })}
                <TableRow className="font-medium">
                  <TableCell>合计</TableCell>
                  {OPEN_STATUSES.map((s) => (
                    <TableCell key={s} className="text-right tabular-nums">
                      {stats.open.byStatus[s]}
                    </TableCell>
                  ))}
                  <TableCell className="text-right tabular-nums">{stats.open.total}</TableCell>
                  <TableCell className={stats.open.overdue > 0 ? 'text-right text-destructive tabular-nums' : 'text-right tabular-nums'}>{stats.open.overdue}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
            <p className="text-xs text-muted-foreground">审核中的申请超过领取时限未处理的，计入待审核。办理时限按工作日计算。</p>
          </section>

          <section aria-labelledby="decisions-per-day" className="space-y-3 rounded-lg border bg-card p-4">
            <h2 id="decisions-per-day" className="font-semibold">
              近{DECISION_DAYS}日审核量
            </h2>
            <DecisionsChart days={stats.decisions} />
          </section>

          <OverdueClaims now={now} />
          {unfiled && (
            <section aria-labelledby="overdue-unfiled" className="space-y-3 rounded-lg border bg-card p-4">
              <h2 id="overdue-unfiled" className="font-semibold">
                已逾期未备案网站：<span className={unfiled.total > 0 ? 'text-destructive' : undefined}>{unfiled.total}</span> 个
              </h2>
              {unfiled.rows.length === 0 ? (
                <p className="text-sm text-muted-foreground">暂无已逾期的未备案网站</p>
              ) : (
                <Table aria-label="已逾期未备案网站" keyboardScroll>
                  <TableHeader>
                    <TableRow>
                      <TableHead>网站名称</TableHead>
                      <TableHead>域名</TableHead>
                      <TableHead>开办主体</TableHead>
                      <TableHead>办理期限</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {unfiled.rows.map((r) => (
                      <TableRow key={r.id} data-testid="overdue-unfiled-row">
                        <TableCell>{r.name}</TableCell>
                        <TableCell className="break-all">{r.domain}</TableCell>
                        <TableCell>{r.subjectName}</TableCell>
                        <TableCell>{formatDateTime(r.deadline)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </section>
          )}

          <section aria-labelledby="export-filings" className="space-y-2 rounded-lg border bg-card p-4">
            <h2 id="export-filings" className="font-semibold">
              备案网站导出
            </h2>
            <p className="text-sm text-muted-foreground">
              导出{scope.unitName}的备案网站（已备案、变更中、注销中及已注销），共 {stats.filedWebsites + stats.cancelledWebsites} 条，CSV 格式，可用 Excel 打开。
            </p>
            <Button variant="outline" asChild>
              <a href={exportHref} download>
                导出备案网站CSV
              </a>
            </Button>
          </section>
        </>
      )}
    </div>
  );
}
