import * as React from 'react';
import { cn } from '@/lib/utils';

/**
 * RadioGroup / RadioGroupItem styled after shadcn's (new-york), as native radios (grouped by the
 * surrounding <fieldset> and its <legend>) instead of Radix's buttons, so react-hook-form's register (one
 * registration spread on each item), <label htmlFor> and Playwright's check() keep working.
 */
function RadioGroup({ className, ...props }: React.ComponentProps<'div'>) {
  return <div data-slot="radio-group" className={cn('flex flex-wrap gap-x-6 gap-y-2', className)} {...props} />;
}

function RadioGroupItem({ className, ...props }: Omit<React.ComponentProps<'input'>, 'type'>) {
  return (
    <input
      type="radio"
      data-slot="radio-group-item"
      className={cn(
        'size-4 shrink-0 accent-primary outline-none disabled:cursor-not-allowed disabled:opacity-50',
        'focus-visible:ring-ring/50 focus-visible:ring-[3px] aria-invalid:ring-destructive/20 aria-invalid:ring-[3px]',
        className,
      )}
      {...props}
    />
  );
}

export { RadioGroup, RadioGroupItem };
