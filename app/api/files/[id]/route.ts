import { getFileForActor } from '@/lib/files/service';
import { jsonResponse, NO_STORE, routeId } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(name: string, type: 'inline' | 'attachment' = 'inline'): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** GET /api/files/:id[?variant=thumb] — the bytes, for the owner, the subject unit's reviewers and admins. */
export const GET = route<{ id: string }>({ name: 'file download', access: 'signed-in' }, (req, { user, params }) => {
  const id = routeId(params.id);
  if (id === null) return jsonResponse({ error: '文件不存在' }, 404);
  const variant = new URL(req.url).searchParams.get('variant') === 'thumb' ? 'thumb' : 'original';
  const file = getFileForActor(user, id, variant);
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
});
