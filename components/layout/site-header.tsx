import { getCurrentUser } from '@/lib/auth/session';
import { unreadCount } from '@/lib/notify/service';
import { OFFICE_NAME, ROLE_NAV, ROLE_LABELS, navFor, navNeedsCounts } from '@/lib/site/config';
import { currentSubjectId, currentSubjectSummary, listMySubjects } from '@/lib/subjects/service';
import { countMyFilings } from '@/lib/filings/service';
import { SiteHeaderView } from './site-header-view';

/** 当前主体 of an applicant for the header: its name, and whether there is anything to switch to. */
function applicantSubject(userId: number): { name: string | null; canSwitch: boolean } {
  // A subject that moved to another account (移交) is no longer current here.
  const name = currentSubjectSummary(userId)?.name ?? null;
  return { name, canSwitch: name != null || listMySubjects(userId).total > 0 };
}

/** The header's entries: 我的APP … only for the kinds the current subject has. */
function navOf(user: { id: number; role: keyof typeof ROLE_NAV }) {
  if (!navNeedsCounts(user.role)) return navFor(user.role, null);
  const subjectId = currentSubjectId(user.id);
  return navFor(user.role, subjectId ? countMyFilings(user.id, subjectId) : null);
}

/** The site header: what it shows is read here, on the server; SiteHeaderView draws it. */
export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <SiteHeaderView
      officeName={OFFICE_NAME}
      user={user && { name: user.name, roleLabel: ROLE_LABELS[user.role], nav: navOf(user), unread: unreadCount(user.id) }}
      subject={user?.role === 'applicant' ? applicantSubject(user.id) : null}
    />
  );
}
