import { cn } from '@/lib/utils';

/**
 * 办理进度 of a multi-step form: "01 开办主体 > 02 网站基本信息 > …"; the current step has
 * aria-current="step" and finished ones say so to screen readers. `step` counts from 1.
 */
export function StepProgress({ steps, step }: { steps: readonly string[]; step: number }) {
  return (
    <nav aria-label="办理进度">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
        {steps.map((label, i) => {
          const n = i + 1;
          const current = n === step;
          const done = n < step;
          return (
            <li key={label} className="flex items-center gap-2" aria-current={current ? 'step' : undefined}>
              <span
                className={cn(
                  'inline-flex items-center gap-1.5 rounded-full border px-3 py-1',
                  current && 'border-primary bg-primary text-primary-foreground',
                  done && 'border-primary/40 bg-accent text-accent-foreground',
                  !current && !done && 'text-muted-foreground',
                )}
              >
                <span className="font-semibold tabular-nums">{String(n).padStart(2, '0')}</span>
                <span>{label}</span>
                {done && <span className="sr-only">（已完成）</span>}
              </span>
              {n < steps.length && (
                <span aria-hidden className="text-muted-foreground">
                  &gt;
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
