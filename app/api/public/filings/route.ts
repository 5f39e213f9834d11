import type { NextRequest } from 'next/server';
import { searchFilings, PAGE_SIZE, type SearchType } from '@/lib/public/search';
import type { PublicFiling } from '@/lib/public/filings';
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

/** GET /api/public/filings?code=|domain=|name=[&page=] (SPEC §10.2): the public search as JSON, open to any origin. */
export function GET(req: NextRequest) {
  const sp = req.nextUrl.searchParams;
  const given = PARAMS.filter(([p]) => sp.has(p));
  if (given.length !== 1) {
    return Response.json({ error: '请提供 code、domain 或 name 中的一个参数' }, { status: 400, headers: CORS });
  }
  const [param, type] = given[0];
  const r = searchFilings(type, sp.get(param) ?? '', Number(sp.get('page')) || 1);
  if (!r.ok) return Response.json({ error: r.message }, { status: 400, headers: CORS });
  return Response.json(
    { type, query: r.query, total: r.total, totalCapped: r.totalCapped, page: r.page, pageSize: PAGE_SIZE, pageCount: r.pageCount, items: r.items.map(item) },
    { headers: { ...CORS, 'Cache-Control': 'public, max-age=60' } },
  );
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}
