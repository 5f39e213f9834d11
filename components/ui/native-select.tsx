import * as React from 'react';
import { ChevronDown } from './icons';
import { cn } from '@/lib/utils';

/**
 * shadcn's NativeSelect (new-york): a styled native <select>, so labels (htmlFor/id), aria-invalid,
 * aria-describedby, react-hook-form's register and Playwright's selectOption work as on any <select>.
 */
function NativeSelect({ className, ...props }: React.ComponentProps<'select'>) {
  return (
    <div data-slot="native-select-wrapper" className="group/native-select relative w-full min-w-0 has-[select:disabled]:opacity-50">
      <select
        data-slot="native-select"
        className={cn(
          'border-input bg-background h-9 w-full min-w-0 appearance-none rounded-md border py-1 pr-9 pl-3 text-sm shadow-xs transition-[color,box-shadow] outline-none disabled:pointer-events-none disabled:cursor-not-allowed',
          'focus-visible:border-ring focus-visible:ring-ring/50 focus-visible:ring-[3px]',
          'aria-invalid:ring-destructive/20 aria-invalid:border-destructive',
          className,
        )}
        {...props}
      />
      <ChevronDown aria-hidden className="text-muted-foreground pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 select-none" />
    </div>
  );
}

function NativeSelectOption(props: React.ComponentProps<'option'>) {
  return <option data-slot="native-select-option" {...props} />;
}

export { NativeSelect, NativeSelectOption };
