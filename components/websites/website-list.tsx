import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import { formatDateTime } from '@/lib/utils';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { StatusBadge } from '@/components/applications/status-badge';

export type WebsiteListRow = {
  id: number;
  name: string;
  status: string;
  filingNumber: string | null;
  filedAt: number | null;
  icpNumber: string | null;
  domain: string | null;
};

const dash = <span className="text-muted-foreground">—</span>;

/** 我的网站: 序号, 网站名称, 域名, 备案时间, 工信部备案号, 公安备案号, 网站状态, 操作 (详情, plus the page's `actions`). */
export function WebsiteList({ rows, actions }: { rows: WebsiteListRow[]; actions?: (row: WebsiteListRow) => ReactNode }) {
  return (
    // The table primitive scrolls sideways inside its own overflow-x-auto container.
    <div className="min-w-0 rounded-lg border bg-card">
      <Table aria-label="网站列表">
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">序号</TableHead>
            <TableHead>网站名称</TableHead>
            <TableHead>域名</TableHead>
            <TableHead>备案时间</TableHead>
            <TableHead>工信部备案号</TableHead>
            <TableHead>公安备案号</TableHead>
            <TableHead>网站状态</TableHead>
            <TableHead>操作</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((w, i) => (
            <TableRow key={w.id} data-testid="website-row">
              <TableCell>{i + 1}</TableCell>
              <TableCell className="max-w-60 truncate" title={w.name}>
                {w.name}
              </TableCell>
              <TableCell>{w.domain ?? dash}</TableCell>
              <TableCell>{w.filedAt ? formatDateTime(w.filedAt) : dash}</TableCell>
              <TableCell>{w.icpNumber || dash}</TableCell>
              <TableCell>{w.filingNumber ?? dash}</TableCell>
              <TableCell>
                <StatusBadge status={w.status} />
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-x-3 gap-y-1">
                  <Link href={`/my/websites/${w.id}`} className="text-primary hover:underline">
                    详情
                  </Link>
                  {actions?.(w)}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
