import { jsonResponse } from '@/lib/http/response';
import { jsonBody, withApiKey } from '@/lib/data-codes/api';
import { issueDataCode } from '@/lib/data-codes/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * POST /api/provider/data-codes (SPEC §8.1, README 服务商接口): `Authorization: Bearer wlba_…` and the
 * 签发数据码 JSON → 201 `{ code: "XXXX-XXXX-XXXX-XXXX", expiresAt }`; 400 / 401 / 403 / 429 with `{ error }`.
 */
export function POST(req: Request) {
  return withApiKey(req, async ({ keyId, userId }) => {
    const body = await jsonBody(req);
    const issued = issueDataCode(userId, body, { apiKeyId: keyId });
    return jsonResponse({ code: issued.display, expiresAt: new Date(issued.expiresAt).toISOString() }, 201);
  });
}
