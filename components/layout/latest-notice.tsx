import { latestUnread } from '@/lib/notify/service';
import { NoticeToast } from './notice-toast';

/**
 * The newest unread notice, shown bottom-right on the landing page after login (SPEC §5);
 * form pages leave it out so it never covers their buttons. Not an async component: the page
 * has the user already, and React renders an async one as a task apart, a row of its own in the
 * RSC data (issue 17).
 */
export function LatestNotice({ userId }: { userId: number }) {
  const n = latestUnread(userId);
  if (!n) return null;
  return <NoticeToast id={n.id} title={n.title} body={n.body} />;
}
