import type { Actor } from '@/lib/auth/policy';
import { errorResponse, jsonResponse, NO_STORE, routeId } from '@/lib/http/response';
import { buildReceipt, loadReceiptView, receiptFilename, RECEIPT_NOT_FOUND } from '@/lib/applications/receipt-pdf';

/**
 * GET /api/applications/:id/receipt, given the signed-in actor (route.ts reads the session): the
 * 申请回执 PDF for the applicant, the reviewing unit's reviewers and admins; 404 for anyone else.
 */
export async function applicationReceiptResponse(actor: Actor | null, rawId: string): Promise<Response> {
  if (!actor) return jsonResponse({ error: '请先登录' }, 401);
  const id = routeId(rawId);
  if (id === null) return jsonResponse({ error: RECEIPT_NOT_FOUND }, 404);
  try {
    const view = loadReceiptView(actor, id);
    const pdf = await buildReceipt(view);
    const headers: Record<string, string> = {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.bytes.byteLength),
      // RFC 5987: header values are Latin-1, so the UTF-8 name travels percent-encoded.
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(receiptFilename(view.code))}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': NO_STORE,
    };
    if (pdf.missing.length) headers['X-Missing-Glyphs'] = encodeURIComponent(pdf.missing.join(''));
    return new Response(new Uint8Array(pdf.bytes), { status: 200, headers });
  } catch (e) {
    return errorResponse(e, 'application receipt');
  }
}
