'use client';

import { useRef, useState } from 'react';
import { Field, selectClass } from '@/components/forms/field';
import { REASON_MAX } from '@/lib/review/schemas';

export const textareaClass =
  'min-h-24 w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive';

/**
 * 常用退回原因 (a pick inserts the text) + 退回原因 (free text, required). Picking again, e.g.
 * with the arrow keys on the closed select, replaces the last inserted reason instead of piling up.
 */
export function ReturnReasonField({
  idBase,
  reasons,
  value,
  onChange,
  error,
  disabled,
}: {
  idBase: string;
  reasons: readonly string[];
  value: string;
  onChange: (v: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const [picked, setPicked] = useState('');
  const lastInserted = useRef('');

  function pick(next: string) {
    setPicked(next);
    const last = lastInserted.current;
    let base = value;
    if (last && base.endsWith(last)) base = base.slice(0, base.length - last.length).replace(/[；\s]+$/, '');
    lastInserted.current = next;
    onChange(next ? (base ? `${base}；${next}` : next) : base);
  }

  return (
    <div className="space-y-3">
      <Field id={`${idBase}-common`} label="常用退回原因">
        <select id={`${idBase}-common`} value={picked} onChange={(e) => pick(e.target.value)} className={selectClass} disabled={disabled}>
          <option value="">请选择（可选）</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${idBase}-reason`} label="退回原因" required error={error} hint={`申请人将看到退回原因，${value.length}/${REASON_MAX}字`}>
        <textarea
          id={`${idBase}-reason`}
          value={value}
          maxLength={REASON_MAX}
          rows={4}
          onChange={(e) => {
            lastInserted.current = '';
            onChange(e.target.value);
          }}
          placeholder="请选择常用退回原因或直接填写"
          className={textareaClass}
          aria-required
          aria-invalid={!!error}
          aria-describedby={error ? `${idBase}-reason-error` : `${idBase}-reason-hint`}
          disabled={disabled}
        />
      </Field>
    </div>
  );
}
