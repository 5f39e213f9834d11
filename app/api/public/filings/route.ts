import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { searchFilings, PAGE_SIZE, type SearchType } from '@/lib/public/search';
import type { PublicFiling, PublicLegacyFiling } from '@/lib/public/filings';
import { searchObjectFilings } from '@/lib/public/object-search';
import type { PublicObjectFiling } from '@/lib/public/object-filings';
import { QUERY_KINDS } from '@/lib/public/query-kinds';
import { publicBaseUrl } from '@/lib/config/env';

export const dynamic = 'force-dynamic';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '86400',
};

const PARAMS: [string, SearchType][] = [
  ['code', 'code'],
  ['domain', 'domain'],
  ['name', 'name'],
];

function item(f: PublicFiling) {
  return {
    filingNumber: f.filingNumber,
    digits: f.digits,
    websiteName: f.websiteName,
    domains: f.domains,
    subjectName: f.subjectName,
    subjectNature: f.subjectNature,
    filedAt: f.filedAt ? new Date(f.filedAt).toISOString() : null,
    unitName: f.unitName,
    interactive: f.interactive,
    status: f.status,
    url: `${publicBaseUrl()}/query/${f.digits}`,
  };
}

/** An unclaimed filing of the previous system (SPEC §8.3): status 待认领, 备案时间 a date. */
function legacyItem(f: PublicLegacyFiling) {
  return {
    filingNumber: f.filingNumber,
    digits: f.digits,
    websiteName: f.websiteName,
    domains: [f.domain],
    subjectName: f.subjectName,
    filedAt: f.filedOn,
    status: f.status,
    url: `${publicBaseUrl()}/query/${f.digits}`,
  };
}

function objectItem(f: PublicObjectFiling) {
  const base = publicBaseUrl();
  return {
    filingNumber: f.filingNumber,
    digits: f.digits,
    name: f.name,
    ...identifiers(f),
    subjectName: f.subjectName,
    filedAt: f.filedAt ? new Date(f.filedAt).toISOString() : null,
    unitName: f.unitName,
    status: f.status,
    url: `${base}/query/${f.digits}`,
    iconUrl: f.hasIcon ? `${base}/api/public/filings/${f.digits}/icon` : null,
  };
}

/** Each kind's identifiers under the names the API has always used for APP and 小程序. */
function identifiers(f: PublicObjectFiling) {
  switch (f.kind) {
    case 'APP':
      return { platforms: f.idents.map((i) => i.platform), packages: f.idents.map((i) => ({ platform: i.platform, packageName: i.ident })) };
    case '小程序':
      return { platform: f.platforms, appId: f.idents[0]?.ident ?? null };
    case '应用市场':
      return { domains: f.idents.map((i) => i.ident) };
    case '服务商':
      return { serviceTypes: f.platforms, licenceNumber: f.idents[0]?.ident ?? null };
  }
}

const OBJECT_KINDS = QUERY_KINDS.filter((k) => k.kind !== null);

/** `type=`: 查询类型, 网站 when absent. */
const typeParam = z
  .enum(['website', ...OBJECT_KINDS.map((k) => k.value)] as [string, ...string[]], { error: `type 参数应为 ${['website', ...OBJECT_KINDS.map((k) => k.value)].join('、')} 之一` })
  .default('website');

/** `page=`: as for websites, anything that is not a positive number is the first page (the search caps it). */
const pageParam = z.coerce.number().int().positive().catch(1);

/** GET /api/public/filings?type=app|mini-program&… : the 查询类型 APP / 小程序, one of name=, package= / appid=, code=. */
function objectSearch(sp: URLSearchParams, kindValue: string) {
  const kind = OBJECT_KINDS.find((k) => k.value === kindValue)!;
  const params = kind.methods.map((m) => m.value);
  const given = kind.methods.filter((m) => sp.has(m.value));
  if (given.length !== 1) {
    return Response.json({ error: `type=${kind.value} 时请提供 ${params.join('、')} 中的一个参数` }, { status: 400, headers: CORS });
  }
  const method = given[0];
  const r = searchObjectFilings(kind.kind, method.search, sp.get(method.value) ?? '', pageParam.parse(sp.get('page') ?? undefined));
  if (!r.ok) return Response.json({ error: r.message }, { status: 400, headers: CORS });
  return Response.json(
    { type: kind.value, by: method.value, query: r.query, total: r.total, totalCapped: r.totalCapped, page: r.page, pageSize: PAGE_SIZE, pageCount: r.pageCount, items: r.items.map(objectItem) },
    { headers: { ...CORS, 'Cache-Control': 'public, max-age=60' } },
  );
}

/**
 * GET /api/public/filings?code=|domain=|name=[&page=] (SPEC §10.2): the public search as JSON, open to any origin.
 * `type=app|mini-program` (SPEC §15.5) searches APPs (name=, package=, code=) or 小程序 (name=, appid=, code=);
 * no `type` or `type=website` is the website search.
 */
export function GET(req: NextRequest) {
  const sp = req.nextUrl.searchParams;
  const kind = typeParam.safeParse(sp.get('type') ?? undefined);
  if (!kind.success) return Response.json({ error: kind.error.issues[0].message }, { status: 400, headers: CORS });
  if (kind.data !== 'website') return objectSearch(sp, kind.data);
  const given = PARAMS.filter(([p]) => sp.has(p));
  if (given.length !== 1) {
    return Response.json({ error: '请提供 code、domain 或 name 中的一个参数' }, { status: 400, headers: CORS });
  }
  const [param, type] = given[0];
  const r = searchFilings(type, sp.get(param) ?? '', Number(sp.get('page')) || 1);
  if (!r.ok) return Response.json({ error: r.message }, { status: 400, headers: CORS });
  return Response.json(
    { type, query: r.query, total: r.total, totalCapped: r.totalCapped, page: r.page, pageSize: PAGE_SIZE, pageCount: r.pageCount, items: [...r.items.map(item), ...r.legacy.map(legacyItem)] },
    { headers: { ...CORS, 'Cache-Control': 'public, max-age=60' } },
  );
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}
