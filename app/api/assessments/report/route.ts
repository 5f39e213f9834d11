import { route } from '@/lib/http/route';
import { assessmentReportResponse } from '@/lib/assessments/report-response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/assessments/report — 下载自评估报告 (SPEC §7): the signed-in applicant's filled report as a PDF. */
export const POST = route({ name: 'assessment report', access: 'signed-in' }, (req, { user }) => assessmentReportResponse(user, req));
