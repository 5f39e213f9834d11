import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { RadioGroupItem } from '@/components/ui/radio-group';

export const QUERY_TYPES = [
  { value: 'name', label: '网站名称', placeholder: '输入网站名称中的文字，如：云帆' },
  { value: 'domain', label: '网站域名', placeholder: '如：www.example.com' },
  { value: 'code', label: '联网备案号', placeholder: '如：京公网安备11010502000001号' },
] as const;
export type QueryType = (typeof QUERY_TYPES)[number]['value'];

export function parseQueryType(v: string | undefined): QueryType {
  return QUERY_TYPES.some((t) => t.value === v) ? (v as QueryType) : 'name';
}

/**
 * 公共查询 box (SPEC §10.2): a plain GET form to /query, so it works before any script loads.
 * Used on the home page and on /query itself.
 */
export function QueryForm({ type = 'name', q = '', id = 'query' }: { type?: QueryType; q?: string; id?: string }) {
  return (
    <form action="/query" method="get" role="search" aria-label="公共查询" className="space-y-3">
      <fieldset className="flex flex-wrap gap-x-5 gap-y-2">
        <legend className="sr-only">查询方式</legend>
        {QUERY_TYPES.map((t) => (
          <label key={t.value} className="flex cursor-pointer items-center gap-2 text-sm">
            <RadioGroupItem name="type" value={t.value} defaultChecked={t.value === type} />
            {t.label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor={`${id}-q`} className="sr-only">
          查询内容
        </label>
        <Input
          id={`${id}-q`}
          name="q"
          defaultValue={q}
          maxLength={200}
          required
          placeholder="网站名称、网站域名或联网备案号"
          className="h-11 flex-1 text-base"
        />
        <Button type="submit" className="h-11 px-6">
          <Search className="size-4" aria-hidden />
          查询
        </Button>
      </div>
    </form>
  );
}
