import { getCurrentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/policy';
import { GENERIC_ERROR, isAppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES, UPLOAD_ERRORS, storeUpload, type UploadKind } from '@/lib/files/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The file itself may be 5 MB; allow for the multipart envelope and the `kind` field. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 512 * 1024;

const NO_STORE = { 'Cache-Control': 'private, max-age=0, no-store' };

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: NO_STORE });
}

function fileError(message: string, status = 400) {
  return json({ error: message, field: 'file' }, status);
}

class BodyTooLarge extends Error {}

/** Reads the request body, giving up as soon as it exceeds `limit` (chunked bodies have no Content-Length). */
async function readBodyLimited(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * POST /api/files — multipart form-data with `file` (File) and `kind` ('image' | 'pdf' | 'document' = either).
 * 201 { id, kind, name, size, mime, width, height, thumbUrl, url } or 4xx { error, field }.
 */
export async function POST(req: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) return json({ error: '请先登录' }, 401);
    if (!can(user, 'files.upload')) return json({ error: '您没有权限执行此操作' }, 403);
    if (req.headers.get('sec-fetch-site') === 'cross-site') return json({ error: '您没有权限执行此操作' }, 403);

    const declared = Number(req.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return fileError(UPLOAD_ERRORS.tooLarge, 413);

    const contentType = req.headers.get('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) return fileError(UPLOAD_ERRORS.empty);

    let form: FormData;
    try {
      const body = await readBodyLimited(req, MAX_BODY_BYTES);
      form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
    } catch (e) {
      if (e instanceof BodyTooLarge) return fileError(UPLOAD_ERRORS.tooLarge, 413);
      return fileError(UPLOAD_ERRORS.empty);
    }

    const kindRaw = form.get('kind');
    if (kindRaw !== 'image' && kindRaw !== 'pdf' && kindRaw !== 'document') return fileError(UPLOAD_ERRORS.kind);
    const kind: UploadKind = kindRaw;

    const file = form.get('file');
    if (!file || typeof file === 'string' || file.size === 0) return fileError(UPLOAD_ERRORS.empty);
    if (file.size > MAX_UPLOAD_BYTES) return fileError(UPLOAD_ERRORS.tooLarge);

    const stored = await storeUpload({
      ownerId: user.id,
      kind,
      originalName: file.name,
      bytes: Buffer.from(await file.arrayBuffer()),
    });

    const url = `/api/files/${stored.id}`;
    return json(
      {
        id: stored.id,
        kind: stored.kind,
        name: stored.originalName,
        size: stored.size,
        mime: stored.mime,
        width: stored.width,
        height: stored.height,
        thumbUrl: stored.hasThumb ? `${url}?variant=thumb` : null,
        url,
      },
      201,
    );
  } catch (e) {
    if (isAppError(e)) {
      if (e.code === 'unauthenticated') return json({ error: e.message }, 401);
      if (e.code === 'forbidden') return json({ error: e.message }, 403);
      if (e.code === 'rate_limited') return fileError(e.message, 429);
      return fileError(e.message);
    }
    console.error('upload failed', e);
    return json({ error: GENERIC_ERROR }, 500);
  }
}
