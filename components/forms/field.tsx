import * as React from 'react';
import { cn } from '@/lib/utils';

/** A labelled form row: visible <label>, the control, hint and the field's error. */
export function Field({
  id,
  label,
  required,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn('space-y-1.5', className)}>
      <div className="flex items-center gap-0.5 text-sm font-medium">
        {/* The star stays outside <label> so the control's accessible name is exactly the field name. */}
        {required && (
          <span className="text-destructive" aria-hidden>
            *
          </span>
        )}
        <label htmlFor={id}>{label}</label>
      </div>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
