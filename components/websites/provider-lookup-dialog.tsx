'use client';

import { useId, useMemo, useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Alert } from '@/components/ui/alert';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { citiesOf, cityOf, countiesOf, provinceOf, provinces, regionLevel } from '@/lib/regions/regions';
import { searchProvidersAction } from '@/lib/websites/actions';
import { reach } from '@/components/forms/use-action';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { RadioGroupItem } from '@/components/ui/radio-group';

export type ProviderKind = '接入服务商' | '域名注册服务商';
export type ProviderChoice = { name: string; scope: '境内' | '境外'; regionCode: string | null };

type Row = { id: number; name: string; scope: '境内' | '境外'; regionCode: string | null; regionName: string };
type Result = { rows: Row[]; total: number; page: number; pageSize: number };
type Query = { scope: '境内' | '境外'; regionCode?: string; name?: string };

const TEXT: Record<ProviderKind, { title: string; region: string }> = {
  接入服务商: { title: '查询网络接入服务商', region: '接入商所属地区' },
  域名注册服务商: { title: '查询域名注册服务商', region: '域名服务商所属地区' },
};

/** Province / city / county of a code of any level ('' where not chosen). */
function splitRegion(code: string) {
  const level = code ? regionLevel(code) : undefined;
  if (!level) return { province: '', city: '', county: '' };
  return {
    province: provinceOf(code) ?? '',
    city: level === 'province' ? '' : (cityOf(code) ?? ''),
    county: level === 'county' ? code : '',
  };
}

/**
 * 查询网络接入服务商 / 查询域名注册服务商 (SPEC §4.1): the provider directory searched by
 * 所属地区 (境内: required, any level) and 名称, 10 a page; 选择 hands the provider back.
 */
