import { Link } from '@/components/ui/link';
import type { FilingKind } from '@/db/schema';
import { requirePage } from '@/lib/auth/session';
import { currentSubjectView } from '@/lib/subjects/service';
import { listMyFilings } from '@/lib/filings/service';
import { kindObject, kindSpec } from '@/lib/filings/kinds';
import { formatDateTime } from '@/lib/utils';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { StatusBadge } from '@/components/applications/status-badge';

const dash = <span className="text-muted-foreground">—</span>;

/** 我的APP / 我的小程序 (SPEC §15.5): the current subject's objects of the kind with status and 详情. */
export async function FilingListPage({ kind }: { kind: FilingKind }) {
  const user = await requirePage('applicant.area');
  const subject = currentSubjectView(user.id);
  const rows = subject ? listMyFilings(user.id, subject.id, kind) : [];
  const spec = kindSpec(kind);
  const base = kindObject(kind).routeBase;

  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">我的{spec.label}</h1>
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href={`${base}/new`}>{spec.types.new}</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={`${base}/cancel`}>{spec.types.cancel}</Link>
          </Button>
        </div>
      </div>
      {subject && (
        <p className="text-sm break-all text-muted-foreground">
          当前主体：<span className="text-foreground">{subject.name}</span>
        </p>
      )}
      {rows.length === 0 ? (
        <div className="space-y-3 rounded-lg border bg-card p-8 text-center">
          <p className="text-muted-foreground">暂无{spec.label}</p>
          <Link href={`${base}/new`} className="text-sm font-medium text-primary hover:underline">
            {spec.types.new}
          </Link>
        </div>
      ) : (
        <div className="min-w-0 rounded-lg border bg-card">
          <Table aria-label={`${spec.label}列表`}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-16">序号</TableHead>
                <TableHead>{spec.label}名称</TableHead>
                <TableHead>{spec.platformLabel}</TableHead>
                <TableHead>{spec.identLabel}</TableHead>
                <TableHead>备案时间</TableHead>
                <TableHead>公安备案号</TableHead>
                <TableHead>{spec.label}状态</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((f, i) => (
                <TableRow key={f.id} data-testid="filing-row">
                  <TableCell>{i + 1}</TableCell>
                  <TableCell className="max-w-60 truncate" title={f.name}>
                    {f.name}
                  </TableCell>
                  <TableCell>{f.platforms || dash}</TableCell>
                  <TableCell className="max-w-60 break-all">{f.idents || dash}</TableCell>
                  <TableCell>{f.filedAt ? formatDateTime(f.filedAt) : dash}</TableCell>
                  <TableCell>{f.filingNumber ?? dash}</TableCell>
                  <TableCell>
                    <StatusBadge status={f.status} />
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-x-3 gap-y-1">
                      <Link href={`${base}/${f.id}`} className="text-primary hover:underline">
                        详情
                      </Link>
                      {f.status === '已备案' && (
                        <Link href={`${base}/${f.id}/change`} className="text-primary hover:underline">
                          变更
                        </Link>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
