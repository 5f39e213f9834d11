import { cn } from '@/lib/utils';
import { WIZARD_STEPS, type WizardStep } from './wizard-values';

/** 01 开办主体 > 02 网站基本信息 > 03 网站负责人 > 04 提示说明; the current step has aria-current="step". */
export function WizardProgress({ step }: { step: WizardStep }) {
  return (
    <nav aria-label="办理进度">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
        {WIZARD_STEPS.map((label, i) => {
          const n = (i + 1) as WizardStep;
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
              {n < WIZARD_STEPS.length && (
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
