import { route } from '@/lib/http/route';
import { CANCEL_TEMPLATE_FILENAME, websiteCancelTemplatePdf } from '@/lib/websites/cancel';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/websites/cancel-template — 注销网站 的 模板下载: the 网站注销说明 PDF, for signed-in applicants. */
export const GET = route({ name: 'cancel template', access: 'applicant.area' }, async () => {
  const bytes = await websiteCancelTemplatePdf();
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.byteLength),
      // RFC 5987: header values are Latin-1, so the UTF-8 name travels percent-encoded.
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(CANCEL_TEMPLATE_FILENAME)}`,
      'X-Content-Type-Options': 'nosniff',
      // The same template for every applicant: the browser may keep it for an hour.
      'Cache-Control': 'private, max-age=3600',
    },
  });
});
