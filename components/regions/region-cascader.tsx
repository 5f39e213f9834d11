'use client';

import { useId, useMemo, useState, type FocusEvent, type Ref } from 'react';

import { citiesOf, cityOf, countiesOf, isCounty, provinceOf, provinces, regionLevel } from '../../lib/regions/regions';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';

export type RegionCascaderProps = {
  /** 隐藏域的 name，表单提交 6 位区县代码（未选完为 ''）。 */
  name: string;
  /** 字段名称，例如「单位办公地址」。 */
  label: string;
  /**
   * 6 位区县代码。受控用法配合 onChange（如 react-hook-form 的 Controller）；
   * 不传 onChange 时作为初始值使用。外部改变 value（如表单 reset）会同步到选择器。
   */
  value?: string;
  /** 初始值（非受控用法的显式写法）；value 优先。 */
  defaultValue?: string;
  /** 区县代码变化时回调；选择省 / 市导致区县被清空时回调 ''。 */
  onChange?: (code: string) => void;
  /** 焦点离开整个级联选择器时回调（供 react-hook-form 标记 touched）。 */
  onBlur?: () => void;
  required?: boolean;
  error?: string;
  disabled?: boolean;
  /** 省份下拉框的 id（便于外部 label / 错误摘要锚点聚焦）；市、区县为 `${id}-city`、`${id}-county`。 */
  id?: string;
  /** 转发到省份下拉框（react-hook-form 的 field.ref，用于校验失败时聚焦）。 */
  ref?: Ref<HTMLSelectElement>;
  className?: string;
};

type Selection = { province: string; city: string; county: string };

const EMPTY: Selection = { province: '', city: '', county: '' };

/** 由代码还原选择状态；区县级代码完整还原，省 / 市代码部分还原，其余为空。 */
function selectionFromCode(code: string | undefined): Selection {
  if (!code) return EMPTY;
  if (isCounty(code)) {
    return { province: provinceOf(code) ?? '', city: cityOf(code) ?? '', county: code };
  }
  const level = regionLevel(code);
  if (level === 'city') return { province: provinceOf(code) ?? '', city: cityOf(code) ?? '', county: '' };
  if (level === 'province') return { province: provinceOf(code) ?? '', city: '', county: '' };
  return EMPTY;
}

/** 只有一个下级选项时自动选中（如北京市 → 市辖区，东莞市 → 东莞市）。 */
function onlyChild(list: { code: string }[]): string {
  return list.length === 1 ? list[0].code : '';
}

export function RegionCascader({
  name,
  label,
  value,
  defaultValue,
  onChange,
  onBlur,
  required = false,
  error,
  disabled = false,
  id,
  ref,
  className,
}: RegionCascaderProps) {
  const autoId = useId();
  const base = id ?? `region-${autoId}`;
  const provinceId = base;
  const cityId = `${base}-city`;
  const countyId = `${base}-county`;
  const errorId = `${base}-error`;

  const [selection, setSelection] = useState<Selection>(() => selectionFromCode(value ?? defaultValue));

  // 外部 value 变化（受控更新 / 表单 reset）时同步内部状态（渲染期调整状态，避免 effect）。
  const [prevValue, setPrevValue] = useState(value);
  if (value !== prevValue) {
    setPrevValue(value);
    if ((value ?? '') !== selection.county) setSelection(selectionFromCode(value));
  }

  const provinceOptions = useMemo(() => provinces(), []);
  const cityOptions = useMemo(() => (selection.province ? citiesOf(selection.province) : []), [selection.province]);
  const countyOptions = useMemo(() => (selection.city ? countiesOf(selection.city) : []), [selection.city]);

  function commit(next: Selection) {
    const changed = next.county !== selection.county;
    setSelection(next);
    if (changed) onChange?.(next.county);
  }

  function handleProvince(province: string) {
    const city = province ? onlyChild(citiesOf(province)) : '';
    const county = city ? onlyChild(countiesOf(city)) : '';
    commit({ province, city, county });
  }

  function handleCity(city: string) {
    const county = city ? onlyChild(countiesOf(city)) : '';
    commit({ ...selection, city, county });
  }

  function handleCounty(county: string) {
    commit({ ...selection, county });
  }

  function handleBlur(event: FocusEvent<HTMLFieldSetElement>) {
    if (!onBlur) return;
    const next = event.relatedTarget as Node | null;
    if (!next || !event.currentTarget.contains(next)) onBlur();
  }

  const invalid = error ? true : undefined;
  const describedBy = error ? errorId : undefined;

  return (
    <fieldset disabled={disabled} onBlur={handleBlur} className={['min-w-0 space-y-2', className].filter(Boolean).join(' ')}>
      <legend className="mb-2 text-sm font-medium leading-none">
        {required ? (
          <span aria-hidden="true" className="mr-0.5 text-destructive">
            *
          </span>
        ) : null}
        {label}
      </legend>

      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <div className="grid min-w-0 gap-1">
          <label htmlFor={provinceId} className="text-xs text-muted-foreground">
            省
          </label>
          <NativeSelect
            id={provinceId}
            ref={ref}
            aria-label={`${label}省份`}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            required={required}
            value={selection.province}
            onChange={(e) => handleProvince(e.target.value)}
          >
            <NativeSelectOption value="">请选择</NativeSelectOption>
            {provinceOptions.map((p) => (
              <NativeSelectOption key={p.code} value={p.code}>
                {p.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>

        <div className="grid min-w-0 gap-1">
          <label htmlFor={cityId} className="text-xs text-muted-foreground">
            市
          </label>
          <NativeSelect
            id={cityId}
            aria-label={`${label}城市`}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            required={required}
            disabled={!selection.province}
            value={selection.city}
            onChange={(e) => handleCity(e.target.value)}
          >
            <NativeSelectOption value="">请选择</NativeSelectOption>
            {cityOptions.map((c) => (
              <NativeSelectOption key={c.code} value={c.code}>
                {c.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>

        <div className="grid min-w-0 gap-1">
          <label htmlFor={countyId} className="text-xs text-muted-foreground">
            区县
          </label>
          <NativeSelect
            id={countyId}
            aria-label={`${label}区县`}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            required={required}
            disabled={!selection.city}
            value={selection.county}
            onChange={(e) => handleCounty(e.target.value)}
          >
            <NativeSelectOption value="">请选择</NativeSelectOption>
            {countyOptions.map((k) => (
              <NativeSelectOption key={k.code} value={k.code}>
                {k.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
      </div>

      <input type="hidden" name={name} value={selection.county} />

      {error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export default RegionCascader;
