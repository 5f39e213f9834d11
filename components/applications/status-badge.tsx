import { Badge } from '@/components/ui/badge';

type Variant = 'success' | 'destructive' | 'warning' | 'secondary';

/** One colour per meaning, for 审核状态, 主体状态 and 网站状态 alike. */
const VARIANTS: Record<string, Variant> = {
  通过: 'success',
  有效: 'success',
  已备案: 'success',
  退回: 'destructive',
  已退回: 'destructive',
  待审核: 'warning',
  审核中: 'warning',
  待面审: 'warning',
  变更中: 'warning',
  注销中: 'warning',
  移交中: 'warning',
  已撤销: 'secondary',
  已注销: 'secondary',
};

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <Badge variant={VARIANTS[status] ?? 'secondary'} className={className} data-status={status}>
      {status}
    </Badge>
  );
}
