import { jsonResponse } from '@/lib/http/response';
import { withApiKey } from '@/lib/data-codes/api';
import { providerCodeStatus } from '@/lib/data-codes/provider';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

/** GET /api/provider/data-codes/{code}: the state of a code this account issued; 404 for any other. */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return withApiKey(req, ({ userId }) => {
    const r = providerCodeStatus(userId, code);
    if (!r) return jsonResponse({ error: '数据码不存在' }, 404);
    return jsonResponse({
      code: r.codeMasked,
      status: r.status,
      subjectName: r.subjectName,
      websiteCount: r.websiteCount,
      createdAt: iso(r.createdAt),
      expiresAt: iso(r.expiresAt),
      boundAt: iso(r.boundAt),
    });
  });
}
