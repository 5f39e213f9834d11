import type { NextRequest } from 'next/server';
import { getPublicIcon } from '@/lib/public/icon';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** An hour in every cache: a 变更 may bring a new icon, a 注销 takes it away. */
const CACHE = 'public, max-age=3600';

/**
 * GET /api/public/filings/{14 digits}/icon (SPEC §15.5): the icon of a filed APP or 小程序 as a
 * JPEG thumbnail, for the public query pages and any site that shows the filing. 404 for a
 * number that is unknown, not an APP / 小程序, or cancelled.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ digits: string }> }) {
  const { digits } = await params;
  const icon = getPublicIcon(digits);
  if (!icon) return Response.json({ error: '未查询到图标' }, { status: 404, headers: { 'Cache-Control': 'public, max-age=60' } });
  const headers = {
    'Content-Type': icon.mime,
    'Cache-Control': CACHE,
    ETag: icon.etag,
    'X-Content-Type-Options': 'nosniff',
    // Other sites (app stores, the APP's own pages) may show it.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  if (req.headers.get('if-none-match') === icon.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(icon.bytes), { status: 200, headers: { ...headers, 'Content-Length': String(icon.bytes.length) } });
}
