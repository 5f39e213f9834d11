import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { listUnits } from '@/lib/units/service';
import { regionFullName } from '@/lib/regions/regions';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { UnitFormDialog } from './unit-form-dialog';
import { DeleteUnitButton } from './delete-unit-button';

export const metadata: Metadata = { title: '审核单位' };

export default async function AdminUnitsPage() {
  await requirePage('admin.area');
  const units = listUnits();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">审核单位</h1>
        <UnitFormDialog />
      </div>
      <p className="text-sm text-muted-foreground">
        申请按开办主体管辖地分配审核单位：先匹配管辖该区县的单位，其次地市、省份，均无则由默认单位审核。每个区划只能由一个单位管辖。民警账号在
        <Link href="/admin/users?role=reviewer" className="mx-1 text-primary underline underline-offset-4">
          账号管理
        </Link>
        中创建并指定所属单位。
      </p>
      {units.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">暂无审核单位</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="审核单位列表">
            <TableHeader>
              <TableRow>
                <TableHead>单位名称</TableHead>
                <TableHead>区划代码</TableHead>
                <TableHead>管辖区划</TableHead>
                <TableHead>民警数量</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {units.map((u) => (
                <TableRow key={u.id} data-testid="unit-row">
                  <TableCell>
                    <div className="flex flex-wrap items-center gap-2">
                      <span>{u.name}</span>
                      {u.isDefault && <Badge variant="secondary">默认单位</Badge>}
                    </div>
                  </TableCell>
                  <TableCell>
                    <span className="font-mono">{u.code}</span>
                    <span className="ml-2 text-muted-foreground">{regionFullName(u.code)}</span>
                  </TableCell>
                  <TableCell className="whitespace-normal">
                    {u.covers.length === 0 ? (
                      <span className="text-muted-foreground">—</span>
                    ) : (
                      <ul className="min-w-48 space-y-0.5">
                        {u.covers.map((c) => (
                          <li key={c}>
                            <span className="font-mono">{c}</span> <span className="text-muted-foreground">{regionFullName(c)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell>
                    {u.reviewers > 0 ? (
                      <Link href={`/admin/users?role=reviewer&unit=${u.id}`} className="text-primary hover:underline">
                        {u.reviewers}
                        <span className="sr-only">个民警账号（{u.name}）</span>
                      </Link>
                    ) : (
                      0
                    )}
                  </TableCell>
                  <TableCell>
                    <div className="flex items-center gap-4">
                      <UnitFormDialog unit={{ id: u.id, name: u.name, code: u.code, covers: u.covers, isDefault: u.isDefault }} />
                      {!u.isDefault && <DeleteUnitButton id={u.id} name={u.name} />}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <p className="text-right text-sm text-muted-foreground">共 {units.length} 个审核单位</p>
    </div>
  );
}
