import type { Actor } from '@/lib/auth/policy';
import { GENERIC_ERROR, isAppError } from '@/lib/errors';
import { buildReceipt, loadReceiptView, receiptFilename, RECEIPT_NOT_FOUND } from '@/lib/applications/receipt-pdf';

const NO_STORE = 'private, max-age=0, no-store';

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'Cache-Control': NO_STORE, 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * GET /api/applications/:id/receipt, given the signed-in actor (route.ts reads the session): the
 * 申请回执 PDF for the applicant, the reviewing unit's reviewers and admins; 404 for anyone else.
 */
export async function applicationReceiptResponse(actor: Actor | null, rawId: string): Promise<Response> {
  if (!actor) return json({ error: '请先登录' }, 401);
  if (!/^[1-9]\d{0,15}$/.test(rawId) || !Number.isSafeInteger(Number(rawId))) return json({ error: RECEIPT_NOT_FOUND }, 404);
  try {
    const view = loadReceiptView(actor, Number(rawId));
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
    if (isAppError(e) && e.code === 'not_found') return json({ error: e.message }, 404);
    console.error('application receipt failed', e);
    return json({ error: GENERIC_ERROR }, 500);
  }
}
