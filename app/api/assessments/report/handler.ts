import { can, type Actor } from '@/lib/auth/policy';
import { GENERIC_ERROR, isAppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { assessmentReportSchema } from '@/lib/assessments/schemas';
import { buildAssessmentReport, loadReportTarget, REPORT_FILENAME } from '@/lib/assessments/report-pdf';

const NO_STORE = 'private, max-age=0, no-store';

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'Cache-Control': NO_STORE, 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * POST /api/assessments/report, given the signed-in actor (route.ts reads the session): the step-1
 * fields of 发起评估 as JSON → the 自评估报告 PDF. 400 `{ error, fieldErrors }` for bad input, 404 for a
 * website that is not one of the current subject's. Characters the font lacks are drawn as boxes and
 * named, percent-encoded, in X-Missing-Glyphs.
 */
export async function assessmentReportResponse(actor: Actor | null, req: Request, now = Date.now()): Promise<Response> {
  if (!actor) return json({ error: '请先登录' }, 401);
  if (!can(actor, 'assessments.report')) return json({ error: '您没有权限执行此操作' }, 403);
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return json({ error: '请求内容格式不正确', fieldErrors: {} }, 400);
  }
  const parsed = assessmentReportSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return json({ error: fieldErrors._form ?? Object.values(fieldErrors)[0] ?? '请检查填写的内容', fieldErrors }, 400);
  }
  try {
    const report = parsed.data;
    const target = loadReportTarget(actor.id, report.websiteId);
    const pdf = await buildAssessmentReport({ ...target, report, date: now });
    const headers: Record<string, string> = {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.bytes.byteLength),
      // RFC 5987: header values are Latin-1, so the UTF-8 name travels percent-encoded.
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(REPORT_FILENAME)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': NO_STORE,
    };
    if (pdf.missing.length) headers['X-Missing-Glyphs'] = encodeURIComponent(pdf.missing.join(''));
    return new Response(new Uint8Array(pdf.bytes), { status: 200, headers });
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return json({ error: e.message, fieldErrors: { websiteId: e.message } }, 404);
    if (isAppError(e)) return json({ error: e.message, fieldErrors: e.fieldErrors ?? {} }, 400);
    console.error('assessment report failed', e);
    return json({ error: GENERIC_ERROR }, 500);
  }
}
