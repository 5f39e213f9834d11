import { getCurrentUser } from '@/lib/auth/session';
import { applicationReceiptResponse } from './handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/applications/:id/receipt — 下载申请回执: the application's receipt as a PDF. */
export async function GET(_req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  return applicationReceiptResponse(await getCurrentUser(), id);
}
