import { can, type Actor } from '@/lib/auth/policy';
import { errorResponse, jsonResponse as json, NO_STORE } from '@/lib/http/response';
import { readBodyLimited } from '@/lib/http/body';
import { fieldErrorsOf, isPlainObject, zhErrorMap } from '@/lib/zod-errors';
import { assessmentReportSchema, isFilingTarget } from '@/lib/assessments/schemas';
import { buildAssessmentReport, loadFilingReportTarget, loadReportTarget, REPORT_FILENAME } from '@/lib/assessments/report-pdf';

/** The step-1 fields are a few KB (开展评估情况 ≤ 5,000 字); anything much larger is not this form. */
export const REPORT_BODY_MAX = 64 * 1024;
export const REPORT_MESSAGES = {
  contentType: '请求内容须为JSON格式',
  tooLarge: '请求内容过大，不能超过64KB',
  malformed: '请求内容格式不正确',
} as const;

/**
 * POST /api/assessments/report, given the signed-in actor (route.ts reads the session): the step-1
 * fields of 发起评估 as JSON → the 自评估报告 PDF. 415 for another content type, 413 for a body over
 * 64 KB, 400 `{ error, fieldErrors }` for bad input (all in Chinese), 404 for a
 * website (or APP / 小程序) that is not one of the current subject's. Characters the font lacks are drawn as boxes and
 * named, percent-encoded, in X-Missing-Glyphs.
 */
export async function assessmentReportResponse(actor: Actor | null, req: Request, now = Date.now()): Promise<Response> {
  if (!actor) return json({ error: '请先登录' }, 401);
  if (!can(actor, 'assessments.report')) return json({ error: '您没有权限执行此操作' }, 403);
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return json({ error: REPORT_MESSAGES.contentType }, 415);
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > REPORT_BODY_MAX) return json({ error: REPORT_MESSAGES.tooLarge }, 413);
  const bytes = await readBodyLimited(req, REPORT_BODY_MAX);
  if (!bytes) return json({ error: REPORT_MESSAGES.tooLarge }, 413);
  const text = new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: REPORT_MESSAGES.malformed, fieldErrors: {} }, 400);
  }
  if (!isPlainObject(body)) return json({ error: REPORT_MESSAGES.malformed, fieldErrors: {} }, 400);
  const parsed = assessmentReportSchema.safeParse(body, { error: zhErrorMap });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return json({ error: fieldErrors._form ?? Object.values(fieldErrors)[0] ?? '请检查填写的内容', fieldErrors }, 400);
  }
  try {
    const report = parsed.data;
    // The schema required the id of the chosen 类型.
    const target = isFilingTarget(report.targetType) ? loadFilingReportTarget(actor.id, report.targetType, report.filingId!) : loadReportTarget(actor.id, report.websiteId!);
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
    const idKey = isFilingTarget(parsed.data.targetType) ? 'filingId' : 'websiteId';
    return errorResponse(e, 'assessment report', (err) => ({ fieldErrors: err.code === 'not_found' ? { [idKey]: err.message } : (err.fieldErrors ?? {}) }));
  }
}
