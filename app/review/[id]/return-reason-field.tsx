'use client';

import { useRef, useState } from 'react';
import { REASON_MAX } from '@/lib/review/schemas';
import { Field } from '@/components/forms/field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';


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
        <NativeSelect id={`${idBase}-common`} value={picked} onChange={(e) => pick(e.target.value)} disabled={disabled}>
          <NativeSelectOption value="">请选择（可选）</NativeSelectOption>
          {reasons.map((r) => (
            <NativeSelectOption key={r} value={r}>
              {r}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </Field>
      <Field id={`${idBase}-reason`} label="退回原因" required error={error} hint={`申请人将看到退回原因，${value.length}/${REASON_MAX}字`}>
        <Textarea
          id={`${idBase}-reason`}
          value={value}
          maxLength={REASON_MAX}
          rows={4}
          onChange={(e) => {
            lastInserted.current = '';
            onChange(e.target.value);
          }}
          placeholder="请选择常用退回原因或直接填写"
          className="min-h-24"
          aria-required
          aria-invalid={!!error}
          aria-describedby={error ? `${idBase}-reason-error` : `${idBase}-reason-hint`}
          disabled={disabled}
        />
      </Field>
    </div>
  );
}
