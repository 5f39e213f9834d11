/**
 * 公共查询's 查询类型 (SPEC §15.5): 网站, APP, 小程序, 应用市场, 服务商, and for each its 查询方式 as the URL names
 * them (`/query?kind=app&type=package&q=…`, `GET /api/public/filings?type=app&package=…`). Pure:
 * the form, the page and the JSON route share it. `kind` absent means 网站, so every URL from
 * before 查询类型 keeps its meaning.
 */
import type { FilingKind } from '@/db/schema';

/** How an APP or 小程序 is looked up: by name, by identifier (包名 / 小程序ID) or by number. */
export type ObjectSearchType = 'name' | 'ident' | 'code';

export type QueryMethod<V extends string = string, S extends string = string> = { value: V; label: string; placeholder: string; search: S };

export const WEBSITE_METHODS = [
  { value: 'name', label: '网站名称', placeholder: '输入网站名称中的文字，如：云帆', search: 'name' },
  { value: 'domain', label: '网站域名', placeholder: '如：www.example.com', search: 'domain' },
  { value: 'code', label: '联网备案号', placeholder: '如：京公网安备11010502000001号', search: 'code' },
] as const;

const CODE = { value: 'code', label: '联网备案号', placeholder: '如：京公网安备11010503000001号', search: 'code' } as const;

export const QUERY_KINDS = [
  { value: 'website', label: '网站', kind: null, methods: WEBSITE_METHODS, hint: '网站名称、网站域名或联网备案号' },
  {
    value: 'app',
    label: 'APP',
    kind: 'APP',
    methods: [
      { value: 'name', label: 'APP名称', placeholder: '输入APP名称中的文字，如：摄影', search: 'name' },
      { value: 'package', label: '包名', placeholder: '如：com.example.app（不区分大小写）', search: 'ident' },
      CODE,
    ],
    hint: 'APP名称、包名或联网备案号',
  },
  {
    value: 'mini-program',
    label: '小程序',
    kind: '小程序',
    methods: [
      { value: 'name', label: '小程序名称', placeholder: '输入小程序名称中的文字，如：预约', search: 'name' },
      { value: 'appid', label: '小程序ID', placeholder: '如：wx1234567890abcdef', search: 'ident' },
      { ...CODE, placeholder: '如：京公网安备11010504000001号' },
    ],
    hint: '小程序名称、小程序ID或联网备案号',
  },
  {
    value: 'app-store',
    label: '应用市场',
    kind: '应用市场',
    methods: [
      { value: 'name', label: '应用市场名称', placeholder: '输入应用市场名称中的文字，如：应用商店', search: 'name' },
      { value: 'domain', label: '网址', placeholder: '如：www.example.com', search: 'ident' },
      { ...CODE, placeholder: '如：京公网安备11010505000001号' },
    ],
    hint: '应用市场名称、网址或联网备案号',
  },
  {
    value: 'provider',
    label: '服务商',
    kind: '服务商',
    methods: [
      { value: 'name', label: '服务商名称', placeholder: '输入服务商名称中的文字，如：云计算', search: 'name' },
      { value: 'licence', label: '许可证编号', placeholder: '如：B1-20180001 或 京B2-20201234', search: 'ident' },
      { ...CODE, placeholder: '如：京公网安备11010506000001号' },
    ],
    hint: '服务商名称、增值电信业务经营许可证编号或联网备案号',
  },
] as const satisfies readonly { value: string; label: string; kind: FilingKind | null; methods: readonly QueryMethod[]; hint: string }[];

export type QueryKind = (typeof QUERY_KINDS)[number];
export type QueryKindValue = QueryKind['value'];

/** The 查询类型 a `kind=` value names; anything else (absent, unknown) is 网站. */
export function parseQueryKind(v: string | null | undefined): QueryKind {
  return QUERY_KINDS.find((k) => k.value === v) ?? QUERY_KINDS[0];
}

/**
 * The 查询方式 a `type=` value names within a 查询类型. The identifier methods (网站域名, 包名,
 * 小程序ID) stand for one another, so a link or bookmark that kept another kind's `type=` still
 * searches the identifier; anything unknown is the name.
 */
export function parseQueryMethod(kind: QueryKind, v: string | null | undefined): QueryKind['methods'][number] {
  const methods: readonly QueryMethod[] = kind.methods;
  const exact = methods.find((m) => m.value === v);
  if (exact) return exact as QueryKind['methods'][number];
  const isIdent = ['domain', 'package', 'appid', 'licence'].includes(v ?? '');
  return (isIdent ? methods[1] : methods[0]) as QueryKind['methods'][number];
}

/** /query of a 查询类型, the query carried over; 网站 keeps the URLs it had (no `kind=`). */
export function queryKindHref(kind: QueryKind, q: string): string {
  const params = new URLSearchParams();
  if (kind.kind) params.set('kind', kind.value);
  params.set('type', 'name');
  if (q) params.set('q', q);
  return `/query?${params}`;
}
