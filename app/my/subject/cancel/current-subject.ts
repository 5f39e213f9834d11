import { currentSubjectId, getSubjectView } from '@/lib/subjects/service';
import { isAppError } from '@/lib/errors';

/** The current subject as 注销主体 / 移交主体 may show it, or null when there is none (or it is no longer ours). */
export function currentSubjectView(userId: number) {
  const id = currentSubjectId(userId);
  if (!id) return null;
  try {
    return getSubjectView(userId, id);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}
