import { AppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES, UPLOAD_ERRORS, storeUpload, type UploadKind } from '@/lib/files/service';
import { jsonResponse as json } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { readBodyLimited } from '@/lib/http/body';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The file itself may be 5 MB; allow for the multipart envelope and the `kind` field. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 512 * 1024;

function fileError(message: string, status = 400) {
  return json({ error: message, field: 'file' }, status);
}

/**
 * POST /api/files — multipart form-data with `file` (File) and `kind` ('image' | 'pdf' | 'document' = either).
 * 201 { id, kind, name, size, mime, width, height, thumbUrl, url } or 4xx { error, field }.
 */
export const POST = route(
  // A refused upload names the form field it belongs to; 请先登录 and 403 do not.
  { name: 'upload', access: 'files.upload', errorBody: (e) => (e.code === 'unauthenticated' || e.code === 'forbidden' ? {} : { field: 'file' }) },
  async (req, { user }) => {
    if (req.headers.get('sec-fetch-site') === 'cross-site') throw new AppError('forbidden', '您没有权限执行此操作');

    const declared = Number(req.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return fileError(UPLOAD_ERRORS.tooLarge, 413);

    const contentType = req.headers.get('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) return fileError(UPLOAD_ERRORS.empty);

    let form: FormData;
    try {
      const body = await readBodyLimited(req, MAX_BODY_BYTES);
      if (!body) return fileError(UPLOAD_ERRORS.tooLarge, 413);
      form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
    } catch {
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
  },
);
