/** Server side of the forms with upload fields: what the fields show for files already chosen. */
import 'server-only';
import { getFileRecord } from '@/lib/files/service';
import type { UploadedFile } from '@/lib/files/types';

/** The user's own files among `ids`, as the upload fields display them (others are left out). */
export function uploadedFilesOf(userId: number, ids: number[]): Record<number, UploadedFile> {
  const out: Record<number, UploadedFile> = {};
  for (const id of ids) {
    const f = getFileRecord(id);
    if (!f || f.ownerId !== userId) continue;
    const url = `/api/files/${f.id}`;
    out[f.id] = { id: f.id, name: f.originalName, kind: f.kind, size: f.size, thumbUrl: f.thumbSha256 ? `${url}?variant=thumb` : null, url };
  }
  return out;
}
