'use client';

import { useState, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { cn } from '@/lib/utils';
import { Checkbox } from '@/components/ui/checkbox';
import { RadioGroupItem } from '@/components/ui/radio-group';

function Legend({ required, children }: { required?: boolean; children: ReactNode }) {
  return (
    <legend className="mb-2 text-sm font-medium">
      {/* The star stays out of the accessible name, as in Field. */}
      {required && (
        <span aria-hidden className="mr-0.5 text-destructive">
          *
        </span>
      )}
      {children}
    </legend>
  );
}

export function ErrorText({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role="alert" data-field-error className="text-sm text-destructive">
      {children}
    </p>
  );
}

/** Radios in a fieldset whose legend is the field name; radio i has the id `${id}-${i}`. */
export function ChoiceGroup({
  id,
  legend,
  options,
  registration,
  required,
  error,
  hint,
  aside,
  className,
}: {
  id: string;
  legend: string;
  options: readonly string[];
  registration: UseFormRegisterReturn;
  required?: boolean;
  error?: string;
  hint?: string;
  /** Shown next to the radios, e.g. a "什么是…?" button. */
  aside?: ReactNode;
  className?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={cn('min-w-0 space-y-2', className)} aria-describedby={describedBy}>
      <Legend required={required}>{legend}</Legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        {options.map((o, i) => (
          <label key={o} htmlFor={`${id}-${i}`} className="inline-flex items-center gap-2 text-sm">
            <RadioGroupItem id={`${id}-${i}`} value={o} aria-invalid={error ? true : undefined} {...registration} />
            {o}
          </label>
        ))}
        {aside}
      </div>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </fieldset>
  );
}

export type CheckboxOption = { value: string; label: string; description?: string };

/** Checkboxes for a list of strings; the description sits outside the label (aria-describedby). */
export function CheckboxGroup({
  id,
  legend,
  options,
  value,
  onChange,
  required,
  error,
  className,
  columns = 'sm:grid-cols-2 lg:grid-cols-3',
}: {
  id: string;
  legend: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  required?: boolean;
  error?: string;
  className?: string;
  columns?: string;
}) {
  const toggle = (v: string, on: boolean) => onChange(options.map((o) => o.value).filter((o) => (o === v ? on : value.includes(o))));
  return (
    <fieldset className={cn('min-w-0 space-y-2', className)} aria-describedby={error ? `${id}-error` : undefined}>
      <Legend required={required}>{legend}</Legend>
      <div className={cn('grid gap-x-6 gap-y-2', columns)}>
        {options.map((o, i) => (
          <div key={o.value} className="min-w-0">
            <label htmlFor={`${id}-${i}`} className="inline-flex items-center gap-2 text-sm">
              <Checkbox
                id={`${id}-${i}`}
                checked={value.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                aria-invalid={error ? true : undefined}
                aria-describedby={o.description ? `${id}-${i}-desc` : undefined}
              />
              {o.label}
            </label>
            {o.description && (
              <p id={`${id}-${i}-desc`} className="ml-6 text-xs text-muted-foreground">
                {o.description}
              </p>
            )}
          </div>
        ))}
      </div>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </fieldset>
  );
}

/** "什么是管制物品?": a small button opening the explanation. */
export function ExplainButton({ title, text }: { title: string; text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="link" size="sm" className="h-auto px-0" onClick={() => setOpen(true)}>
        {title}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription className="leading-relaxed text-foreground">{text}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" onClick={() => setOpen(false)}>
              知道了
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** A read-only 名称–值 list (step 01, 同主体负责人信息). */
export function InfoList({ rows, className }: { rows: [label: string, value: ReactNode][]; className?: string }) {
  return (
    <dl className={cn('grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2', className)}>
      {rows.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="mt-0.5 break-words font-medium">{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Warning tone for alerts that do not block (Alert has no warning variant). */
export const warningAlertClass = 'border-warning/60 bg-warning/10 text-foreground';
