import { checkHealth } from '@/lib/ops/health';

export const dynamic = 'force-dynamic';

/** 200 when the database accepts writes and the uploads folder is writable; 503 with the reason otherwise. */
export function GET() {
  const health = checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
