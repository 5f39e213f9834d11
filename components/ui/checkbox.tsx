import * as React from 'react';
import { cn } from '@/lib/utils';

/**
 * A checkbox styled after shadcn's (new-york) but a native <input type="checkbox">, not Radix's
 * button: react-hook-form's register, <label htmlFor> and Playwright's check() keep working.
 */
function Checkbox({ className, ...props }: Omit<React.ComponentProps<'input'>, 'type'>) {
  return (
    <input
      type="checkbox"
      data-slot="checkbox"
      className={cn(
        'border-input size-4 shrink-0 rounded-[4px] shadow-xs accent-primary outline-none disabled:cursor-not-allowed disabled:opacity-50',
        'focus-visible:ring-ring/50 focus-visible:ring-[3px] aria-invalid:ring-destructive/20 aria-invalid:ring-[3px]',
        className,
      )}
      {...props}
    />
  );
}

export { Checkbox };