export function ProviderLookupDialog({
  kind,
  open,
  onOpenChange,
  initialScope,
  initialRegion,
  initialName,
  onSelect,
}: {
  kind: ProviderKind;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialScope: '境内' | '境外';
  initialRegion: string;
  initialName: string;
  onSelect: (p: ProviderChoice) => void;
}) {
  const t = TEXT[kind];
  const base = useId().replace(/:/g, '');
  const [scope, setScope] = useState(initialScope);
  const [region, setRegion] = useState(() => splitRegion(initialRegion));
  const [name, setName] = useState(initialName);
  const [regionError, setRegionError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [loading, setLoading] = useState(false);
  /** The conditions of the results shown: paging keeps them even if the inputs changed since. */
  const [lastQuery, setLastQuery] = useState<Query | null>(null);

  // Each opening starts from what the form holds (state adjusted while rendering, no effect).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setScope(initialScope);
      setRegion(splitRegion(initialRegion));
      setName(initialName);
      setRegionError(null);
      setFormError(null);
      setResult(null);
      setLastQuery(null);
    }
  }

  const provinceOptions = useMemo(() => provinces(), []);
  const cityOptions = useMemo(() => (region.province ? citiesOf(region.province) : []), [region.province]);
  const countyOptions = useMemo(() => (region.city ? countiesOf(region.city) : []), [region.city]);
  const regionCode = region.county || region.city || region.province;

  /** 查询: the inputs as they are now, page 1. */
  function searchNow() {
    setFormError(null);
    setRegionError(null);
    if (scope === '境内' && !regionCode) {
      setRegionError(`请选择${t.region}`);
      document.getElementById(`${base}-province`)?.focus();
      return;
    }
    void run({ scope, regionCode: scope === '境内' ? regionCode : undefined, name: name.trim() || undefined }, 1);
  }

  async function run(query: Query, page: number) {
    setFormError(null);
    setLoading(true);
    const res = await reach(searchProvidersAction({ kind, ...query, page }));
    setLoading(false);
    if (res.ok) {
      setResult(res.data);
      setLastQuery(query);
    } else if (res.fieldErrors?.regionCode) setRegionError(res.fieldErrors.regionCode);
    else setFormError(res.formError ?? '查询失败，请稍后重试');
  }

  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogDescription>选择{t.region}并输入名称后查询；查询不到时请关闭本窗口，手动填写服务商信息。</DialogDescription>
        </DialogHeader>

        <form
          className="grid min-w-0 gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // The dialog is portalled, but React events still bubble to the wizard's form.
            e.stopPropagation();
            searchNow();
          }}
        >
          <fieldset className="min-w-0 space-y-2">
            <legend className="mb-2 text-sm font-medium">所属地区管辖</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {(['境内', '境外'] as const).map((s, i) => (
                <label key={s} htmlFor={`${base}-scope-${i}`} className="inline-flex items-center gap-2 text-sm">
                  <RadioGroupItem
                    id={`${base}-scope-${i}`}
                    name={`${base}-scope`}
                    value={s}
                    checked={scope === s}
                    onChange={() => {
                      setScope(s);
                      setRegionError(null);
                      setResult(null);
                    }}
                  />
                  {s}
                </label>
              ))}
            </div>
          </fieldset>

          {scope === '境内' && (
            <fieldset className="min-w-0 space-y-2" aria-describedby={regionError ? `${base}-region-error` : undefined}>
              <legend className="mb-2 text-sm font-medium">
                <span aria-hidden className="mr-0.5 text-destructive">
                  *
                </span>
                {t.region}
              </legend>
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                <div className="grid min-w-0 gap-1">
                  <label htmlFor={`${base}-province`} className="text-xs text-muted-foreground">
                    所属省
                  </label>
                  <NativeSelect
                    id={`${base}-province`}
                    value={region.province}
                    aria-invalid={regionError ? true : undefined}
                    onChange={(e) => {
                      const province = e.target.value;
                      const cities = province ? citiesOf(province) : [];
                      setRegion({ province, city: cities.length === 1 ? cities[0].code : '', county: '' });
                      setRegionError(null);
                    }}
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
                  <label htmlFor={`${base}-city`} className="text-xs text-muted-foreground">
                    所属市
                  </label>
                  <NativeSelect
                    id={`${base}-city`}
                    value={region.city}
                    disabled={!region.province}
                    onChange={(e) => setRegion({ ...region, city: e.target.value, county: '' })}
                  >
                    <NativeSelectOption value="">全部</NativeSelectOption>
                    {cityOptions.map((c) => (
                      <NativeSelectOption key={c.code} value={c.code}>
                        {c.name}
                      </NativeSelectOption>
                    ))}
                  </NativeSelect>
                </div>
                <div className="grid min-w-0 gap-1">
                  <label htmlFor={`${base}-county`} className="text-xs text-muted-foreground">
                    所属区县
                  </label>
                  <NativeSelect
                    id={`${base}-county`}
                    value={region.county}
                    disabled={!region.city}
                    onChange={(e) => setRegion({ ...region, county: e.target.value })}
                  >
                    <NativeSelectOption value="">全部</NativeSelectOption>
                    {countyOptions.map((c) => (
                      <NativeSelectOption key={c.code} value={c.code}>
                        {c.name}
                      </NativeSelectOption>
                    ))}
                  </NativeSelect>
                </div>
              </div>
              {regionError && (
                <p id={`${base}-region-error`} role="alert" className="text-sm text-destructive">
                  {regionError}
                </p>
              )}
            </fieldset>
          )}

          <div className="flex min-w-0 flex-col gap-2 sm:flex-row sm:items-end">
            <div className="grid min-w-0 flex-1 gap-1.5">
              <label htmlFor={`${base}-name`} className="text-sm font-medium">
                名称
              </label>
              <Input id={`${base}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" />
            </div>
            <div className="flex gap-2">
              <Button
                type="button"
                variant="outline"
                onClick={() => {
                  setName('');
                  setRegion({ province: '', city: '', county: '' });
                  setResult(null);
                  setRegionError(null);
                }}
              >
                清空
              </Button>
              <Button type="submit" disabled={loading}>
                {loading ? '查询中…' : '查询'}
              </Button>
            </div>
          </div>
        </form>

        {formError && <Alert variant="destructive">{formError}</Alert>}

        {result && (
          <div className="min-w-0 space-y-3" aria-live="polite">
            {result.rows.length === 0 ? (
              <p role="status" className="rounded-md border bg-muted/30 p-4 text-center text-sm text-muted-foreground">
                未查询到服务商，请手动填写
              </p>
            ) : (
              <>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>序号</TableHead>
                      <TableHead>名称</TableHead>
                      <TableHead>所属地区</TableHead>
                      <TableHead>操作</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {result.rows.map((r, i) => (
                      <TableRow key={r.id}>
                        <TableCell>{(result.page - 1) * result.pageSize + i + 1}</TableCell>
                        <TableCell className="whitespace-normal break-words">{r.name}</TableCell>
                        <TableCell className="whitespace-normal">{r.scope === '境外' ? '境外' : r.regionName || '—'}</TableCell>
                        <TableCell>
                          <Button
                            type="button"
                            size="sm"
                            variant="outline"
                            aria-label={`选择${r.name}`}
                            onClick={() => {
                              onSelect({ name: r.name, scope: r.scope, regionCode: r.regionCode });
                              onOpenChange(false);
                            }}
                          >
                            选择
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <nav className="flex flex-wrap items-center justify-end gap-3 text-sm" aria-label="查询结果分页">
                  <Button type="button" size="sm" variant="outline" disabled={loading || result.page <= 1} onClick={() => lastQuery && run(lastQuery, result.page - 1)}>
                    上一页
                  </Button>
                  <span>
                    第 {result.page} / {pages} 页，共 {result.total} 条
                  </span>
                  <Button type="button" size="sm" variant="outline" disabled={loading || result.page >= pages} onClick={() => lastQuery && run(lastQuery, result.page + 1)}>
                    下一页
                  </Button>
                </nav>
              </>
            )}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
