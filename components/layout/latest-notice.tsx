import { getCurrentUser } from '@/lib/auth/session';
import { latestUnread } from '@/lib/notify/service';
import { NoticeToast } from './notice-toast';

/**
 * The newest unread notice, shown bottom-right on the landing page after login (SPEC §5);
 * form pages leave it out so it never covers their buttons.
 */
export async function LatestNotice() {
  const user = await getCurrentUser();
  const n = user ? latestUnread(user.id) : undefined;
  if (!n) return null;
  return <NoticeToast id={n.id} title={n.title} body={n.body} />;
}
