/**
 * The public icon of a filed APP or 小程序 (SPEC §15.1 APP图标, shown on /query and
 * /query/{digits}): the JPEG thumbnail sharp made of the upload (≤ 240 px, flattened on white),
 * never the original bytes. Only while the number is in force: a cancelled filing keeps no icon.
 */
import 'server-only';
import fs from 'node:fs';
import { blobPath, getFileRecord } from '@/lib/files/service';
import { publicIconFileId } from './object-filings';

export type PublicIcon = { bytes: Buffer; mime: 'image/jpeg'; etag: string };

export function getPublicIcon(digits: string): PublicIcon | null {
  const fileId = publicIconFileId(digits);
  const rec = fileId === null ? undefined : getFileRecord(fileId);
  if (!rec || rec.kind !== 'image' || !rec.thumbSha256) return null;
  try {
    return { bytes: fs.readFileSync(blobPath(rec.thumbSha256)), mime: 'image/jpeg', etag: `"${rec.thumbSha256}"` };
  } catch (e) {
    console.error(`public icon ${digits}: blob ${rec.thumbSha256} unreadable`, e);
    return null;
  }
}
