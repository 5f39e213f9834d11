import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { RadioGroupItem } from '@/components/ui/radio-group';
import { QUERY_KINDS, parseQueryKind, queryKindHref, type QueryKindValue } from '@/lib/public/query-kinds';

/**
 * 公共查询 box (SPEC §10.2, §15.5): a plain GET form to /query, so it works before any script loads.
 * Used on the home page and on /query itself. 查询类型 (网站, APP, 小程序) is a row of links that
 * keep what was typed: each type has its own 查询方式, which the server renders for it, so the
 * radios never disagree with the type. 网站 adds nothing to the URL (`/query?type=name&q=…`).
 */
export function QueryForm({ kind = 'website', type = 'name', q = '', id = 'query' }: { kind?: QueryKindValue; type?: string; q?: string; id?: string }) {
  const current = parseQueryKind(kind);
  return (
    <form action="/query" method="get" role="search" aria-label="公共查询" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span id={`${id}-kind`} className="text-sm text-muted-foreground">
          查询类型
        </span>
        <nav aria-labelledby={`${id}-kind`} className="inline-flex rounded-md bg-muted p-1 text-sm">
          {QUERY_KINDS.map((k) => (
            <a
              key={k.value}
              href={queryKindHref(k, q)}
              aria-current={k.value === current.value ? 'true' : undefined}
              className="rounded px-3 py-1 text-muted-foreground hover:text-foreground aria-[current=true]:bg-background aria-[current=true]:font-medium aria-[current=true]:text-foreground aria-[current=true]:shadow-sm"
            >
              {k.label}
            </a>
          ))}
        </nav>
      </div>
      {current.kind && <input type="hidden" name="kind" value={current.value} />}
      <fieldset className="flex flex-wrap gap-x-5 gap-y-2">
        <legend className="sr-only">查询方式</legend>
        {current.methods.map((t, i) => (
          <label key={t.value} className="flex cursor-pointer items-center gap-2 text-sm">
            <RadioGroupItem name="type" value={t.value} defaultChecked={t.value === type || (i === 0 && !current.methods.some((m) => m.value === type))} />
            {t.label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor={`${id}-q`} className="sr-only">
          查询内容
        </label>
        <Input id={`${id}-q`} name="q" defaultValue={q} maxLength={255} required placeholder={current.hint} className="h-11 flex-1 text-base" />
        <Button type="submit" className="h-11 px-6">
          <Search className="size-4" aria-hidden />
          查询
        </Button>
      </div>
    </form>
  );
}
