import { cn } from '@/lib/utils';
import { ASSESSMENT_STEPS } from '@/lib/assessments/texts';
import type { AssessmentStep } from './wizard-values';

/** 01 填写自评估报告 > 02 自评估报告盖章件 > 03 上传第三方检测报告 > 04 提示说明; the current step has aria-current="step". */
export function AssessmentProgress({ step }: { step: AssessmentStep }) {
  return (
    <nav aria-label="办理进度">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
        {ASSESSMENT_STEPS.map((label, i) => {
          const n = (i + 1) as AssessmentStep;
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
              {n < ASSESSMENT_STEPS.length && (
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
