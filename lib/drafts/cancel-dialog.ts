/**
 * The 注销 dialogs' drafts as each row's dialog gets them (注销网站 and every filed object): the
 * draft chosen for that row (the one opened by ?draft=, else its newest) with its 附件说明's display data.
 */
import 'server-only';
import { uploadedFilesOf } from '@/lib/files/uploaded';
import type { UploadedFile } from '@/lib/files/types';

/** A saved 注销 draft of one object, with the 附件说明 it had (if still the user's). */
export type CancelDraft = { id: number; savedAt: number; principalName: string; reason: string; attachment: UploadedFile | null };
type Saved = { id: number; savedAt: number; data: { principalName: string; reason: string; attachmentFileId: number | null } };

export function cancelDialogDrafts(userId: number, rowIds: number[], draftOf: (id: number) => Saved | undefined | null): (id: number) => CancelDraft | null {
  const files = uploadedFilesOf(
    userId,
    rowIds.map((id) => draftOf(id)?.data.attachmentFileId).filter((v): v is number => !!v),
  );
  return (id) => {
    const d = draftOf(id);
    if (!d) return null;
    const fid = d.data.attachmentFileId;
    return { id: d.id, savedAt: d.savedAt, principalName: d.data.principalName, reason: d.data.reason, attachment: fid ? (files[fid] ?? null) : null };
  };
}
