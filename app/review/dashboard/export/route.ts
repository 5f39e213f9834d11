import { clientIp } from '@/lib/http/client-ip';
import { NO_STORE } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { writeAudit } from '@/lib/audit/service';
import { attachmentDisposition, exportFilename, filedWebsitesCsvStream, resolveStatsScope } from '@/lib/review/stats';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /review/dashboard/export[?unit=id] — the unit's filed websites as CSV (UTF-8 with BOM):
 * a reviewer gets their own unit, an admin the unit asked for or every unit.
 */
export const GET = route({ name: 'csv export', access: 'review.area' }, (req, { user }) => {
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
});
