import { getCurrentUser } from '@/lib/auth/session';
import { latestUnread } from '@/lib/notify/service';
import { NoticeToast } from './notice-toast';

/** The newest unread notice, shown bottom-right on every page until read or closed (SPEC §5). */
export async function LatestNotice() {
  const user = await getCurrentUser();
  const n = user ? latestUnread(user.id) : undefined;
  if (!n) return null;
  return <NoticeToast id={n.id} title={n.title} body={n.body} />;
}
