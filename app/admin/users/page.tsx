import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import type { Role } from '@/db/schema';
import { requirePage } from '@/lib/auth/session';
import { listUsers, USER_STATUSES, type UserStatus } from '@/lib/users/service';
import { unitOptions } from '@/lib/units/service';
import { ROLE_LABELS } from '@/lib/site/config';

const ROLES = Object.keys(ROLE_LABELS) as Role[];
import { formatDateTime } from '@/lib/utils';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Badge } from '@/components/ui/badge';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { NewUserDialog } from './new-user-dialog';
import { UserStatusButton } from './status-button';
import { UserUnitDialog } from './user-unit-dialog';
import { ProviderLinkDialog } from './provider-link-dialog';
import { directoryProviderOptions, filedProviderOptions, providersOfAccounts } from '@/lib/service-providers/accounts';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

export const metadata: Metadata = { title: '账号管理' };

type SP = { role?: string; unit?: string; status?: string; q?: string; page?: string };

const STATUS_LABELS: Record<UserStatus, string> = { active: '正常', disabled: '已停用' };

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SP> }) {
  const me = await requirePage('admin.area');
  const sp = await searchParams;
  const units = unitOptions();
  const role = oneOf<Role>(ROLES, sp.role);
  const status = oneOf<UserStatus>(USER_STATUSES, sp.status);
  const unitId = units.find((u) => String(u.id) === sp.unit)?.id;
  const q = typeof sp.q === 'string' ? sp.q.trim().slice(0, 50) || undefined : undefined;
  const { rows, total, page, pageSize } = listUsers({ role, unitId, status, keyword: q, page: pageParam(sp.page) });
  // A provider account shows the filed 服务商 it acts for in the 单位 column (SPEC §15.4).
  const providerNames = providersOfAccounts(rows.filter((u) => u.role === 'provider').map((u) => u.id));
  const anyProvider = rows.some((u) => u.role === 'provider');
  const providerChoices = anyProvider ? filedProviderOptions() : [];
  const directoryChoices = anyProvider ? directoryProviderOptions() : [];
  const unitChoices = units.map((u) => ({ id: u.id, name: u.name }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">账号管理</h1>
        <NewUserDialog units={unitChoices} />
      </div>
      <p className="text-sm text-muted-foreground">开办者账号由本人注册；网安民警、管理员和接入服务商账号由管理员新建。停用的账号立即退出登录且不能再登录，其业务记录保留。</p>
      <form method="get" action="/admin/users" role="search" aria-label="查询账号" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Field id="filter-role" label="角色" className="w-full sm:w-36">
          <NativeSelect id="filter-role" name="role" defaultValue={role ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {ROLES.map((r) => (
              <NativeSelectOption key={r} value={r}>
                {ROLE_LABELS[r]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-unit" label="审核单位" className="w-full sm:w-56">
          <NativeSelect id="filter-unit" name="unit" defaultValue={unitId ? String(unitId) : ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {units.map((u) => (
              <NativeSelectOption key={u.id} value={u.id}>
                {u.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-status" label="状态" className="w-full sm:w-32">
          <NativeSelect id="filter-status" name="status" defaultValue={status ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {USER_STATUSES.map((s) => (
              <NativeSelectOption key={s} value={s}>
                {STATUS_LABELS[s]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="filter-q" label="姓名或手机号码" className="w-full sm:w-56">
          <Input id="filter-q" name="q" defaultValue={q ?? ''} maxLength={50} aria-describedby="filter-q-note" />
        </Field>
        <Button type="submit">查询</Button>
        {(role || unitId || status || q) && (
          <Button variant="outline" asChild>
            <Link href="/admin/users">清空</Link>
          </Button>
        )}
        <p id="filter-q-note" className="w-full text-xs text-muted-foreground">
          姓名可输入部分文字；手机号码加密存储，须输入完整的11位号码。
        </p>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">没有符合条件的账号</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="账号列表">
            <TableHeader>
              <TableRow>
                <TableHead>姓名</TableHead>
                <TableHead>角色</TableHead>
                <TableHead>审核单位</TableHead>
                <TableHead>手机号码</TableHead>
                <TableHead>手机验证</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>创建时间</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((u) => (
                <TableRow key={u.id} data-testid="user-row">
                  <TableCell>
                    {u.name}
                    {u.id === me.id && <span className="ml-1 text-xs text-muted-foreground">（当前账号）</span>}
                  </TableCell>
                  <TableCell>{ROLE_LABELS[u.role]}</TableCell>
                  <TableCell>{u.unitName ?? providerNames.get(u.id) ?? <span className="text-muted-foreground">—</span>}</TableCell>
                  <TableCell className="font-mono">{u.phoneMasked}</TableCell>
                  <TableCell>{u.phoneVerifiedAt ? <Badge variant="success">已验证</Badge> : <Badge variant="outline">未验证</Badge>}</TableCell>
                  <TableCell>{u.status === 'active' ? <Badge variant="success">正常</Badge> : <Badge variant="destructive">已停用</Badge>}</TableCell>
                  <TableCell>{formatDateTime(u.createdAt)}</TableCell>
                  <TableCell>
                    <div className="flex items-center gap-4">
                      {u.id !== me.id && <UserStatusButton id={u.id} name={u.name} status={u.status} />}
                      {u.role === 'reviewer' && <UserUnitDialog user={{ id: u.id, name: u.name, unitId: u.unitId }} units={unitChoices} />}
                      {u.role === 'provider' && <ProviderLinkDialog user={{ id: u.id, name: u.name }} providers={providerChoices} directory={directoryChoices} linked={providerNames.get(u.id) ?? null} />}
                      {u.id === me.id && u.role !== 'reviewer' && <span className="text-muted-foreground">—</span>}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/admin/users" params={{ role, unit: unitId ? String(unitId) : undefined, status, q }} page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
