import { getCurrentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/policy';
import { GENERIC_ERROR } from '@/lib/errors';
import { CANCEL_TEMPLATE_FILENAME, websiteCancelTemplatePdf } from '@/lib/websites/cancel';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'private, max-age=0, no-store', 'X-Content-Type-Options': 'nosniff' } });
}

/** GET /api/websites/cancel-template — 注销网站 的 模板下载: the 网站注销说明 PDF, for signed-in applicants. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return json({ error: '请先登录' }, 401);
  if (!can(user, 'applicant.area')) return json({ error: '您没有权限执行此操作' }, 403);
  try {
    const bytes = await websiteCancelTemplatePdf();
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(bytes.byteLength),
        // RFC 5987: header values are Latin-1, so the UTF-8 name travels percent-encoded.
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(CANCEL_TEMPLATE_FILENAME)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, max-age=3600',
      },
    });
  } catch (e) {
    console.error('cancel template failed', e);
    return json({ error: GENERIC_ERROR }, 500);
  }
}
