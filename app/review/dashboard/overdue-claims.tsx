import { overdueClaims } from '@/lib/claims/service';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

/** 逾期未认领 (SPEC §8.3): imported filings not claimed within WLBA_CLAIM_DEADLINE_DAYS of the import. */
export function OverdueClaims({ now }: { now: number }) {
  const { count, rows, days } = overdueClaims(now);
  return (
    <section aria-labelledby="overdue-claims" className="space-y-3 rounded-lg border bg-card p-4">
      <h2 id="overdue-claims" className="font-semibold">
        逾期未认领
      </h2>
      <p className="text-sm text-muted-foreground" data-testid="overdue-claims-count">
        导入后超过{days}日仍未认领的原备案共 {count} 条{count > rows.length ? `，以下为最早导入的 ${rows.length} 条` : ''}。
      </p>
      {rows.length > 0 && (
        <Table keyboardScroll>
          <TableHeader>
            <TableRow>
              <TableHead>旧备案号</TableHead>
              <TableHead>网站名称</TableHead>
              <TableHead>域名</TableHead>
              <TableHead>开办主体名称</TableHead>
              <TableHead>备案时间</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap">{r.oldNumber}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell className="break-all">{r.domain}</TableCell>
                <TableCell>{r.subjectName}</TableCell>
                <TableCell className="whitespace-nowrap">{r.filedOn}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
