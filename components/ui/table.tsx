import * as React from 'react';
import { cn } from '@/lib/utils';

/**
 * shadcn table; the container scrolls sideways so a phone never overflows the page. A table
 * with nothing focusable inside (figures only) passes `keyboardScroll` so keyboard users can
 * reach and scroll it: the container becomes a named, focusable region.
 */
function Table({ className, keyboardScroll, ...props }: React.ComponentProps<'table'> & { keyboardScroll?: boolean }) {
  const region = keyboardScroll ? { tabIndex: 0, role: 'region', 'aria-label': props['aria-label'] } : {};
  return (
    <div data-slot="table-container" className="relative w-full overflow-x-auto focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" {...region}>
      <table data-slot="table" className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </div>
  );
}
function TableHeader({ className, ...props }: React.ComponentProps<'thead'>) {
  return <thead data-slot="table-header" className={cn('bg-muted/50 [&_tr]:border-b', className)} {...props} />;
}
function TableBody({ className, ...props }: React.ComponentProps<'tbody'>) {
  return <tbody data-slot="table-body" className={cn('[&_tr:last-child]:border-0', className)} {...props} />;
}
function TableRow({ className, ...props }: React.ComponentProps<'tr'>) {
  return <tr data-slot="table-row" className={cn('border-b transition-colors hover:bg-muted/40', className)} {...props} />;
}
function TableHead({ className, ...props }: React.ComponentProps<'th'>) {
  return <th data-slot="table-head" scope="col" className={cn('h-10 px-3 text-left align-middle font-medium whitespace-nowrap text-foreground', className)} {...props} />;
}
function TableCell({ className, ...props }: React.ComponentProps<'td'>) {
  return <td data-slot="table-cell" className={cn('p-3 align-middle whitespace-nowrap', className)} {...props} />;
}
function TableCaption({ className, ...props }: React.ComponentProps<'caption'>) {
  return <caption data-slot="table-caption" className={cn('mt-4 text-sm text-muted-foreground', className)} {...props} />;
}

export { Table, TableHeader, TableBody, TableRow, TableHead, TableCell, TableCaption };
