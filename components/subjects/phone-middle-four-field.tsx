import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';

/** Splits "138****0003" into the visible head and tail around the hidden middle four digits. */
function splitMasked(masked: string): [string, string] {
  const i = masked.indexOf('****');
  if (i >= 0) return [masked.slice(0, i), masked.slice(i + 4)];
  return [masked.slice(0, 3), masked.slice(-4)];
}

/**
 * 负责人手机号码 shown masked, with an input for its middle four digits:
 * `138 [____] 0003`. Used by 注销主体 and 移交主体.
 */
export function PhoneMiddleFourField({
  phoneMasked,
  id = 'middle-four',
  value,
  onChange,
  error,
  disabled,
}: {
  phoneMasked: string;
  id?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const [head, tail] = splitMasked(phoneMasked);
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="mb-3 flex flex-wrap items-center gap-x-2 text-sm font-medium">
        <span className="flex items-center gap-0.5">
          <span className="text-destructive" aria-hidden>
            *
          </span>
          负责人手机号码
        </span>
        <span className="font-normal tabular-nums text-muted-foreground">{phoneMasked}</span>
      </legend>
      <Field id={id} label="手机号码中间四位" error={error} hint="为验证身份，请填写负责人手机号码的中间四位数字">
        <div className="flex items-center gap-2">
          <span className="tabular-nums" aria-hidden>
            {head}
          </span>
          <Input
            id={id}
            name="middleFour"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            placeholder="中间四位"
            value={value}
            onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 4))}
            disabled={disabled}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className="w-28 text-center tabular-nums"
          />
          <span className="tabular-nums" aria-hidden>
            {tail}
          </span>
        </div>
      </Field>
    </fieldset>
  );
}
