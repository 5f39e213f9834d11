import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPES, beijingDayStart, listAudit } from '@/lib/audit/service';
import { ROLE_LABELS } from '@/lib/site/config';
import { formatDateTime } from '@/lib/utils';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

export const metadata: Metadata = { title: '审计日志' };

type SP = { actor?: string; type?: string; action?: string; id?: string; from?: string; to?: string; page?: string };

const text = (v: string | undefined, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) || undefined : undefined);
/** A real YYYY-MM-DD date or nothing. */
const day = (v: string | undefined) => (typeof v === 'string' && beijingDayStart(v) !== undefined ? v : undefined);

/** before / after as one line of JSON; nothing when there is nothing. */
function Json({ value, label }: { value: unknown; label: string }) {
  if (value == null) return <span className="text-muted-foreground">—</span>;
  const json = JSON.stringify(value);
  return (
    <details className="max-w-xs">
      <summary className="cursor-pointer text-primary">
        查看<span className="sr-only">{label}</span>
      </summary>
      <pre className="mt-1 max-w-xs overflow-x-auto rounded bg-muted p-2 font-mono text-xs break-all whitespace-pre-wrap">{json}</pre>
    </details>
  );
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requirePage('admin.area');
  const sp = await searchParams;
  const actor = text(sp.actor, 30);
  const objectType = text(sp.type, 40);
  const objectId = text(sp.id, 40);
  const action = text(sp.action, 60);
  const from = day(sp.from);
  const to = day(sp.to);
  const { rows, total, page, pageSize } = listAudit({ actor, objectType, objectId, action, from, to, page: pageParam(sp.page) });
  const actions = Object.entries(AUDIT_ACTION_LABELS);
  if (action && !AUDIT_ACTION_LABELS[action]) actions.push([action, action]);
  const types = Object.entries(AUDIT_OBJECT_TYPES);
  if (objectType && !AUDIT_OBJECT_TYPES[objectType]) types.push([objectType, objectType]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">审计日志</h1>
      <p className="text-sm text-muted-foreground">记录登录、账号、审核单位、服务商名录及各类申请的操作，只能追加，不能修改或删除。时间为北京时间。</p>
      <form method="get" action="/admin/audit" role="search" aria-label="查询审计日志" className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
        <Field id="audit-actor" label="操作人" className="w-full sm:w-44">
          <Input id="audit-actor" name="actor" defaultValue={actor ?? ''} maxLength={30} placeholder="姓名或用户ID" />
        </Field>
        <Field id="audit-type" label="对象类型" className="w-full sm:w-40">
          <NativeSelect id="audit-type" name="type" defaultValue={objectType ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {types.map(([value, label]) => (
              <NativeSelectOption key={value} value={value}>
                {label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="audit-action" label="操作" className="w-full sm:w-48">
          <NativeSelect id="audit-action" name="action" defaultValue={action ?? ''}>
            <NativeSelectOption value="">全部</NativeSelectOption>
            {actions.map(([value, label]) => (
              <NativeSelectOption key={value} value={value}>
                {label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id="audit-object" label="对象ID" className="w-full sm:w-32">
          <Input id="audit-object" name="id" defaultValue={objectId ?? ''} maxLength={40} />
        </Field>
        <Field id="audit-from" label="日期从" className="w-full sm:w-44">
          <Input id="audit-from" name="from" type="date" defaultValue={from ?? ''} />
        </Field>
        <Field id="audit-to" label="日期到" className="w-full sm:w-44">
          <Input id="audit-to" name="to" type="date" defaultValue={to ?? ''} />
        </Field>
        <Button type="submit">查询</Button>
        {(actor || objectType || action || objectId || from || to) && (
          <Button variant="outline" asChild>
            <Link href="/admin/audit">清空</Link>
          </Button>
        )}
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">没有符合条件的审计记录</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="审计日志列表">
            <TableHeader>
              <TableRow>
                <TableHead>时间</TableHead>
                <TableHead>操作人</TableHead>
                <TableHead>操作</TableHead>
                <TableHead>对象</TableHead>
                <TableHead>变更前</TableHead>
                <TableHead>变更后</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="audit-row" className="align-top">
                  <TableCell className="align-top">{formatDateTime(r.at)}</TableCell>
                  <TableCell className="align-top">
                    {r.actorId == null ? (
                      <span className="text-muted-foreground">系统</span>
                    ) : (
                      <>
                        <div>
                          {r.actorName ?? '（已删除的用户）'}
                          <span className="ml-1 text-xs text-muted-foreground">#{r.actorId}</span>
                        </div>
                        {r.actorRole && <div className="text-xs text-muted-foreground">{ROLE_LABELS[r.actorRole as keyof typeof ROLE_LABELS] ?? r.actorRole}</div>}
                      </>
                    )}
                    {r.ip && <div className="font-mono text-xs text-muted-foreground">{r.ip}</div>}
                  </TableCell>
                  <TableCell className="align-top">
                    <div>{AUDIT_ACTION_LABELS[r.action] ?? r.action}</div>
                    <div className="font-mono text-xs text-muted-foreground">{r.action}</div>
                  </TableCell>
                  <TableCell className="align-top">
                    <div>{AUDIT_OBJECT_TYPES[r.objectType] ?? r.objectType}</div>
                    <div className="font-mono text-xs text-muted-foreground">
                      {r.objectType}
                      {r.objectId != null && ` #${r.objectId}`}
                    </div>
                  </TableCell>
                  <TableCell className="align-top whitespace-normal">
                    <Json value={r.before} label="变更前" />
                  </TableCell>
                  <TableCell className="align-top whitespace-normal">
                    <Json value={r.after} label="变更后" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/admin/audit" params={{ actor, type: objectType, action, id: objectId, from, to }} page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
