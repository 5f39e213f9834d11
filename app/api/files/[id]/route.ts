import { getCurrentUser } from '@/lib/auth/session';
import { GENERIC_ERROR, isAppError } from '@/lib/errors';
import { getFileForActor } from '@/lib/files/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Ctx = { params: Promise<{ id: string }> };

const NO_STORE = 'private, max-age=0, no-store';

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'Cache-Control': NO_STORE, 'X-Content-Type-Options': 'nosniff' } });
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(name: string, type: 'inline' | 'attachment' = 'inline'): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** GET /api/files/:id[?variant=thumb] — the bytes, for the owner, the subject unit's reviewers and admins. */
export async function GET(req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  if (!/^[1-9]\d{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) return json({ error: '文件不存在' }, 404);

  try {
    const user = await getCurrentUser();
    if (!user) return json({ error: '请先登录' }, 401);

    const variant = new URL(req.url).searchParams.get('variant') === 'thumb' ? 'thumb' : 'original';
    const file = getFileForActor(user, Number(id), variant);

    const inline = file.mime.startsWith('image/') || file.mime === 'application/pdf';
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        'Content-Type': file.mime,
        'Content-Length': String(file.bytes.length),
        'Content-Disposition': contentDisposition(file.originalName, inline ? 'inline' : 'attachment'),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': NO_STORE,
      },
    });
  } catch (e) {
    if (isAppError(e)) {
      const status =
        e.code === 'not_found' ? 404 : e.code === 'forbidden' ? 403 : e.code === 'unauthenticated' ? 401 : 400;
      return json({ error: e.message }, status);
    }
    console.error('file download failed', e);
    return json({ error: GENERIC_ERROR }, 500);
  }
}
