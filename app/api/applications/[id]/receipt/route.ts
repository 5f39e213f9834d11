import { route } from '@/lib/http/route';
import { applicationReceiptResponse } from '@/lib/applications/receipt-response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/applications/:id/receipt — 下载申请回执: the application's receipt as a PDF. */
export const GET = route<{ id: string }>({ name: 'application receipt', access: 'signed-in' }, (_req, { user, params }) =>
  applicationReceiptResponse(user, params.id),
);
