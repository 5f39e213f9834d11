'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/forms/field';
import { useAction } from '@/components/forms/use-action';
import { useHydrated } from '@/components/forms/use-hydrated';
import { bindDataCodeAction } from '@/lib/data-codes/actions';

/**
 * 绑定数据码: 数据码* and 负责人手机号/身份证号 (needed only when the account's own phone and
 * 证件号码 do not match the code) → 确认 → the code's 详情.
 */
export function BindDataCodeForm({ initialCode = '', idPrefix = 'bind', onCancel }: { initialCode?: string; idPrefix?: string; onCancel?: () => void }) {
  const [code, setCode] = useState(initialCode);
  const [match, setMatch] = useState('');
  const { run, pending, formError, fieldErrors } = useAction(bindDataCodeAction, {
    fields: ['code', 'match'],
    redirect: (d) => `/my/data-codes/${d.id}`,
  });
  const hydrated = useHydrated();
  const ids = { code: `${idPrefix}-code`, match: `${idPrefix}-match` };
  return (
    <form
      className="space-y-4"
      noValidate
      aria-label="绑定数据码"
      data-hydrated={hydrated || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        void run({ code, match });
      }}
    >
      {formError && !fieldErrors.code && !fieldErrors.match && <Alert variant="destructive">{formError}</Alert>}
      <Field id={ids.code} label="数据码" required error={fieldErrors.code} hint="接入服务商提供的16位数据码，可带或不带“-”">
        <Input
          id={ids.code}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          className="font-mono uppercase"
          aria-invalid={!!fieldErrors.code}
          aria-describedby={fieldErrors.code ? `${ids.code}-error` : `${ids.code}-hint`}
        />
      </Field>
      <Field id={ids.match} label="负责人手机号/身份证号" error={fieldErrors.match} hint="本账号的手机号码或证件号码与数据码登记的信息一致时可不填">
        <Input
          id={ids.match}
          value={match}
          onChange={(e) => setMatch(e.target.value)}
          autoComplete="off"
          maxLength={40}
          aria-invalid={!!fieldErrors.match}
          aria-describedby={fieldErrors.match ? `${ids.match}-error` : `${ids.match}-hint`}
        />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? '正在确认…' : '确认'}
        </Button>
        {onCancel && (
          <Button type="button" variant="outline" onClick={onCancel}>
            稍后处理
          </Button>
        )}
      </div>
    </form>
  );
}
