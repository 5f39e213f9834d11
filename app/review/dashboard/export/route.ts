import { getCurrentUser } from '@/lib/auth/session';
import { clientIp } from '@/lib/auth/ip';
import { writeAudit } from '@/lib/audit/service';
import { GENERIC_ERROR, isAppError } from '@/lib/errors';
import { attachmentDisposition, exportFilename, filedWebsitesCsvStream, resolveStatsScope } from '@/lib/review/stats';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const NO_STORE = 'private, max-age=0, no-store';

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'Cache-Control': NO_STORE, 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * GET /review/dashboard/export[?unit=id] — the unit's filed websites as CSV (UTF-8 with BOM):
 * a reviewer gets their own unit, an admin the unit asked for or every unit.
 */
export async function GET(req: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) return json({ error: '请先登录' }, 401);
    const scope = resolveStatsScope(user, new URL(req.url).searchParams.get('unit'));
    // A bulk export of filing data is recorded like any other access to it.
    writeAudit({
      actorId: user.id,
      actorRole: user.role,
      action: 'website.export',
      objectType: 'police_unit',
      objectId: scope.unitId,
      after: { unit: scope.unitName },
      ip: clientIp(req.headers),
    });
    const { name, fallback } = exportFilename(scope.unitName);
    return new Response(filedWebsitesCsvStream(scope), {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachmentDisposition(name, fallback),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': NO_STORE,
      },
    });
  } catch (e) {
    if (isAppError(e)) {
      const status = e.code === 'not_found' ? 404 : e.code === 'forbidden' ? 403 : e.code === 'unauthenticated' ? 401 : 400;
      return json({ error: e.message }, status);
    }
    console.error('csv export failed', e);
    return json({ error: GENERIC_ERROR }, 500);
  }
}
