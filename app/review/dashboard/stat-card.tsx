import { cn } from '@/lib/utils';

/** One figure of the dashboard: a <dt>/<dd> pair inside the page's <dl>. */
export function StatCard({ label, value, hint, tone }: { label: string; value: number | string; hint?: string; tone?: 'danger' }) {
  return (
    <div className="rounded-lg border bg-card p-4" data-testid="stat-card">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className={cn('mt-1 text-2xl font-semibold tabular-nums', tone === 'danger' && 'text-destructive')}>{value}</dd>
      {hint && <dd className="mt-1 text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}
