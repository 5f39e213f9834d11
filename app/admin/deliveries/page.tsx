import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { requirePage } from '@/lib/auth/session';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS, listDeliveries, type DeliveryDisplayStatus } from '@/lib/notify/service';
import { cn, formatDateTime } from '@/lib/utils';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Pagination, pageParam } from '@/components/ui/pagination';
import { ResendButton } from './resend-button';

export const metadata: Metadata = { title: '发送记录' };

type SP = { status?: string; page?: string };

const FILTERS: [DeliveryDisplayStatus | undefined, string][] = [
  [undefined, '全部'],
  ['failed', '发送失败'],
  ['retrying', '等待重试'],
  ['pending', '待发送'],
  ['sent', '已发送'],
];

const STATUS_CLASS: Record<DeliveryDisplayStatus, string> = {
  sent: 'text-emerald-700',
  pending: 'text-muted-foreground',
  retrying: 'text-amber-700',
  failed: 'text-destructive font-medium',
};

export default async function AdminDeliveriesPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requirePage('deliveries.manage');
  const sp = await searchParams;
  const status = typeof sp.status === 'string' && sp.status in DELIVERY_STATUS_LABELS ? (sp.status as DeliveryDisplayStatus) : undefined;
  const { rows, total, page, pageSize } = listDeliveries({ status, page: pageParam(sp.page) });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">发送记录</h1>
      <p className="text-sm text-muted-foreground">
        系统发出的邮件和短信。发送失败的会自动重试（间隔 1、2、4、8、16 分钟，共 6 次），仍失败的标为“发送失败”；修复邮件服务器或短信网关后可重新发送。时间为北京时间。
      </p>
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-3 text-sm">
        {FILTERS.map(([value, label]) => (
          <Link
            key={label}
            href={value ? `/admin/deliveries?status=${value}` : '/admin/deliveries'}
            aria-current={value === status ? 'page' : undefined}
            className={cn('rounded-md border px-3 py-1 hover:bg-accent', value === status && 'bg-accent font-medium')}
          >
            {label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-muted-foreground">没有发送记录</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table aria-label="发送记录列表" keyboardScroll>
            <TableHeader>
              <TableRow>
                <TableHead>渠道</TableHead>
                <TableHead>收件人</TableHead>
                <TableHead>主题</TableHead>
                <TableHead>状态</TableHead>
                <TableHead>次数</TableHead>
                <TableHead>最后错误</TableHead>
                <TableHead>时间</TableHead>
                <TableHead>操作</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="delivery-row" className="align-top">
                  <TableCell>{CHANNEL_LABELS[r.channel]}</TableCell>
                  <TableCell className="font-mono text-xs">{r.recipient}</TableCell>
                  <TableCell className="max-w-xs break-words">{r.subject}</TableCell>
                  <TableCell className={STATUS_CLASS[r.status]}>
                    {DELIVERY_STATUS_LABELS[r.status]}
                    {r.status === 'retrying' && r.nextAttemptAt && <div className="text-xs text-muted-foreground">下次重试 {formatDateTime(r.nextAttemptAt)}</div>}
                  </TableCell>
                  <TableCell>{r.attempts}</TableCell>
                  <TableCell className="max-w-xs text-xs break-words">{r.lastError ?? <span className="text-muted-foreground">—</span>}</TableCell>
                  <TableCell className="text-xs whitespace-nowrap">
                    <div>创建 {formatDateTime(r.createdAt)}</div>
                    {r.sentAt && <div>发送 {formatDateTime(r.sentAt)}</div>}
                  </TableCell>
                  <TableCell>{r.canResend ? <ResendButton id={r.id} label={`${CHANNEL_LABELS[r.channel]} ${r.subject}`} /> : <span className="text-muted-foreground">—</span>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination path="/admin/deliveries" params={{ status }} page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
