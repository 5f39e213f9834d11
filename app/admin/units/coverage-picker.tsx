'use client';

import { useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/forms/field';
import { citiesOf, countiesOf, provinces, regionByCode, regionFullName } from '@/lib/regions/regions';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

/** "110119 北京市延庆区" (the full name alone is ambiguous: 110000 and 110100 are both 北京市). */
export const coverageLabel = (code: string) => `${code} ${regionFullName(code) || '（未知区划）'}`;

/**
 * 管辖区划: the chosen codes as a list with 移除 buttons, added either by picking a
 * province, city or county (the deepest level chosen) or by typing codes.
 */
export function CoveragePicker({
  value,
  onChange,
  error,
  unitCode,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
  /** The unit's own code, offered as a one-click addition. */
  unitCode: string;
}) {
  const base = useId();
  const ids = { province: `${base}-province`, city: `${base}-city`, county: `${base}-county`, typed: `${base}-typed`, error: `${base}-error`, hint: `${base}-hint` };
  const [province, setProvince] = useState('');
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');
  const [typed, setTyped] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const provinceOptions = useMemo(() => provinces(), []);
  const cityOptions = useMemo(() => (province ? citiesOf(province) : []), [province]);
  const countyOptions = useMemo(() => (city ? countiesOf(city) : []), [city]);

  function add(codes: string[]): boolean {
    const bad = codes.filter((c) => !/^\d{6}$/.test(c) || !regionByCode(c));
    if (bad.length) {
      setLocalError(`区划代码无效：${bad.join('，')}（应为6位行政区划代码）`);
      return false;
    }
    setLocalError(null);
    onChange([...new Set([...value, ...codes])].sort());
    return true;
  }

  function addPicked() {
    const code = county || city || province;
    if (!code) return setLocalError('请先选择省份、城市或区县');
    add([code]);
  }

  function addTyped() {
    const codes = typed.split(/[\s,，、;；]+/).filter(Boolean);
    if (!codes.length) return setLocalError('请输入区划代码');
    if (add(codes)) setTyped('');
  }

  const ownValid = /^\d{6}$/.test(unitCode) && !!regionByCode(unitCode);

  return (
    <fieldset className="min-w-0 space-y-3 rounded-md border p-3" aria-describedby={error ? ids.error : ids.hint}>
      <legend className="px-1 text-sm font-medium">管辖区划</legend>
      <p id={ids.hint} className="text-xs text-muted-foreground">
        可添加区县、地市或省级区划。申请先按区县、再按地市、再按省份匹配管辖单位，均无则由默认单位审核。不添加时默认管辖本单位区划。
      </p>
      {value.length === 0 ? (
        <p className="text-sm text-muted-foreground">尚未添加管辖区划</p>
      ) : (
        <ul aria-label="已添加的管辖区划" className="flex flex-wrap gap-2">
          {value.map((c) => (
            <li key={c} className="flex max-w-full items-center gap-1 rounded-md border bg-muted/40 py-0.5 pr-1 pl-2 text-sm">
              <span className="min-w-0 break-all">{coverageLabel(c)}</span>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="h-6 px-1.5 text-destructive"
                aria-label={`移除 ${coverageLabel(c)}`}
                onClick={() => onChange(value.filter((x) => x !== c))}
              >
                移除
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={ids.error} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <div className="grid gap-2 sm:grid-cols-3">
        <Field id={ids.province} label="省份">
          <NativeSelect
            id={ids.province}
            value={province}
            onChange={(e) => {
              setProvince(e.target.value);
              setCity('');
              setCounty('');
            }}
          >
            <NativeSelectOption value="">请选择</NativeSelectOption>
            {provinceOptions.map((p) => (
              <NativeSelectOption key={p.code} value={p.code}>
                {p.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id={ids.city} label="城市">
          <NativeSelect
            id={ids.city}
            value={city}
            disabled={!province}
            onChange={(e) => {
              setCity(e.target.value);
              setCounty('');
            }}
          >
            <NativeSelectOption value="">{province ? '（整个省份）' : '请先选择省份'}</NativeSelectOption>
            {cityOptions.map((c) => (
              <NativeSelectOption key={c.code} value={c.code}>
                {c.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </Field>
        <Field id={ids.county} label="区县">
          <NativeSelect id={ids.county} value={county} disabled={!city} onChange={(e) => setCounty(e.target.value)}>
            <NativeSelectOption value="">{city ? '（整个城市）' : '请先选择城市'}</NativeSelectOption>
            {countyOptions
              .filter((k) => k.code !== city)
              .map((k) => (
                <NativeSelectOption key={k.code} value={k.code}>
                  {k.name}
                </NativeSelectOption>
              ))}
          </NativeSelect>
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={addPicked}>
          添加所选区划
        </Button>
        {ownValid && !value.includes(unitCode) && (
          <Button type="button" variant="outline" size="sm" onClick={() => add([unitCode])}>
            添加本单位区划（{unitCode}）
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <Field id={ids.typed} label="输入区划代码" className="min-w-0 flex-1">
          <Input
            id={ids.typed}
            value={typed}
            inputMode="numeric"
            autoComplete="off"
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the codes instead of submitting the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                addTyped();
              }
            }}
            aria-describedby={localError ? `${ids.typed}-local-error` : `${ids.typed}-hint`}
          />
        </Field>
        <Button type="button" variant="outline" onClick={addTyped}>
          添加代码
        </Button>
      </div>
      {localError ? (
        <p id={`${ids.typed}-local-error`} role="alert" className="text-sm text-destructive">
          {localError}
        </p>
      ) : (
        <p id={`${ids.typed}-hint`} className="text-xs text-muted-foreground">
          6位代码，多个用逗号或空格分隔，如 110119,110229
        </p>
      )}
    </fieldset>
  );
}
